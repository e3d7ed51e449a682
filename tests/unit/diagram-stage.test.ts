import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { diagramKey, diskCache, type DiagramCache } from '../../src/lib/mermaid/cache.ts';
import { captionOf, diagramFences, type DiagramSource } from '../../src/lib/mermaid/fences.ts';
import { drawnDiagramHtml, LAZY_LOADER_TAG, MIN_SCALE, withReadableMinWidth } from '../../src/lib/mermaid/figure.ts';
import { findChromium, RENDER_ID, type RawDiagram, type Renderer } from '../../src/lib/mermaid/render.ts';
import { DiagramStage } from '../../src/lib/mermaid/stage.ts';
import { renameSvgId, scopeInnerIds } from '../../src/lib/mermaid/svg-ids.ts';
import { mergeThemes, paintAsStyle } from '../../src/lib/mermaid/themed.ts';

// The shape mermaid draws: a root id, rules scoped by it, markers named after it.
const drawing = (fill: string, text = '#333', id = RENDER_ID) =>
  `<svg id="${id}" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 400 100">` +
  `<style>#${id}{font-size:16px;fill:${text};}#${id} .node rect{fill:${fill};stroke:#999;}</style>` +
  `<marker id="${id}_pointEnd"><path d="M 0 0 L 10 5" fill="#000"/></marker>` +
  `<g class="node"><rect/><text>a &amp; b</text></g><path marker-end="url(#${id}_pointEnd)"/></svg>`;
const RAW: RawDiagram = { light: drawing('#eee'), dark: drawing('#1f2020', 'lightgrey') };

/** A stage that draws from a table, recording what it was asked for. */
function fakeStage(table: Record<string, RawDiagram | null>): DiagramSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async draw(source) {
      asked.push(source);
      return table[source.trim()] ?? null;
    },
  };
}

async function compile(mdx: string, stage: DiagramSource): Promise<string> {
  const { code } = await mdxToJs(mdx, { mdastPlugins: [diagramFences(stage)], jsxImportSource: 'astro' });
  return code;
}

const doc = (...parts: string[]) => parts.join('\n\n') + '\n';
const fence = (lang: string, body: string) => `\`\`\`${lang}\n${body}\n\`\`\``;

describe('diagram fences (mdast step)', () => {
  it('replaces each mermaid fence with a figure and leaves other code blocks to the highlighter', async () => {
    const stage = fakeStage({ 'flowchart LR\n  A-->B': RAW });
    const code = await compile(doc('# T', fence('mermaid', 'flowchart LR\n  A-->B'), fence('python', 'print(1)')), stage);
    expect(stage.asked).toEqual(['flowchart LR\n  A-->B']);
    expect(code).toContain('"figure"');
    expect(code).toContain('class: "diagram"');
    expect(code).toContain('\\"diagram-svg\\"');
    expect(code).toMatch(/<svg [^>]*id=\\"diagram-1\\"/);
    expect(code).not.toContain('language-mermaid');
    expect(code).toContain('language-python');
  });

  it('turns the italic line right after a fence into its figcaption, and names the diagram by it', async () => {
    const code = await compile(doc(fence('mermaid', 'flowchart LR\n  A-->B'), '*Requests go `A` to [B](/b/).*', 'After.'), fakeStage({ 'flowchart LR\n  A-->B': RAW }));
    expect(code).toMatch(/figcaption[\s\S]*id: "diagram-1-caption"[\s\S]*"Requests go "[\s\S]*"A"[\s\S]*href: "\/b\/"/);
    expect(code).toContain('aria-labelledby=\\"diagram-1-caption\\"');
    // the caption paragraph is gone, the next one stays
    expect(code).not.toContain('_components.em');
    expect(code).toContain('"After."');
  });

  it('a fence without an italic line gets a generic label and no caption', async () => {
    const code = await compile(doc(fence('mermaid', 'flowchart LR\n  A-->B'), 'Plain *partly* italic.'), fakeStage({ 'flowchart LR\n  A-->B': RAW }));
    expect(code).not.toContain('figcaption');
    expect(code).toContain('aria-label=\\"Diagram\\"');
    expect(code).toContain('"Plain "');
  });

  it('without a drawing, keeps the escaped source for the lazy loader and adds the loader once', async () => {
    const code = await compile(doc(fence('mermaid', 'flowchart LR\n  A-->|x < y|B'), fence('mermaid', 'flowchart LR\n  C-->D')), fakeStage({}));
    expect(code.match(/data-mermaid>/g)).toHaveLength(2);
    expect(code).toContain('x &lt; y');
    const loader = /src="([^"]+)"/.exec(LAZY_LOADER_TAG)![1]!;
    expect(code.split(loader)).toHaveLength(2);
  });

  it('numbers diagrams in document order and writes a shared style only into the first that needs it', async () => {
    const stage = fakeStage({ one: RAW, two: RAW });
    const code = await compile(doc(fence('mermaid', 'one'), fence('mermaid', 'two')), stage);
    expect(code.indexOf('diagram-1')).toBeLessThan(code.indexOf('diagram-2'));
    expect(code.match(/<style>\.mm-[0-9a-f]{10}\{/g)).toHaveLength(1);
    expect(code).not.toContain(/src="([^"]+)"/.exec(LAZY_LOADER_TAG)![1]!);
  });

  it('finds a caption only in a paragraph holding nothing but emphasis', () => {
    const em = { type: 'emphasis', children: [{ type: 'text', value: 'c' }] };
    expect(captionOf({ type: 'paragraph', children: [em] })?.children).toEqual(em.children);
    expect(captionOf({ type: 'paragraph', children: [em, { type: 'text', value: ' more' }] })).toBeNull();
    expect(captionOf({ type: 'heading', children: [em] })).toBeNull();
    expect(captionOf(undefined)).toBeNull();
  });
});

