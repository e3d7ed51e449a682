/**
 * Fills the CSP in dist/_headers with the SHA-256 of every inline script the
 * build produced (theme script, small bundled scripts, island runtime), so the
 * policy allows exactly those and nothing else inline.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './html-files.ts';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g;

export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1] ?? '')
    .filter((code) => code.trim().length > 0)
    .map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
}

export function securityHeaders(): AstroIntegration {
  return {
    name: 'backend-atlas:headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const hashes = new Set<string>();
        for (const file of await htmlFiles(outDir)) for (const h of inlineScriptHashes(await readFile(file, 'utf8'))) hashes.add(h);
        const target = join(outDir, '_headers');
        const template = await readFile(target, 'utf8');
        await writeFile(target, template.replace('__INLINE_SCRIPT_HASHES__', [...hashes].sort().join(' ')));
        logger.info(`CSP allows ${hashes.size} inline scripts by hash.`);
      },
    },
  };
}
