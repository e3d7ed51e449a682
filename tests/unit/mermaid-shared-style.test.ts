import { describe, expect, it } from 'vitest';
import { cssBlocks, dropRulesNeeding, shareSvgStyle } from '../../src/lib/mermaid/shared-style.ts';
import { decodeAttr } from '../../src/lib/mermaid/entities.ts';

// The shape of what mermaid 11+ emits: rules scoped by the SVG id, keyframes, and "neo" look rules
// pointing at a gradient defined inside the same SVG.
const css = (id: string) =>
  `#${id}{font-size:16px;fill:#000000;}@keyframes dash{to{stroke-dashoffset:0;}}` +
  `#${id} .node rect{fill:#eee;stroke:#999;}#${id} .marker{fill:#666;}` +
  `#${id} [data-look="neo"].node rect,#${id} [data-look="neo"].cluster rect{stroke:url(#${id}-gradient);}`;
const svg = (id: string, body = '<g class="node"><rect/></g>') =>
  `<svg id="${id}" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 10 10"><style>${css(id)}</style>${body}</svg>`;

describe('shared mermaid styles', () => {
  it('splits CSS into top-level blocks, keeping nested @keyframes whole', () => {
    expect(cssBlocks('a{x:1}@keyframes k{from{o:0}to{o:1}}b,c{y:2}')).toEqual(['a{x:1}', '@keyframes k{from{o:0}to{o:1}}', 'b,c{y:2}']);
  });

  it('drops a rule only when every selector in it needs the marker', () => {
    expect(dropRulesNeeding('a [m]{x:1}a [m],b{y:2}c{z:3}@keyframes k{to{o:1}}', '[m]')).toBe('a [m],b{y:2}c{z:3}@keyframes k{to{o:1}}');
  });

  it('two diagrams of one kind share one class and one style; their SVGs lose the inline <style>', () => {
    const a = shareSvgStyle(svg('diagram-1-light'));
    const b = shareSvgStyle(svg('diagram-2-light'));
    expect(a.css).not.toBe('');
    expect(a.css).toBe(b.css);
    const cls = /class="(mm-[0-9a-f]{10}) flowchart"/.exec(a.svg)?.[1];
    expect(cls).toBeDefined();
    expect(b.svg).toContain(`class="${cls} flowchart"`);
    expect(a.svg).not.toContain('<style>');
    expect(a.svg).toContain('<g class="node"><rect/></g></svg>');
    expect(a.css).toContain(`.${cls}{font-size:16px;fill:#000000;}`);
    expect(a.css).toContain(`.${cls} .node rect{fill:#eee;stroke:#999;}`);
    expect(a.css).toContain('@keyframes dash{to{stroke-dashoffset:0;}}');
    expect(a.css).not.toContain('diagram-1');
    expect(a.css).not.toContain('neo');
  });

  it('decodes character references: SVG decodes them in <style>, an HTML <style> would not', () => {
    const seq = svg('s').replace('.marker{fill:#666;}', '.marker{fill:#666;}#s text.actor&gt;tspan{fill:#333;}');
    const { css } = shareSvgStyle(seq);
    expect(css).toMatch(/\.mm-[0-9a-f]{10} text\.actor>tspan\{fill:#333;\}/);
    expect(css).not.toContain('&gt;');
    const hostile = svg('h').replace('.marker{fill:#666;}', '.marker{content:"&lt;/style&gt;";}');
    expect(shareSvgStyle(hostile)).toEqual({ svg: hostile, css: '' });
  });

  it('different rules get different classes', () => {
    const light = shareSvgStyle(svg('d-light'));
    const dark = shareSvgStyle(svg('d-dark').replace('fill:#eee', 'fill:#1f2020'));
    expect(light.css).not.toBe(dark.css);
    expect(/mm-[0-9a-f]{10}/.exec(light.svg)?.[0]).not.toBe(/mm-[0-9a-f]{10}/.exec(dark.svg)?.[0]);
  });

  it('keeps the rules that point into the SVG (the neo look uses its own gradient) in a small local style', () => {
    const neo = shareSvgStyle(svg('diagram-1-light', '<g class="node" data-look="neo"><rect/></g>'));
    const plain = shareSvgStyle(svg('diagram-2-light'));
    expect(neo.css).toBe(plain.css);
    expect(neo.svg).toContain(
      '<style>#diagram-1-light [data-look="neo"].node rect,#diagram-1-light [data-look="neo"].cluster rect{stroke:url(#diagram-1-light-gradient);}</style>',
    );
    expect(neo.svg).not.toContain('.node rect{fill:#eee');
    // kept rules go back into SVG escaped, as mermaid wrote them
    const child = svg('k', '<g data-look="neo"/>').replace('.marker{fill:#666;}', '.marker{fill:#666;}#k g&gt;rect{stroke:url(#k-gradient);}');
    expect(shareSvgStyle(child).svg).toContain('<style>#k g&gt;rect{stroke:url(#k-gradient);}');
  });

  it('adds a class attribute when the root has none, and leaves SVGs without a style untouched', () => {
    const bare = svg('x').replace(' class="flowchart"', '');
    expect(shareSvgStyle(bare).svg).toMatch(/^<svg id="x" [^>]* class="mm-[0-9a-f]{10}">/);
    const plain = '<svg id="y"><g/></svg>';
    expect(shareSvgStyle(plain)).toEqual({ svg: plain, css: '' });
  });

  it('decodes character references in one pass', () => {
    expect(decodeAttr('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;')).toBe(`a & b <c> "d" 'e' A`);
    // an escaped reference decodes once, not twice
    expect(decodeAttr('&amp;lt; &amp;#39; &#xFFFFFFF;')).toBe('&lt; &#39; &#xFFFFFFF;');
  });
});
