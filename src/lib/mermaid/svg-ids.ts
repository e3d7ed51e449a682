/**
 * Ids inside a drawn SVG. A cached drawing is reused on any page and at any position,
 * so it is drawn under one fixed id and renamed per copy; ids mermaid numbers from a
 * global counter (sequence diagram actors) are renumbered from the SVG's own id, so two
 * diagrams on one page never share an id and a redraw gives the same bytes.
 */

/** The SVG with every occurrence of the id it was drawn under replaced by `to`. */
export function renameSvgId(svg: string, from: string, to: string): string {
  return svg.replaceAll(from, to);
}

/** Renumbers ids not derived from the root id as `<root>-i<n>`, in document order, and every url(#…) / href="#…" to them. */
export function scopeInnerIds(svg: string): string {
  const root = /^<svg id="([^"]+)"/.exec(svg)?.[1];
  if (!root) return svg;
  const renamed = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (id === undefined || id.startsWith(root) || renamed.has(id)) continue;
    renamed.set(id, `${root}-i${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  const to = (id: string) => renamed.get(id) ?? id;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (_m, lead: string, id: string) => lead + to(id));
}
