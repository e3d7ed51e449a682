/**
 * Fenced code blocks of the content collections, with the `check=` kind each declares in its
 * meta string (title="..." check=run reason="..."). Shared by the content rule that every block
 * declares a kind and by the harness that runs them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CONTENT = join(ROOT, 'src/content');
export const KINDS = ['run', 'compile', 'sketch', 'config', 'output'] as const;
export type Kind = (typeof KINDS)[number];

export interface Block {
  /** content file, relative to the repository root */
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  lang: string;
  meta: Record<string, string>;
  check: string | undefined;
  code: string;
  /** the check=output block that directly follows a check=run block, if any */
  expected?: Block;
}

/** key=value and key="value" pairs of a fence's meta string. */
export function parseMeta(meta: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of meta.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) out[m[1]!] = m[2] ?? m[3] ?? m[4]!;
  return out;
}

export function blocksOf(file: string, text = readFileSync(file, 'utf8')): Block[] {
  const lines = text.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})([^\s`]*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang, meta] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j]!.trimStart();
      if (close.startsWith(fence!) && close.slice(fence!.length).trim() === '') break;
      body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!);
    }
    const m = parseMeta(meta!);
    out.push({ file: relative(ROOT, file), line: i + 1, lang: lang!, meta: m, check: m.check, code: body.join('\n') + '\n' });
    i = j;
  }
  for (let k = 0; k + 1 < out.length; k++) {
    const next = out[k + 1]!;
    if (out[k]!.check === 'run' && next.check === 'output') out[k]!.expected = next;
  }
  return out;
}

/** Every .md/.mdx file under src/content, skipping drafts. */
export function contentFiles(dir = CONTENT): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name) && !e.name.startsWith('_'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function allBlocks(): Block[] {
  return contentFiles().flatMap((f) => blocksOf(f));
}

/** Normalised language family a harness step is chosen by. */
export function family(lang: string): string {
  const l = lang.toLowerCase();
  if (l === 'py' || l === 'python3') return 'python';
  if (l === 'golang') return 'go';
  if (l === 'typescript' || l === 'tsx') return 'ts';
  if (l === 'javascript' || l === 'mjs') return 'js';
  if (l === 'sh' || l === 'shell' || l === 'zsh') return 'bash';
  if (l === 'yml') return 'yaml';
  return l || 'text';
}
