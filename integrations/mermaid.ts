/**
 * Turns fenced mermaid blocks into inline SVG after the build, in one browser
 * session for all pages. Without a browser the build still succeeds: the pages
 * keep the source and load mermaid lazily (copied to /vendor/mermaid/ only then).
 */
import type { AstroIntegration } from 'astro';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMermaidBlocks, replaceMermaidBlocks, type MermaidBlock } from '../src/lib/mermaid/blocks.ts';
import { findChromium, renderDiagrams, type DiagramJob } from '../src/lib/mermaid/render.ts';

const require = createRequire(import.meta.url);

export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

async function copyMermaidRuntime(outDir: string): Promise<void> {
  const target = join(outDir, 'vendor', 'mermaid');
  const dist = dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'));
  await mkdir(target, { recursive: true });
  await cp(join(dist, 'mermaid.esm.min.mjs'), join(target, 'mermaid.esm.min.mjs'));
  await cp(join(dist, 'chunks', 'mermaid.esm.min'), join(target, 'chunks', 'mermaid.esm.min'), {
    recursive: true,
    filter: (src) => !src.endsWith('.map'),
  });
  await cp(fileURLToPath(new URL('../src/lib/mermaid/lazy.js', import.meta.url)), join(target, 'lazy.js'));
}

export function mermaidDiagrams(): AstroIntegration {
  return {
    name: 'backend-atlas:mermaid',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages: { file: string; html: string; blocks: MermaidBlock[] }[] = [];
        for (const file of await htmlFiles(outDir)) {
          const html = await readFile(file, 'utf8');
          const blocks = findMermaidBlocks(html);
          if (blocks.length) pages.push({ file, html, blocks });
        }
        if (pages.length === 0) return;
        const total = pages.reduce((n, p) => n + p.blocks.length, 0);
        const chromium = findChromium();
        if (!chromium) {
          logger.warn(`No Chromium found: ${total} diagrams will be drawn in the browser, lazily.`);
          await copyMermaidRuntime(outDir);
          for (const p of pages) await writeFile(p.file, replaceMermaidBlocks(p.html, p.blocks, null));
          return;
        }
        const started = performance.now();
        const jobs: DiagramJob[] = pages.flatMap((p) =>
          p.blocks.map((b, i) => ({ id: `diagram-${i + 1}`, source: b.source, origin: relative(outDir, p.file) })),
        );
        const rendered = await renderDiagrams(chromium, jobs);
        let k = 0;
        for (const p of pages) {
          const mine = rendered.slice(k, k + p.blocks.length);
          k += p.blocks.length;
          await writeFile(p.file, replaceMermaidBlocks(p.html, p.blocks, mine));
        }
        logger.info(`Drew ${total} diagrams on ${pages.length} pages in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
