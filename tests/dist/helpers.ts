import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const DIST = resolve(import.meta.dirname, '../../dist');

export function distHtmlFiles(dir = DIST): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: run astro build first`);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** URL path of a built HTML file: dist/blog/x/index.html → /blog/x/ */
export function urlOf(file: string): string {
  const rel = '/' + relative(DIST, file).replace(/\\/g, '/');
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/** The file a site URL path is served from, or null. */
export function fileFor(pathname: string): string | null {
  const p = decodeURIComponent(pathname);
  const candidates = p.endsWith('/') ? [join(DIST, p, 'index.html')] : [join(DIST, p), join(DIST, p, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export const read = (file: string) => readFileSync(file, 'utf8');
