import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../site.ts';
import { getPosts } from '../lib/collections.ts';
import { CATEGORY_LABEL } from '../lib/labels.ts';
import { postUrl } from '../lib/urls.ts';

export async function GET(context: APIContext) {
  const posts = await getPosts();
  return rss({
    title: `${SITE.name} blog`,
    description: 'Deep dives into backend development, system design and distributed systems.',
    site: context.site ?? SITE.url,
    items: posts.map((p) => ({
      title: p.data.title,
      description: p.data.description,
      pubDate: p.data.published,
      link: postUrl(p.id),
      categories: [CATEGORY_LABEL[p.data.category]],
    })),
    customData: `<language>${SITE.lang}</language>`,
    trailingSlash: true,
  });
}
