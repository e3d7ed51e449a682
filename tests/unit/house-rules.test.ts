/**
 * The data layer's house rules, checked over the source: routes and components
 * get URLs from lib/urls.ts, and components render props instead of querying.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const files = (dir: string) =>
  readdirSync(join(SRC, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(astro|ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
const source = (f: string) => readFileSync(f, 'utf8');
const where = (f: string) => relative(SRC, f);

const routesAndComponents = [...files('pages'), ...files('components'), ...files('layouts')];

describe('URLs come from lib/urls.ts', () => {
  it('no route, layout or component builds a page URL from a pattern', () => {
    const found = routesAndComponents.filter((f) => /`\/[a-z0-9/-]*\$\{/.test(source(f))).map(where);
    expect(found).toEqual([]);
  });

  it('no route, layout or component types an internal page address', () => {
    // files the document head links to are not pages
    const assets = /href="\/(favicon\.svg|sitemap-index\.xml)"/g;
    const found = routesAndComponents.filter((f) => /href="\/[^"#]*"/.test(source(f).replace(assets, ''))).map(where);
    expect(found).toEqual([]);
  });
});

describe('components render props', () => {
  it('no component or layout queries content, directly or through the data layer', () => {
    const query = /import\s+\{[^}]*\}\s+from\s+'(astro:content|[./]*lib\/(collections|listings|route-data\/index)\.ts)'/;
    const found = [...files('components'), ...files('layouts')].filter((f) => query.test(source(f).replace(/import type[^;]*;/g, ''))).map(where);
    expect(found).toEqual([]);
  });

  it('routes query through lib/collections.ts, not getCollection or getEntry', () => {
    const found = files('pages').filter((f) => /\b(getCollection|getEntry|getEntries)\b/.test(source(f))).map(where);
    expect(found).toEqual([]);
  });
});
