import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { distHtmlFiles, fileFor, read, urlOf } from './helpers.ts';

const pages = distHtmlFiles();
const idsCache = new Map<string, Set<string>>();
const idsOf = (file: string) => {
  if (!idsCache.has(file)) idsCache.set(file, new Set(parse(read(file)).querySelectorAll('[id]').map((e) => e.id)));
  return idsCache.get(file)!;
};

describe('internal links in dist/', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it('every internal href/src resolves to a built file, and every #fragment to an id on that page', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const from = urlOf(file);
      const root = parse(read(file));
      const refs = [
        ...root.querySelectorAll('a[href], link[href]').map((e) => e.getAttribute('href')!),
        ...root.querySelectorAll('script[src], img[src]').map((e) => e.getAttribute('src')!),
      ];
      for (const ref of refs) {
        if (/^(mailto:|https?:|data:)/.test(ref)) continue;
        const url = new URL(ref, `http://site${from}`);
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${from} → ${ref} (no such file)`);
          continue;
        }
        if (url.hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(`${from} → ${ref} (no element with that id)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('internal links use the trailing-slash form the site is built with', () => {
    const bad: string[] = [];
    for (const file of pages) {
      for (const a of parse(read(file)).querySelectorAll('a[href^="/"]')) {
        const href = a.getAttribute('href')!;
        const path = href.split(/[?#]/)[0]!;
        if (path && !path.endsWith('/') && !/\.[a-z0-9]+$/.test(path)) bad.push(`${urlOf(file)} → ${href}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
