/** Route data of the blog's category pages and the pattern catalogue, and post cards for any list. */
import { CATEGORY_LABEL, type Category } from '../labels.ts';
import { plural } from '../format.ts';
import { getPatterns, getPosts } from '../collections.ts';
import { topicLinks } from '../listings.ts';
import { patternCard, postCard, type PostCardData } from '../cards.ts';
import { categoryUrl, URLS } from '../urls.ts';
import type { Frame } from './frame.ts';

export interface CategoryPage {
  frame: Frame;
  category: Category;
  count: string;
  posts: PostCardData[];
}

export async function categoryPage(category: Category): Promise<CategoryPage> {
  const label = CATEGORY_LABEL[category];
  const posts = (await getPosts()).filter((p) => p.data.category === category);
  const url = categoryUrl(category);
  return {
    frame: {
      title: `${label} articles`,
      lede: `Every ${label.toLowerCase()} article on the blog, newest first.`,
      seo: {
        title: `${label} articles`,
        description: `All ${label.toLowerCase()} articles: ${posts.length} deep dives with diagrams, code and quizzes.`,
        path: url,
        crumbs: [
          { label: 'Blog', href: URLS.blog },
          { label, href: url },
        ],
      },
    },
    category,
    count: plural(posts.length, 'article'),
    posts: posts.map(postCard),
  };
}

export async function postCards(limit?: number): Promise<PostCardData[]> {
  return (await getPosts()).slice(0, limit).map(postCard);
}

/** The pattern catalogue: each card with its tag pills, and the filter's tags in first-seen order. */
export async function patternIndex() {
  const patterns = await getPatterns();
  const filterTags = await topicLinks(patterns.flatMap((p) => p.data.tags.map((t) => t.id)));
  const cards = await Promise.all(
    patterns.map(async (p) => ({ ...patternCard(p), tags: await topicLinks(p.data.tags.map((t) => t.id)) })),
  );
  return {
    filter: filterTags,
    cards,
    count: plural(patterns.length, 'pattern'),
  };
}
