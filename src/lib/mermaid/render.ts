/**
 * Draws mermaid diagrams to SVG in one headless Chromium session for the whole
 * build (one page, many renders), instead of a browser per file.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RenderedDiagram } from './blocks.ts';
import { compactSvg } from './compact.ts';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser to draw with, or null: MERMAID_BROWSER=off forces the no-browser fallback. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.MERMAID_BROWSER === 'off') return null;
  const candidates = [env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface DiagramJob {
  id: string;
  source: string;
  /** where it came from, for error messages */
  origin: string;
}

export async function renderDiagrams(executablePath: string, jobs: DiagramJob[]): Promise<RenderedDiagram[]> {
  if (jobs.length === 0) return [];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    const out: RenderedDiagram[] = jobs.map(() => ({ light: '', dark: '' }));
    for (const theme of ['light', 'dark'] as const) {
      const results = await page.evaluate(
        async ({ jobs, theme, font }) => {
          const m = (globalThis as unknown as { mermaid: any }).mermaid;
          m.initialize({
            startOnLoad: false,
            layout: 'dagre',
            securityLevel: 'strict',
            theme: theme === 'dark' ? 'dark' : 'neutral',
            fontFamily: font,
            htmlLabels: false,
            flowchart: { htmlLabels: false, useMaxWidth: true },
            sequence: { useMaxWidth: true },
          });
          const res: { svg?: string; error?: string }[] = [];
          for (const job of jobs) {
            try {
              const { svg } = await m.render(`${job.id}-${theme}`, job.source);
              res.push({ svg });
            } catch (e) {
              res.push({ error: String((e as Error)?.message ?? e) });
            }
          }
          return res;
        },
        { jobs, theme, font: FONT },
      );
      results.forEach((r, i) => {
        if (r.error !== undefined || r.svg === undefined) {
          throw new Error(`Mermaid could not draw the diagram #${i + 1} in ${jobs[i]?.origin}: ${r.error}`);
        }
        (out[i] as RenderedDiagram)[theme] = compactSvg(r.svg);
      });
    }
    return out;
  } finally {
    await browser.close();
  }
}
