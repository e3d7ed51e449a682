/**
 * Mermaid diagrams as inline SVG, drawn while MDX is compiled: a Sätteri mdast plugin
 * (Astro's default Markdown processor) replaces each ```mermaid fence before Expressive
 * Code sees it. Drawings are cached under node_modules/.cache, so an unchanged diagram
 * never starts a browser; the first miss of a build starts the one browser it uses.
 * Without a browser the build still succeeds: pages keep the source and load mermaid
 * lazily (copied to /vendor/mermaid/ only then). MERMAID_BROWSER=off forces that fallback.
 */
import type { AstroIntegration } from 'astro';
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import { cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diskCache } from '../src/lib/mermaid/cache.ts';
import { diagramFences } from '../src/lib/mermaid/fences.ts';
import { browserRenderer, findChromium } from '../src/lib/mermaid/render.ts';
import { DiagramStage } from '../src/lib/mermaid/stage.ts';

const require = createRequire(import.meta.url);

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

export function diagrams(): AstroIntegration {
  let stage: DiagramStage;
  const started = performance.now();
  return {
    name: 'backend-atlas:diagrams',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown.processor;
        if (!processor || !isSatteriProcessor(processor)) {
          throw new Error('Diagrams need the Sätteri Markdown processor (Astro\'s default): the fence plugin is an mdast plugin.');
        }
        const chromium = findChromium();
        const cacheDir = fileURLToPath(new URL('node_modules/.cache/backend-atlas-diagrams/', config.root));
        stage = new DiagramStage({
          cache: diskCache(cacheDir),
          renderer: chromium ? () => browserRenderer(chromium) : null,
          lazyOnly: process.env.MERMAID_BROWSER === 'off',
        });
        (processor.options as { mdastPlugins: unknown[] }).mdastPlugins.push(diagramFences(stage));
      },
      'astro:build:done': async ({ dir, logger }) => {
        await stage.close();
        const { cached, drawn, lazy, launches } = stage.stats;
        if (lazy > 0) {
          logger.warn(`${lazy} diagrams will be drawn in the reader's browser, lazily${findChromium() ? ' (MERMAID_BROWSER=off)' : ': no Chromium found'}.`);
          await copyMermaidRuntime(fileURLToPath(dir));
        }
        logger.info(`${cached} diagrams from the cache, ${drawn} drawn with ${launches} browser launch(es), ${lazy} left to the page; ${Math.round(performance.now() - started)} ms since config.`);
      },
      'astro:server:done': async () => {
        await stage.close();
      },
    },
  };
}
