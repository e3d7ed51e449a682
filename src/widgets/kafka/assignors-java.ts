/**
 * Java semantics that Kafka's assignors depend on, reproduced so our output matches theirs exactly.
 *
 * - String.compareTo compares UTF-16 code units, which is what JS `<` does (not localeCompare).
 * - Several Kafka assignors iterate a java.util.HashMap; its iteration order decides ties (for example which
 *   over-quota owner keeps the extra partition in AbstractStickyAssignor's constrained path). For a HashMap created
 *   with the default capacity and filled by put(), iteration walks the buckets in index order, and a bucket keeps
 *   insertion order (resizes split buckets without reordering). Bucket index = spread(hashCode) & (capacity - 1)
 *   with spread(h) = h ^ (h >>> 16) (java.util.HashMap.hash). Not modelled: the extra resize that treeifyBin triggers
 *   when 9+ keys collide in one bucket of a table smaller than 64, which real member ids and topic names never hit.
 */

export function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** java.lang.String.hashCode: s[0]*31^(n-1) + ... + s[n-1], in 32-bit signed arithmetic over UTF-16 code units. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Table size of a default HashMap (initial 16, load factor 0.75, doubling) after `size` distinct puts. */
export function javaHashMapCapacity(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75) capacity *= 2;
  return capacity;
}

/** The order in which a default java.util.HashMap<String, ?> filled with `keys` (in this order) iterates them. */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const distinct = [...new Set(keys)];
  const mask = javaHashMapCapacity(distinct.length) - 1;
  const bucket = (k: string) => {
    const h = javaStringHashCode(k);
    return (h ^ (h >>> 16)) & mask;
  };
  // Array.prototype.sort is stable, so keys in one bucket keep insertion order.
  return distinct
    .map((key, index) => ({ key, index, b: bucket(key) }))
    .sort((x, y) => x.b - y.b || x.index - y.index)
    .map((e) => e.key);
}
