/**
 * The HTML a diagram takes on a page: the drawn SVG inside a focusable scroll box,
 * or, without a drawing, its source for the lazy loader. Pure string work.
 */
import { compactSvg } from './compact.ts';
import { escapeHtml } from './entities.ts';
import { RENDER_ID, type RawDiagram } from './render.ts';
import { shareSvgStyle } from './shared-style.ts';
import { renameSvgId, scopeInnerIds } from './svg-ids.ts';
import { mergeThemes } from './themed.ts';

/**
 * Mermaid scales a wide diagram down to the column, which on a 360 px phone shrinks
 * 16 px labels to 5 px. A minimum width keeps labels at least MIN_SCALE of their
 * drawn size; the diagram then scrolls sideways inside its box instead.
 */
export const MIN_SCALE = 0.65;

export function withReadableMinWidth(svg: string): string {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0];
  const width = root && /\bviewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"/.exec(root)?.[1];
  if (!root || !width) return svg;
  const min = `min-width: ${Math.round(Number(width) * MIN_SCALE)}px;`;
  const tag = / style="/.test(root) ? root.replace(/ style="/, ` style="${min} `) : root.replace(/^<svg\b/, `<svg style="${min}"`);
  return tag + svg.slice(root.length);
}

export interface DiagramHtml {
  /** the figure's content before its caption */
  html: string;
  /** true when light and dark became one SVG */
  themed: boolean;
}

/** Back inside SVG, CSS text is parsed as markup again, so it is escaped as mermaid wrote it. */
const escapeSvgText = (css: string) => css.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One drawing as it goes on the page under `id`, unique within the page. Its shared rules are
 * written into the first SVG on the page that needs them (a <style> in inline SVG applies to the
 * whole page) and left out of every later one: `onPage` holds the rules the page already has.
 */
function place(svg: string, id: string, onPage: Set<string>): string {
  const shared = shareSvgStyle(scopeInnerIds(compactSvg(renameSvgId(svg, RENDER_ID, id))));
  let out = withReadableMinWidth(shared.svg);
  if (shared.css && !onPage.has(shared.css)) {
    onPage.add(shared.css);
    out = out.replace(/^<svg\b[^>]*>/, (root) => `${root}<style>${escapeSvgText(shared.css)}</style>`);
  }
  return out;
}

/** `label` is the ARIA attribute naming the diagram (its caption, or a generic name). */
export function drawnDiagramHtml(raw: RawDiagram, id: string, label: string, onPage: Set<string>): DiagramHtml {
  // tabindex: a diagram wider than the screen scrolls, and keyboard users must be able to scroll it too.
  const box = (svg: string, cls = '') => `<div class="diagram-svg${cls}" role="img" tabindex="0"${label}>${svg}</div>`;
  const light = scopeInnerIds(renameSvgId(raw.light, RENDER_ID, id));
  const dark = scopeInnerIds(renameSvgId(raw.dark, RENDER_ID, id));
  const themed = mergeThemes(light, dark);
  if (themed) return { html: box(place(themed, id, onPage)), themed: true };
  const l = place(raw.light, `${id}-light`, onPage);
  const d = place(raw.dark, `${id}-dark`, onPage);
  return { html: box(l, ' diagram-light') + box(d, ' diagram-dark'), themed: false };
}

/** No browser at build time: the source stays readable and the lazy loader draws it in the page. */
export function sourceHtml(source: string): string {
  return `<pre class="mermaid-source" data-mermaid>${escapeHtml(source)}</pre>`;
}

export const LAZY_LOADER_TAG = '<script type="module" src="/vendor/mermaid/lazy.js"></script>';
