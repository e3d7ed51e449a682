import type { APIContext } from 'astro';
import { SITE } from '../site.ts';

export function GET(context: APIContext) {
  const sitemap = new URL('sitemap-index.xml', context.site ?? SITE.url).href;
  return new Response(`User-agent: *\nAllow: /\nDisallow: /search/\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
