import { describe, expect, it } from 'vitest';
import { decodeAttr, findMermaidBlocks, LAZY_LOADER_TAG, MIN_SCALE, replaceMermaidBlocks, withReadableMinWidth } from '../../src/lib/mermaid/blocks.ts';
import { findChromium } from '../../src/lib/mermaid/render.ts';

// What Expressive Code renders for a ```mermaid fence (first block on the page carries EC's assets).
const ecBlock = (code: string, assets = '') =>
  `<div class="expressive-code">${assets}<figure class="frame"><figcaption class="header"></figcaption><pre data-language="mermaid" tabindex="0" aria-label="mermaid code"><code><div class="ec-line"><div class="code">x</div></div></code></pre><div class="copy"><div aria-live="polite"></div><button title="Copy to clipboard" data-copied="Copied!" data-code="${code}"><div></div></button></div></figure></div>`;
const ASSETS = '<link rel="stylesheet" href="/_astro/ec.css"/><script type="module" src="/_astro/ec.js"></script>';
const pyBlock =
  '<div class="expressive-code"><figure class="frame has-title"><figcaption class="header"><span class="title">x.py</span></figcaption><pre data-language="python"><code>print()</code></pre></figure></div>';

const page = `<html><head></head><body><p>a</p>${ecBlock('flowchart LR\u007f  A[&quot;Client&quot;] --&gt; B', ASSETS)}\n<p><em>The <code>LB</code> sees every request.</em></p>${pyBlock}${ecBlock('sequenceDiagram\u007f  A->>B: hi')}</body></html>`;

describe('mermaid blocks', () => {
  it('finds each mermaid block with its source, caption and EC assets; leaves other code alone', () => {
    const blocks = findMermaidBlocks(page);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ source: 'flowchart LR\n  A["Client"] --> B', caption: 'The <code>LB</code> sees every request.', assets: ASSETS });
    expect(blocks[1]).toMatchObject({ source: 'sequenceDiagram\n  A->>B: hi', caption: '', assets: '' });
  });

  it('with SVGs: inlines both themes in a figure, keeps EC assets, adds no script', () => {
    const blocks = findMermaidBlocks(page);
    const out = replaceMermaidBlocks(page, blocks, [
      { light: '<svg id="l1"></svg>', dark: '<svg id="d1"></svg>' },
      { light: '<svg id="l2"></svg>', dark: '<svg id="d2"></svg>' },
    ]);
    expect(out).not.toContain('data-language="mermaid"');
    expect(out).toContain(ASSETS);
    expect(out).toContain(pyBlock);
    expect(out).toContain('<figcaption id="diagram-1-caption">The <code>LB</code> sees every request.</figcaption>');
    expect(out).toContain('<div class="diagram-svg diagram-dark" role="img" tabindex="0" aria-labelledby="diagram-1-caption"><svg id="d1"></svg></div>');
    expect(out).toContain('aria-label="Diagram"><svg id="l2">');
    expect(out).not.toContain(LAZY_LOADER_TAG);
  });

  it('without a browser: keeps escaped source for the lazy loader and adds the loader once', () => {
    const blocks = findMermaidBlocks(page);
    const out = replaceMermaidBlocks(page, blocks, null);
    expect(out).toContain('<pre class="mermaid-source" data-mermaid>flowchart LR\n  A[&quot;Client&quot;] --&gt; B</pre>');
    expect(out.split(LAZY_LOADER_TAG)).toHaveLength(2);
    expect(out.indexOf(LAZY_LOADER_TAG)).toBeLessThan(out.indexOf('</head>'));
  });

  it('finds the block when Expressive Code inlined its stylesheet into the first block', () => {
    // With emitExternalStylesheet: false, EC puts a <style> (CSS with > combinators and data: URLs) in the first block.
    const style = '<style>.frame>pre{color:red}.copy button{background:url("data:image/svg+xml,%3Csvg%3E")}</style>';
    const html = `<html><head></head><body>${ecBlock('flowchart LR\u007f  A --&gt; B', style)}${pyBlock}</body></html>`;
    const blocks = findMermaidBlocks(html);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.assets).toBe(style);
    const out = replaceMermaidBlocks(html, blocks, [{ light: '<svg id="l"></svg>', dark: '<svg id="d"></svg>' }]);
    expect(out).not.toContain('data-language="mermaid"');
    // the styles still apply to the other code blocks, from <head> where <style> is valid
    expect(out).toContain(`${style}</head>`);
    expect(out).toContain('<body><figure class="diagram">');
    expect(out.split(style)).toHaveLength(2);
  });

  it('a wide diagram gets a minimum width so its labels stay readable on a phone', () => {
    const svg = '<svg id="d" width="100%" style="max-width: 1046px;" viewBox="0 0 1046.5 226.75"><g/></svg>';
    const out = withReadableMinWidth(svg);
    expect(out).toBe(`<svg id="d" width="100%" style="min-width: ${Math.round(1046.5 * MIN_SCALE)}px; max-width: 1046px;" viewBox="0 0 1046.5 226.75"><g/></svg>`);
    expect(withReadableMinWidth('<svg viewBox="-50 -10 400 100"><g/></svg>')).toBe(`<svg style="min-width: ${Math.round(400 * MIN_SCALE)}px;" viewBox="-50 -10 400 100"><g/></svg>`);
    expect(withReadableMinWidth('<svg id="x"><g/></svg>')).toBe('<svg id="x"><g/></svg>');
  });

  it('pages without diagrams are untouched', () => {
    const html = `<html><head></head><body>${pyBlock}</body></html>`;
    expect(findMermaidBlocks(html)).toEqual([]);
    expect(replaceMermaidBlocks(html, [], null)).toBe(html);
  });

  it('decodes HTML attribute entities', () => {
    expect(decodeAttr('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;')).toBe(`a & b <c> "d" 'e' A`);
    // one pass: an escaped reference decodes once, not twice
    expect(decodeAttr('&amp;lt; &amp;#39; &#xFFFFFFF;')).toBe('&lt; &#39; &#xFFFFFFF;');
  });

  it('MERMAID_BROWSER=off forces the no-browser path', () => {
    expect(findChromium({ MERMAID_BROWSER: 'off', CHROME_PATH: '/usr/bin/chromium' })).toBeNull();
    expect(findChromium({ CHROME_PATH: '/definitely/not/here', PATH: '' })).toBe(findChromium({}));
  });
});
