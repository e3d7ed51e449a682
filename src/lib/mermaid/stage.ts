/**
 * The diagram stage of one build: each diagram comes from the cache, or is drawn
 * by the one browser of the build and then cached, or (no browser) is left to the
 * lazy loader.
 */
import { diagramKey, type DiagramCache } from './cache.ts';
import { BASE_CONFIG, MERMAID_VERSION, THEME_CONFIG, type RawDiagram, type Renderer } from './render.ts';

export interface StageOptions {
  cache: DiagramCache;
  /** starts the build's renderer on the first cache miss; null when there is no browser */
  renderer: (() => Renderer) | null;
  /** draw nothing at build time, not even from the cache (exercises the lazy fallback) */
  lazyOnly?: boolean;
}

export interface StageStats {
  cached: number;
  drawn: number;
  lazy: number;
  launches: number;
}

export class DiagramStage {
  readonly #cache: DiagramCache;
  readonly #startRenderer: (() => Renderer) | null;
  readonly #lazyOnly: boolean;
  #renderer: Renderer | null = null;
  /** one promise per key, so a diagram used on two pages is looked up and drawn once */
  readonly #pending = new Map<string, Promise<RawDiagram | null>>();
  readonly stats: StageStats = { cached: 0, drawn: 0, lazy: 0, launches: 0 };

  constructor({ cache, renderer, lazyOnly = false }: StageOptions) {
    this.#cache = cache;
    this.#startRenderer = renderer;
    this.#lazyOnly = lazyOnly;
  }

  /** The drawing for `source`, or null when it is left to the browser of the reader. */
  draw(source: string, origin: string): Promise<RawDiagram | null> {
    const key = diagramKey({ source, config: [BASE_CONFIG, THEME_CONFIG], mermaidVersion: MERMAID_VERSION });
    let job = this.#pending.get(key);
    if (!job) {
      job = this.#lookUpOrDraw(key, source, origin);
      this.#pending.set(key, job);
    }
    return job;
  }

  async #lookUpOrDraw(key: string, source: string, origin: string): Promise<RawDiagram | null> {
    if (this.#lazyOnly) {
      this.stats.lazy++;
      return null;
    }
    const hit = await this.#cache.get(key);
    if (hit) {
      this.stats.cached++;
      return hit;
    }
    if (!this.#startRenderer) {
      this.stats.lazy++;
      return null;
    }
    this.#renderer ??= this.#startRenderer();
    const drawn = await this.#renderer.render(source.trim(), origin);
    this.stats.drawn++;
    await this.#cache.set(key, drawn);
    return drawn;
  }

  /** Closes the browser, if one was started. */
  async close(): Promise<void> {
    if (!this.#renderer) return;
    this.stats.launches += this.#renderer.launches;
    const r = this.#renderer;
    this.#renderer = null;
    await r.close();
  }
}
