/**
 * The built site's pages, grouped into templates by URL shape. A new page of a known
 * shape joins its template; a URL of a shape no rule knows throws, so a new kind of
 * page cannot slip past the per-template browser checks unnoticed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { TEMPLATES } from './fixtures.ts';

/** Pages the sitemap leaves out on purpose that still are templates of their own. */
const UNLISTED = ['/404.html', '/search/'];

/** Learning paths differ by kind (guide, track, course), and so do their pages. */
function pathKind(slug: string): string {
  const file = `src/content/paths/${slug}.yaml`;
  if (!existsSync(file)) throw new Error(`/learn/${slug}/ has no ${file}: which kind of path is it?`);
  const kind = (parse(readFileSync(file, 'utf8')) as { kind?: string }).kind;
  if (!kind) throw new Error(`${file} has no kind`);
  return kind;
}

const SECTIONS = 'blog|patterns|topics|quizzes|roadmaps|simulators|tools';
const SHAPES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^\/$/, () => 'home'],
  [/^\/404\.html$/, () => '404'],
  [/^\/learn\/$/, () => 'learn'],
  [/^\/learn\/([^/]+)\/$/, (m) => `path (${pathKind(m[1]!)})`],
  [/^\/learn\/([^/]+)\/[^/]+\/$/, (m) => `lesson (${pathKind(m[1]!)})`],
  [/^\/blog\/category\/[^/]+\/$/, () => 'blog category'],
  [new RegExp(`^/(${SECTIONS})/$`), (m) => `${m[1]} index`],
  [new RegExp(`^/(${SECTIONS})/[^/]+/$`), (m) => `${m[1]} entry`],
  // A top-level page is a route of its own (about, search, whiteboard...).
  [/^\/([^/]+)\/$/, (m) => `page /${m[1]}/`],
];

export function templateOf(path: string): string {
  for (const [re, name] of SHAPES) {
    const m = path.match(re);
    if (m) return name(m);
  }
  throw new Error(`${path}: no template has this URL shape; add it to SHAPES in tests/e2e/site-pages.ts`);
}

/** Every page a reader can reach: the sitemap plus the pages it omits on purpose. */
export function sitePages(dist = 'dist'): string[] {
  const index = readFileSync(`${dist}/sitemap-index.xml`, 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const paths = maps.flatMap((map) => [...readFileSync(`${dist}${map}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
  for (const p of UNLISTED) {
    if (!existsSync(`${dist}${p.endsWith('/') ? `${p}index.html` : p}`)) throw new Error(`${p} was not built`);
  }
  return [...new Set([...paths, ...UNLISTED])].sort();
}

const rank = (path: string) => createHash('sha256').update(path).digest('hex');

export interface PagePlan {
  /** one page per template: the exemplar of TEMPLATES where it is one, else a stable pick */
  templates: Map<string, string>;
  /** a stable sample of the other pages: the same URL is in or out on every run */
  sample: string[];
}

/**
 * Picks the pages axe runs on. `share` of the non-representative pages (at least `min`)
 * are sampled by the hash of their URL, so a run is reproducible and a new page changes
 * the sample by at most one.
 */
export function planPages(pages: string[], share = 0.1, min = 5): PagePlan {
  const exemplars = new Set<string>(Object.values(TEMPLATES));
  const groups = new Map<string, string[]>();
  for (const p of pages) {
    const t = templateOf(p);
    groups.set(t, [...(groups.get(t) ?? []), p]);
  }
  const templates = new Map<string, string>();
  for (const [t, ps] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    templates.set(t, ps.find((p) => exemplars.has(p)) ?? [...ps].sort((a, b) => rank(a).localeCompare(rank(b)))[0]!);
  }
  const chosen = new Set(templates.values());
  const rest = pages.filter((p) => !chosen.has(p)).sort((a, b) => rank(a).localeCompare(rank(b)));
  const size = Math.min(rest.length, Math.max(min, Math.ceil(rest.length * share)));
  return { templates, sample: rest.slice(0, size).sort() };
}