describe('diagram cache', () => {
  const parts = { source: 'flowchart LR\n  A-->B', config: { theme: 'neutral' }, mermaidVersion: '12.0.0' };

  it('keys by source, theme options, mermaid version and renderer version', () => {
    const key = diagramKey(parts);
    expect(diagramKey({ ...parts, source: `  ${parts.source}\n` })).toBe(key);
    expect(diagramKey({ ...parts, source: 'flowchart LR\n  A-->C' })).not.toBe(key);
    expect(diagramKey({ ...parts, config: { theme: 'dark' } })).not.toBe(key);
    expect(diagramKey({ ...parts, mermaidVersion: '12.0.1' })).not.toBe(key);
    expect(diagramKey({ ...parts, rendererVersion: 999 })).not.toBe(key);
  });

  it('reads back what it stored; a missing, corrupt or foreign file is a miss', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diagram-cache-'));
    try {
      const cache = diskCache(join(dir, 'nested'));
      expect(await cache.get('k')).toBeNull();
      await cache.set('k', RAW);
      expect(await cache.get('k')).toEqual(RAW);
      expect((await readdir(join(dir, 'nested'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      await writeFile(join(dir, 'nested', 'bad.json'), '{"light": "<svg', 'utf8');
      expect(await cache.get('bad')).toBeNull();
      await writeFile(join(dir, 'nested', 'foreign.json'), '{"light": "x", "dark": "y"}', 'utf8');
      expect(await cache.get('foreign')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('diagram stage', () => {
  const memoryCache = (): DiagramCache & { store: Map<string, RawDiagram> } => {
    const store = new Map<string, RawDiagram>();
    return { store, get: async (k) => store.get(k) ?? null, set: async (k, v) => void store.set(k, v) };
  };
  const countingRenderer = () => {
    const made = { renderers: 0, renders: 0, closed: 0 };
    const start = (): Renderer => {
      made.renderers++;
      return {
        render: async () => (made.renders++, RAW),
        close: async () => void made.closed++,
        launches: 1,
      };
    };
    return { made, start };
  };

  it('a miss draws once with one renderer for the whole build, then caches; a hit never starts one', async () => {
    const cache = memoryCache();
    const { made, start } = countingRenderer();
    const cold = new DiagramStage({ cache, renderer: start });
    const results = await Promise.all(['a', 'b', 'a'].map((s) => cold.draw(s, 'x.mdx')));
    expect(results).toEqual([RAW, RAW, RAW]);
    expect(made).toMatchObject({ renderers: 1, renders: 2 });
    expect(cache.store.size).toBe(2);
    await cold.close();
    expect(cold.stats).toEqual({ cached: 0, drawn: 2, lazy: 0, launches: 1 });
    expect(made.closed).toBe(1);

    const warm = new DiagramStage({ cache, renderer: start });
    expect(await warm.draw('a', 'x.mdx')).toEqual(RAW);
    expect(await warm.draw('b', 'y.mdx')).toEqual(RAW);
    await warm.close();
    expect(made).toMatchObject({ renderers: 1, renders: 2 });
    expect(warm.stats).toEqual({ cached: 2, drawn: 0, lazy: 0, launches: 0 });
  });

  it('without a browser a miss is left to the page, while a hit is still used', async () => {
    const cache = memoryCache();
    await new DiagramStage({ cache, renderer: countingRenderer().start }).draw('a', 'x.mdx');
    const stage = new DiagramStage({ cache, renderer: null });
    expect(await stage.draw('a', 'x.mdx')).toEqual(RAW);
    expect(await stage.draw('never-drawn', 'x.mdx')).toBeNull();
    expect(stage.stats).toMatchObject({ cached: 1, drawn: 0, lazy: 1 });
  });

  it('lazyOnly leaves every diagram to the page, even a cached one', async () => {
    const cache = memoryCache();
    const { made, start } = countingRenderer();
    await new DiagramStage({ cache, renderer: start }).draw('a', 'x.mdx');
    const lazy = new DiagramStage({ cache, renderer: start, lazyOnly: true });
    expect(await lazy.draw('a', 'x.mdx')).toBeNull();
    expect(lazy.stats).toMatchObject({ cached: 0, lazy: 1 });
    expect(made.renderers).toBe(1);
  });

  it('finds no browser where there is none', () => {
    expect(findChromium({ CHROME_PATH: '/definitely/not/here', PATH: '' })).toBe(findChromium({}));
  });
});

describe('one SVG for both themes', () => {
  it('turns colours that differ inside CSS into variables, light by default and dark under data-theme', () => {
    const merged = mergeThemes(RAW.light, RAW.dark)!;
    expect(merged).toContain(`#${RENDER_ID}{--dg0:#333;--dg1:#eee}[data-theme=dark] #${RENDER_ID}{--dg0:lightgrey;--dg1:#1f2020}`);
    expect(merged).toContain('fill:var(--dg1);stroke:#999;');
    // colours both themes share stay as they are, also outside CSS
    expect(merged).toContain('fill="#000"');
  });

  it('keeps two copies when the drawings differ in anything but CSS colours', () => {
    expect(mergeThemes(RAW.light, RAW.light.replace('viewBox="0 0 400 100"', 'viewBox="0 0 401 100"'))).toBeNull();
    // a colour in a presentation attribute cannot take a var()
    expect(mergeThemes(RAW.light, RAW.light.replace('fill="#000"', 'fill="#fff"'))).toBeNull();
  });

  it('moves gradient and shadow colours into a style attribute when mermaid CSS never sets them', () => {
    expect(paintAsStyle('<svg><style>a{fill:red}</style><stop offset="0" stop-color="#abc"/></svg>')).toBe(
      '<svg><style>a{fill:red}</style><stop offset="0" style="stop-color:#abc"/></svg>',
    );
    const styled = '<svg><style>a{fill:red}</style><stop style="x:y" stop-color="#abc"/></svg>';
    expect(paintAsStyle(styled)).toBe(styled);
  });

  it('a themed figure is one scroll box; an unmergeable one has a box per theme', () => {
    const one = drawnDiagramHtml(RAW, 'diagram-3', ' aria-label="Diagram"', new Set());
    expect(one.themed).toBe(true);
    expect(one.html.match(/class="diagram-svg"/g)).toHaveLength(1);
    expect(one.html).toMatch(/<svg [^>]*id="diagram-3"/);
    expect(one.html).toContain('url(#diagram-3_pointEnd)');
    expect(one.html).not.toContain(RENDER_ID);
    const two = drawnDiagramHtml({ light: RAW.light, dark: RAW.dark.replace('fill="#000"', 'fill="#fff"') }, 'diagram-3', '', new Set());
    expect(two.themed).toBe(false);
    expect(two.html).toContain('class="diagram-svg diagram-light"');
    expect(two.html).toMatch(/<svg [^>]*id="diagram-3-dark"/);
  });

  it('a wide diagram gets a minimum width so its labels stay readable on a phone', () => {
    const svg = '<svg id="d" width="100%" style="max-width: 1046px;" viewBox="0 0 1046.5 226.75"><g/></svg>';
    expect(withReadableMinWidth(svg)).toBe(
      `<svg id="d" width="100%" style="min-width: ${Math.round(1046.5 * MIN_SCALE)}px; max-width: 1046px;" viewBox="0 0 1046.5 226.75"><g/></svg>`,
    );
    expect(withReadableMinWidth('<svg id="x"><g/></svg>')).toBe('<svg id="x"><g/></svg>');
  });
});

describe('ids inside a drawing', () => {
  it('renames the render id everywhere and renumbers counter ids from the root id, references included', () => {
    const svg = `<svg id="${RENDER_ID}"><line id="actor48"/><g id="root-48"/><use href="#actor48"/><path fill="url(#root-48)"/><g id="${RENDER_ID}-x"/></svg>`;
    const out = scopeInnerIds(renameSvgId(svg, RENDER_ID, 'diagram-2'));
    expect(out).toBe('<svg id="diagram-2"><line id="diagram-2-i1"/><g id="diagram-2-i2"/><use href="#diagram-2-i1"/><path fill="url(#diagram-2-i2)"/><g id="diagram-2-x"/></svg>');
  });
});
