import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inlineScriptHashes } from '../../integrations/headers.ts';
import { DIST, distHtmlFiles, read, urlOf } from './helpers.ts';

/** The posts the content holds: the feed must carry every one. */
const POSTS = readdirSync(resolve(import.meta.dirname, '../../src/content/blog')).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).length;

describe('RSS', () => {
  const xml = read(join(DIST, 'rss.xml'));
  const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
  const items = [doc.rss?.channel?.item ?? []].flat();

  it('is well-formed RSS 2.0 with a channel title, link and description', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc.rss['@_version']).toBe('2.0');
    for (const k of ['title', 'link', 'description']) expect(doc.rss.channel[k]).toBeTruthy();
  });

  it('carries every post, each with title, absolute link, guid, date and full description', () => {
    expect(POSTS).toBeGreaterThan(0);
    expect(items).toHaveLength(POSTS);
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^https?:\/\/.+\/blog\/[a-z0-9-]+\/$/);
      expect(item.guid).toBeTruthy();
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect(String(item.description).length).toBeGreaterThanOrEqual(80);
    }
  });
});

describe('sitemap and robots', () => {
  it('sitemap lists the content pages and robots.txt points to it', () => {
    const sm = read(join(DIST, 'sitemap-0.xml'));
    for (const p of ['/learn/system-design-phase-2/load-balancing-strategies/', '/patterns/circuit-breaker/', '/blog/consistent-hashing-explained/', '/topics/caching/']) {
      expect(sm).toContain(p);
    }
    expect(sm).not.toContain('/404/');
    expect(read(join(DIST, 'robots.txt'))).toMatch(/Sitemap: https?:\/\/.+\/sitemap-index\.xml/);
  });
});

describe('_headers', () => {
  const headers = read(join(DIST, '_headers'));

  it('caches hashed assets for a year and sets security headers', () => {
    expect(headers).toMatch(/\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable/);
    for (const h of ['Content-Security-Policy', 'X-Content-Type-Options: nosniff', 'Referrer-Policy', 'Strict-Transport-Security']) expect(headers).toContain(h);
    expect(headers).not.toContain('__INLINE_SCRIPT_HASHES__');
    expect(headers).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('the CSP allows every inline script on every page by its hash', () => {
    const csp = /Content-Security-Policy: (.*)/.exec(headers)![1]!;
    const missing = new Set<string>();
    for (const f of distHtmlFiles()) for (const h of inlineScriptHashes(read(f))) if (!csp.includes(h)) missing.add(h);
    expect([...missing]).toEqual([]);
  });

});

describe('diagrams', () => {
  it('mermaid is not shipped when diagrams were drawn at build time', () => {
    const drawn = distHtmlFiles().some((f) => read(f).includes('class="diagram-svg'));
    if (drawn) expect(existsSync(join(DIST, 'vendor', 'mermaid'))).toBe(false);
    expect(drawn).toBe(true);
  });

  it('each shared diagram style is written once per page, and every drawn diagram finds its own', () => {
    const problems: string[] = [];
    for (const f of distHtmlFiles()) {
      const html = read(f);
      const styles = [...html.matchAll(/<style>((?:(?!<\/style>)[\s\S])*)<\/style>/g)].map((m) => m[1] ?? '');
      for (const [tag, id] of html.matchAll(/<svg id="(diagram-[^"]+)"[^>]*>/g)) {
        const cls = / class="(mm-[0-9a-f]{10})[ "]/.exec(tag)?.[1];
        const carriers = cls ? styles.filter((css) => css.startsWith(`.${cls}{`)).length : 0;
        if (carriers !== 1) problems.push(`${urlOf(f)} #${id}: its style is on the page ${carriers} times`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a diagram drawn once for both themes sets every colour it uses for the dark theme too', () => {
    const problems: string[] = [];
    let themed = 0;
    for (const f of distHtmlFiles()) {
      const html = read(f);
      for (const [svg, cls] of html.matchAll(/<svg id="diagram-\d+" [^>]*class="(mm-[0-9a-f]{10})[\s\S]*?<\/svg>/g)) {
        const used = new Set([...svg.matchAll(/var\((--dg\d+)\)/g)].map((m) => m[1]));
        if (used.size === 0) continue;
        themed++;
        const dark = new RegExp(`\\[data-theme=dark\\] \\.${cls}\\{([^}]*)\\}`).exec(html)?.[1] ?? '';
        const light = new RegExp(`(?<!\\] )\\.${cls}\\{(--dg[^}]*)\\}`).exec(html)?.[1] ?? '';
        for (const v of used) if (!dark.includes(`${v}:`) || !light.includes(`${v}:`)) problems.push(`${urlOf(f)} .${cls}: ${v} not set for both themes`);
      }
    }
    expect(problems).toEqual([]);
    expect(themed).toBeGreaterThan(0);
  });

  it('ids inside diagrams are unique on every page', () => {
    const dupes: string[] = [];
    for (const f of distHtmlFiles()) {
      const figures = read(f).match(/<figure class="diagram">[\s\S]*?<\/figure>/g) ?? [];
      const ids = figures.flatMap((fig) => [...fig.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id!)) dupes.push(`${urlOf(f)} #${id}`);
        seen.add(id!);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('no page keeps a mermaid code block: every fence became a diagram', () => {
    const left = distHtmlFiles().filter((f) => read(f).includes('data-language="mermaid"'));
    expect(left).toEqual([]);
  });
});
