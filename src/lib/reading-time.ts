/**
 * Reading time of an MDX body. Only prose counts: frontmatter, fenced code,
 * mermaid, import/export lines and JSX tags are removed first, because readers
 * skim code at a different pace and a diagram is not words.
 */
export const WORDS_PER_MINUTE = 230;

export function proseOf(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ')
    .replace(/^(import|export)\s[^\n]*$/gm, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_|`~]+/g, ' ');
}

export function wordCount(mdx: string): number {
  const words = proseOf(mdx).match(/[\p{L}\p{N}][\p{L}\p{N}'’.:/-]*/gu);
  return words ? words.length : 0;
}

export function readingMinutes(mdx: string): number {
  return Math.max(1, Math.round(wordCount(mdx) / WORDS_PER_MINUTE));
}
