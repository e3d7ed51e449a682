/**
 * Byte budget (DESIGN.md section 4): a reading page loads < 10 KB gzip of JavaScript
 * before any island becomes visible. Islands (the quiz) load on scroll and are
 * reported, not counted. Bytes are deterministic, so this is a test; timings live in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { DIST, read } from './helpers.ts';

const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;

/** A module and every module it imports statically (dynamic imports load later, on use). */
function moduleGraph(url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = read(join(DIST, url));
  for (const m of code.matchAll(STATIC_IMPORT)) moduleGraph(new URL(m[1]!, `http://x${url}`).pathname, seen);
  return seen;
}

export function initialJs(pagePath: string): { bytes: number; files: string[] } {
  const root = parse(read(join(DIST, pagePath, 'index.html')));
  let raw = '';
  const files = new Set<string>();
  for (const s of root.querySelectorAll('script')) {
    const type = s.getAttribute('type');
    if (type === 'application/ld+json') continue;
    const src = s.getAttribute('src');
    if (src) for (const f of moduleGraph(src)) files.add(f);
    else {
      raw += s.textContent;
      if (type === 'module') for (const m of s.textContent.matchAll(STATIC_IMPORT)) for (const f of moduleGraph(m[1]!)) files.add(f);
    }
  }
  for (const f of files) raw += read(join(DIST, f));
  return { bytes: gzipSync(raw).length, files: [...files] };
}

describe('JavaScript budget of reading pages', () => {
  const pages = {
    lesson: '/learn/system-design-phase-2/load-balancing-strategies/',
    post: '/blog/consistent-hashing-explained/',
    pattern: '/patterns/circuit-breaker/',
    path: '/learn/building-blocks/',
    home: '/',
  };
  for (const [name, path] of Object.entries(pages)) {
    it(`${name} (${path}) loads less than 10 KB gzip of JS up front, and no framework`, () => {
      const { bytes, files } = initialJs(path);
      expect(bytes).toBeLessThan(10 * 1024);
      expect(files.filter((f) => /preact|mermaid/i.test(f))).toEqual([]);
    });
  }
});
