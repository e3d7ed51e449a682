import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inlineScriptHashes } from '../../integrations/headers.ts';
import { DIST, distHtmlFiles, read, urlOf } from './helpers.ts';

describe('RSS', () => {
  const xml = read(join(DIST, 'rss.xml'));
  const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
  const items = [doc.rss?.channel?.item ?? []].flat();

  it('is well-formed RSS 2.0 with a channel title, link and description', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc.rss['@_version']).toBe('2.0');
    for (const k of ['title', 'link', 'description']) expect(doc.rss.channel[k]).toBeTruthy();
  });

  it('carries all 21 posts, each with title, absolute link, guid, date and full description', () => {
    expect(items).toHaveLength(21);
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

  it('every drawn diagram uses a style shared in <head> instead of carrying its own copy', () => {
    const unshared: string[] = [];
    for (const f of distHtmlFiles()) {
      const html = read(f);
      const head = html.slice(0, html.indexOf('</head>'));
      for (const [tag, id] of html.matchAll(/<svg id="(diagram-[^"]+)"[^>]*>/g)) {
        const cls = / class="(mm-[0-9a-f]{10})[ "]/.exec(tag)?.[1];
        if (!cls || !head.includes(`.${cls}{`)) unshared.push(`${urlOf(f)} #${id}`);
      }
      // <style> in <head> is raw text: a character reference there would be a broken selector.
      for (const [, css] of head.matchAll(/<style>(\.mm-(?:(?!<\/style>)[\s\S])*)<\/style>/g)) {
        if (/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(css ?? '')) unshared.push(`${urlOf(f)}: character reference in the shared diagram style`);
      }
    }
    expect(unshared).toEqual([]);
  });

  it('no page keeps a mermaid code block: every fence became a diagram', () => {
    const left = distHtmlFiles().filter((f) => read(f).includes('data-language="mermaid"'));
    expect(left).toEqual([]);
  });
});
