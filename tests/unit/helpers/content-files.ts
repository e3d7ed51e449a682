/** Reads content files directly (no Astro), so content rules run in plain vitest. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const CONTENT = resolve(import.meta.dirname, '../../../src/content');

export function yamlFile<T = any>(rel: string): T {
  return parse(readFileSync(join(CONTENT, rel), 'utf8')) as T;
}

export interface MdxFile {
  id: string;
  file: string;
  data: any;
  body: string;
  raw: string;
}

export function mdxFile(file: string, id: string): MdxFile {
  const raw = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!m) throw new Error(`${file} has no frontmatter`);
  return { id, file, data: parse(m[1]!), body: m[2]!, raw };
}

/** MDX files of a collection folder, recursively, skipping `_drafts`. */
export function mdxFiles(dir: string): MdxFile[] {
  const base = join(CONTENT, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx') && !e.name.startsWith('_'))
    .map((e) => {
      const file = join(e.parentPath, e.name);
      return mdxFile(file, file.slice(base.length + 1).replace(/\.mdx$/, ''));
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function quizExists(id: string): boolean {
  return existsSync(join(CONTENT, 'quizzes', `${id}.yaml`));
}

export interface Topic {
  id: string;
  title: string;
  description: string;
  aliases?: string[];
}

export function topics(): Topic[] {
  return yamlFile<Topic[]>('topics.yaml');
}

/** Resolves a seed tag ("L4", "load balancing", "fault-tolerance") to a topic id, or undefined. */
export function resolveTag(tag: string, all = topics()): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');
  const t = norm(tag);
  return all.find((x) => norm(x.id) === t || (x.aliases ?? []).some((a) => norm(a) === t))?.id;
}

/** Mermaid fences in an MDX body, each with the line that follows it. */
export function diagrams(body: string): { source: string; caption: string }[] {
  const out: { source: string; caption: string }[] = [];
  const re = /^```mermaid[^\n]*\n([\s\S]*?)^```[ \t]*\n+([^\n]*)/gm;
  for (const m of body.matchAll(re)) out.push({ source: m[1]!, caption: m[2]!.trim() });
  return out;
}

/** Internal links (/path/) in prose, outside code fences. */
export function internalLinks(body: string): string[] {
  const prose = body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return [...prose.matchAll(/\]\((\/[^)\s]*)\)|href="(\/[^"]*)"/g)].map((m) => (m[1] ?? m[2])!);
}

export function headings(body: string, depth = 2): string[] {
  const prose = body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return [...prose.matchAll(new RegExp(`^${'#'.repeat(depth)} (.+)$`, 'gm'))].map((m) => m[1]!.trim());
}
