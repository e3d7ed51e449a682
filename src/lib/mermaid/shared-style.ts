/**
 * Mermaid puts a ~5 KB <style> in every SVG, scoped by the SVG's id. Diagrams of
 * one kind in one theme carry the same rules under different ids, so a page with
 * three flowcharts in two themes repeats them six times. Scoping the rules by a
 * class named after their hash lets the page carry each distinct style once, in
 * <head>. Pure string work, unit-tested without a browser.
 */
import { createHash } from 'node:crypto';
import { decodeAttr } from './entities.ts';

export interface SharedSvg {
  /** the SVG, its root tagged with the shared style's class; only rules that point into it stay in its own <style> */
  svg: string;
  /** the style's rules scoped by that class, or '' when the SVG was left as it was */
  css: string;
}

const ROOT = /^<svg id="([^"]+)"([^>]*)>/;
const STYLE = /<style>((?:(?!<\/style>)[\s\S])*)<\/style>/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Top-level CSS blocks ("selector{...}" or "@keyframes x{...{...}}"), split by brace depth. */
export function cssBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      blocks.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  const rest = css.slice(start).trim();
  if (rest) blocks.push(rest);
  return blocks;
}

/** Drops rules every one of whose selectors needs `marker`, e.g. styles for a look this SVG does not use. */
export function dropRulesNeeding(css: string, marker: string): string {
  return cssBlocks(css)
    .filter((block) => {
      const prelude = block.slice(0, block.indexOf('{'));
      if (prelude.startsWith('@')) return true;
      return !prelude.split(',').every((sel) => sel.includes(marker));
    })
    .join('');
}

export function shareSvgStyle(svg: string): SharedSvg {
  const root = ROOT.exec(svg);
  const style = STYLE.exec(svg);
  if (!root || !style) return { svg, css: '' };
  const id = root[1] as string;
  // Inside SVG the parser decodes character references (mermaid writes "text.actor&gt;tspan");
  // an HTML <style> is raw text and would not, so decode them before the rules move to <head>.
  let css = decodeAttr(style[1] as string);
  if (/<\/style/i.test(css)) return { svg, css: '' };
  if (!svg.replace(style[0], '').includes('data-look="neo"')) css = dropRulesNeeding(css, '[data-look="neo"]');
  // Rules that point at this SVG's own elements (the "neo" look's gradient) cannot be shared: they stay inside it.
  const ownRef = new RegExp(`#${escapeRe(id)}[\\w-]`);
  const blocks = cssBlocks(css);
  const local = blocks.filter((b) => ownRef.test(b)).join('');
  const shared = blocks.filter((b) => !ownRef.test(b)).join('');
  if (!shared) return { svg, css: '' };
  const scoped = shared.replace(new RegExp(`#${escapeRe(id)}(?![\\w-])`, 'g'), '.__scope__');
  const cls = `mm-${createHash('sha256').update(scoped).digest('hex').slice(0, 10)}`;
  const attrs = (root[2] as string).includes(' class="')
    ? (root[2] as string).replace(' class="', ` class="${cls} `)
    : `${root[2]} class="${cls}"`;
  // Back inside SVG, the kept rules are escaped again, as mermaid wrote them.
  const kept = local.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = svg.slice(root[0].length).replace(style[0], () => (kept ? `<style>${kept}</style>` : ''));
  return { svg: `<svg id="${id}"${attrs}>${body}`, css: scoped.replaceAll('.__scope__', `.${cls}`) };
}
