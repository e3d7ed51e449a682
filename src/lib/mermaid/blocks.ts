/**
 * Finds the mermaid code blocks Expressive Code rendered into built HTML and
 * swaps them for diagrams. Pure string work, so it is unit-tested without a build.
 */
import { decodeAttr, escapeHtml } from './entities.ts';
import { shareSvgStyle } from './shared-style.ts';

export { decodeAttr, escapeHtml } from './entities.ts';

export interface MermaidBlock {
  /** the whole matched HTML: the code block plus its caption paragraph, if any */
  match: string;
  /** mermaid source text */
  source: string;
  /** caption HTML (the italic paragraph right after the fence), or '' */
  caption: string;
  /** <link>/<style>/<script> tags Expressive Code put inside the block; kept so other code blocks still work */
  assets: string;
}

const BLOCK =
  /<div class="expressive-code">((?:<link[^>]*>|<style[^>]*>(?:(?!<\/style>)[\s\S])*<\/style>|<script[^>]*><\/script>)*)<figure class="frame[^"]*">(?:(?!<\/figure>)[\s\S])*?<pre data-language="mermaid"[^>]*>[\s\S]*?<\/figure><\/div>(\s*<p><em>([\s\S]*?)<\/em><\/p>)?/g;
const DATA_CODE = /data-code="([^"]*)"/;
/** a <style> element Expressive Code put in a block */
const STYLE = /<style[^>]*>(?:(?!<\/style>)[\s\S])*<\/style>/g;

export function findMermaidBlocks(html: string): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  for (const m of html.matchAll(BLOCK)) {
    const code = DATA_CODE.exec(m[0]);
    if (!code?.[1]) continue;
    // Expressive Code joins lines with U+007F in its copy-button payload.
    const source = decodeAttr(code[1]).replace(/\u007f/g, '\n').trim();
    blocks.push({ match: m[0], source, caption: m[3] ?? '', assets: m[1] ?? '' });
  }
  return blocks;
}

/** A rendered diagram: one SVG per theme, so it reads well in light and dark. */
export interface RenderedDiagram {
  light: string;
  dark: string;
}

/**
 * Mermaid scales a wide diagram down to the column, which on a 360 px phone shrinks
 * 16 px labels to 5 px. A minimum width keeps labels at least MIN_SCALE of their
 * drawn size; the diagram then scrolls sideways inside its figure instead.
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

export function figureHtml(block: MermaidBlock, index: number, rendered: RenderedDiagram | null): string {
  const captionId = `diagram-${index + 1}-caption`;
  const label = block.caption ? ` aria-labelledby="${captionId}"` : ' aria-label="Diagram"';
  const caption = block.caption ? `<figcaption id="${captionId}">${block.caption}</figcaption>` : '';
  // tabindex: a diagram wider than the screen scrolls, and keyboard users must be able to scroll it too.
  const body = rendered
    ? `<div class="diagram-svg diagram-light" role="img" tabindex="0"${label}>${withReadableMinWidth(rendered.light)}</div>` +
      `<div class="diagram-svg diagram-dark" role="img" tabindex="0"${label}>${withReadableMinWidth(rendered.dark)}</div>`
    : // No browser at build time: the source stays readable and the lazy loader draws it in the page.
      `<pre class="mermaid-source" data-mermaid>${escapeHtml(block.source)}</pre>`;
  return `${block.assets.replace(STYLE, '')}<figure class="diagram">${body}${caption}</figure>`;
}

export const LAZY_LOADER_TAG = '<script type="module" src="/vendor/mermaid/lazy.js"></script>';

/**
 * Replaces every mermaid block in a page. `rendered` holds one entry per block
 * (same order), or is null when no browser was available.
 */
export function replaceMermaidBlocks(html: string, blocks: MermaidBlock[], rendered: RenderedDiagram[] | null): string {
  let out = html;
  // A <style> Expressive Code put in the block moves to <head>, where <style> is valid HTML.
  const styles = blocks.flatMap((b) => b.assets.match(STYLE) ?? []);
  // Each distinct diagram style goes to <head> once instead of inside every SVG.
  const diagramCss = new Set<string>();
  const share = (svg: string) => {
    const shared = shareSvgStyle(svg);
    if (shared.css) diagramCss.add(shared.css);
    return shared.svg;
  };
  blocks.forEach((block, i) => {
    const r = rendered?.[i];
    const diagram = r ? { light: share(r.light), dark: share(r.dark) } : null;
    out = out.replace(block.match, () => figureHtml(block, i, diagram));
  });
  if (diagramCss.size) styles.push(`<style>${[...diagramCss].join('')}</style>`);
  if (styles.length) out = out.replace('</head>', () => `${styles.join('')}</head>`);
  if (!rendered && blocks.length > 0) out = out.replace('</head>', () => `${LAZY_LOADER_TAG}</head>`);
  return out;
}
