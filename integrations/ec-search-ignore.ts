/**
 * Expressive Code plugin: keeps code blocks out of the search index. Readers search for ideas,
 * not identifiers inside samples, and indexed code made excerpts raw Python and Go and let
 * one-letter variables match nonsense queries. Inline code in prose is still indexed.
 */
import type { ExpressiveCodePlugin } from 'astro-expressive-code';

export function searchIgnore(): ExpressiveCodePlugin {
  return {
    name: 'search-ignore',
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        const root = renderData.blockAst as { properties?: Record<string, unknown> };
        root.properties ??= {};
        root.properties['data-pagefind-ignore'] = '';
      },
    },
  };
}
