/**
 * Runs an async computation once per build and shares the promise: every page
 * of a build runs in one process, so listings and queries are computed once,
 * not once per page.
 */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= compute());
}
