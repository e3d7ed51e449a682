/**
 * Tells real matches from Pagefind's fallback. When no indexed word starts with a query term,
 * Pagefind retries with the longest indexed word the term starts with ("kafak" becomes "k",
 * "gcra" becomes "g"), which ranks pages that have nothing to do with the query. A term is
 * matched when a word Pagefind marked shares most of the term's beginning with it: that keeps
 * prefixes typed so far ("consis"), stems ("databases" → "database", "policies" → "policy")
 * and lets through no one- or two-letter leftovers.
 */

/** The query as Pagefind splits it: lowercased words without punctuation. */
export function queryTerms(q: string): string[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .map(fold)
    .filter((t) => t.length > 0);
}

/** The words at Pagefind's match locations in a result's content, with their hyphen and dot parts. */
export function matchedWords(content: string, locations: number[]): string[] {
  const words = content.split(/[^\S\uFEFF]+/);
  const out = new Set<string>();
  for (const at of locations) {
    const raw = (words[at] ?? '').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    for (const part of raw.split(/[^\p{L}\p{N}]+/u)) if (part) out.add(part);
    const whole = fold(raw);
    if (whole) out.add(whole);
  }
  return [...out];
}

/** How much of a term's beginning a marked word must share with it. */
export function neededPrefix(term: string): number {
  return term.length <= 2 ? term.length : Math.max(2, Math.ceil(term.length * 0.6));
}

export function termMatched(term: string, words: string[]): boolean {
  const need = neededPrefix(term);
  return words.some((w) => commonPrefix(w, term) >= need);
}

/** The query terms no result really matched. */
export function unmatchedTerms(terms: string[], results: { content: string; locations: number[] }[]): string[] {
  const words = results.flatMap((r) => matchedWords(r.content, r.locations));
  return terms.filter((t) => !termMatched(t, words));
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '');
}
