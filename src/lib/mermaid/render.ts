/**
 * Draws mermaid diagrams to SVG in headless Chromium. One browser is launched
 * the first time a diagram is not in the cache and serves every later diagram
 * of the build, one at a time (mermaid keeps global state, so renders must not overlap).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser to draw with, or null when none is installed (CHROME_PATH overrides the usual places). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** The id every diagram is drawn under; the page gives each copy its own id later. */
export const RENDER_ID = 'atlas-mermaid-render';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** mermaid.initialize options per site theme. Part of the cache key: changing them redraws every diagram. */
export const THEME_CONFIG = {
  light: { theme: 'neutral', fontFamily: FONT },
  dark: { theme: 'dark', fontFamily: FONT },
} as const;

/** Options shared by both themes. Dagre, never ELK: ELK is a large extra bundle and lays out differently. */
export const BASE_CONFIG = {
  startOnLoad: false,
  layout: 'dagre',
  securityLevel: 'strict',
  htmlLabels: false,
  flowchart: { htmlLabels: false, useMaxWidth: true },
  sequence: { useMaxWidth: true },
} as const;

export const MERMAID_VERSION: string = require('mermaid/package.json').version;

/** The raw SVG mermaid drew for one source, once per site theme. */
export interface RawDiagram {
  light: string;
  dark: string;
}

export interface Renderer {
  render(source: string, origin: string): Promise<RawDiagram>;
  close(): Promise<void>;
  /** how many browsers this renderer has started: 0 or 1 */
  readonly launches: number;
}

type Page = import('playwright-core').Page;
type Browser = import('playwright-core').Browser;

export function browserRenderer(executablePath: string): Renderer {
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let launches = 0;

  const open = (): Promise<Page> => {
    page ??= (async () => {
      const { chromium } = await import('playwright-core');
      launches++;
      browser = chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      const p = await (await browser).newPage();
      await p.setContent('<!doctype html><html><body></body></html>');
      await p.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
      return p;
    })();
    return page;
  };

  const draw = async (source: string, origin: string): Promise<RawDiagram> => {
    const p = await open();
    const out = await p.evaluate(
      async ({ source, id, base, themes }) => {
        const m = (globalThis as unknown as { mermaid: any }).mermaid;
        const res: Record<string, string> = {};
        for (const [name, theme] of Object.entries(themes)) {
          m.initialize({ ...base, ...theme });
          try {
            res[name] = (await m.render(id, source)).svg;
          } catch (e) {
            return { error: String((e as Error)?.message ?? e) };
          }
        }
        return { light: res.light as string, dark: res.dark as string };
      },
      { source, id: RENDER_ID, base: BASE_CONFIG, themes: THEME_CONFIG },
    );
    if ('error' in out) throw new Error(`Mermaid could not draw a diagram in ${origin}: ${out.error}`);
    return out;
  };

  return {
    render(source, origin) {
      const next = queue.then(() => draw(source, origin));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      const b = browser;
      browser = null;
      page = null;
      if (b) await (await b).close();
    },
    get launches() {
      return launches;
    },
  };
}
