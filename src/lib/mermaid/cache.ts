/**
 * Drawn diagrams on disk, one JSON file per diagram, named by a hash of everything
 * that decides what mermaid draws: the source, the theme options, the mermaid
 * version and the version of our render step. An unchanged diagram is read back
 * instead of starting a browser.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawDiagram } from './render.ts';

/** Bump when the render step changes what it returns for the same source and options. */
export const RENDERER_VERSION = 1;

export interface KeyParts {
  source: string;
  /** mermaid options per theme (and shared), as passed to mermaid.initialize */
  config: unknown;
  mermaidVersion: string;
  rendererVersion?: number;
}

export function diagramKey({ source, config, mermaidVersion, rendererVersion = RENDERER_VERSION }: KeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([source.trim(), config, mermaidVersion, rendererVersion]))
    .digest('hex')
    .slice(0, 32);
}

export interface DiagramCache {
  get(key: string): Promise<RawDiagram | null>;
  set(key: string, diagram: RawDiagram): Promise<void>;
}

const isRaw = (v: unknown): v is RawDiagram =>
  typeof v === 'object' && v !== null && typeof (v as RawDiagram).light === 'string' && typeof (v as RawDiagram).dark === 'string';

export function diskCache(dir: string): DiagramCache {
  return {
    async get(key) {
      try {
        const value: unknown = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8'));
        // A truncated or foreign file is a miss, never a broken page.
        return isRaw(value) && value.light.startsWith('<svg') && value.dark.startsWith('<svg') ? value : null;
      } catch {
        return null;
      }
    },
    async set(key, diagram) {
      await mkdir(dir, { recursive: true });
      // Write then rename, so a build killed mid-write never leaves half a file under the real name.
      const tmp = join(dir, `${key}.${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify(diagram));
      await rename(tmp, join(dir, `${key}.json`));
    },
  };
}
