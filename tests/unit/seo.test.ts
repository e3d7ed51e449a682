import { describe, expect, it } from 'vitest';
import { absoluteUrl, articleLd, breadcrumbLd, courseLd, headOf, jsonLdScript, pageTitle, sectionSeo } from '../../src/lib/seo.ts';
import { SITE } from '../../src/site.ts';
import { nextTheme, resolveTheme } from '../../src/scripts/theme.ts';
import { labelFor } from '../../src/scripts/code-tabs.ts';

describe('seo helpers', () => {
  it('builds absolute canonical URLs from the site URL', () => {
    expect(absoluteUrl('/blog/x/')).toBe(new URL('/blog/x/', SITE.url).href);
  });
  it('titles pages with the site name', () => {
    expect(pageTitle('Blog')).toBe(`Blog | ${SITE.name}`);
    expect(pageTitle(SITE.name)).toContain(SITE.tagline);
  });
  it('BreadcrumbList numbers items from 1 with absolute URLs', () => {
    const ld = breadcrumbLd([
      { label: 'Blog', href: '/blog/' },
      { label: 'Post', href: '/blog/p/' },
    ]) as any;
    expect(ld['@type']).toBe('BreadcrumbList');
    expect(ld.itemListElement[1]).toEqual({ '@type': 'ListItem', position: 2, name: 'Post', item: absoluteUrl('/blog/p/') });
  });
  it('Article and Course JSON-LD carry dates and the provider', () => {
    const a = articleLd({ title: 'T', description: 'D', path: '/blog/t/', published: new Date('2026-11-03T00:00:00Z') }) as any;
    expect(a).toMatchObject({ '@type': 'Article', headline: 'T', datePublished: '2026-11-03T00:00:00.000Z', dateModified: '2026-11-03T00:00:00.000Z' });
    expect(courseLd('C', 'D', '/learn/c/')).toMatchObject({ '@type': 'Course', provider: { name: SITE.name } });
  });
  it('JSON-LD cannot close its script tag', () => {
    expect(jsonLdScript({ x: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('theme and code tabs', () => {
  it('cycles system → light → dark → system and resolves system from the OS', () => {
    expect(nextTheme('system')).toBe('light');
    expect(nextTheme('light')).toBe('dark');
    expect(nextTheme('dark')).toBe('system');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
  });
  it('labels code tabs by language', () => {
    expect(labelFor('python')).toBe('Python');
    expect(labelFor('go')).toBe('Go');
    expect(labelFor('zig')).toBe('zig');
  });
});

describe('head data', () => {
  it('prints an article with its crumbs and extra JSON-LD, escaped', () => {
    const head = headOf({
      title: 'Post',
      description: 'D',
      path: '/blog/p/',
      type: 'article',
      published: new Date('2026-11-03T00:00:00Z'),
      crumbs: [
        { label: 'Blog', href: '/blog/' },
        { label: 'Post', href: '/blog/p/' },
      ],
      jsonLd: [{ '@type': 'Thing', name: '</script>' }],
    });
    expect(head).toMatchObject({ title: `Post | ${SITE.name}`, ogTitle: 'Post', canonical: absoluteUrl('/blog/p/'), type: 'article', published: '2026-11-03T00:00:00.000Z', noindex: false });
    expect(head.jsonLd.map((j) => JSON.parse(j)['@type'])).toEqual(['Article', 'BreadcrumbList', 'Thing']);
    expect(head.jsonLd.join('')).not.toContain('</script>');
  });
  it('gives a single-crumb page no BreadcrumbList, and a section page itself as its crumb', () => {
    const seo = sectionSeo('Study cohorts', 'D', '/cohorts/', 'Cohorts');
    expect(seo.crumbs).toEqual([{ label: 'Cohorts', href: '/cohorts/' }]);
    expect(headOf(seo)).toMatchObject({ type: 'website', jsonLd: [] });
    expect(headOf({ ...seo, noindex: true }).noindex).toBe(true);
  });
});
