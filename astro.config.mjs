// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import expressiveCode from 'astro-expressive-code';
import { SITE } from './src/site.ts';
import { diagrams } from './integrations/diagrams.ts';
import { pagefindIndex } from './integrations/pagefind.ts';
import { securityHeaders } from './integrations/headers.ts';
import { focusablePre } from './integrations/ec-focusable-pre.ts';
import { checkLabels } from './integrations/ec-check-label.ts';
import { searchIgnore } from './integrations/ec-search-ignore.ts';

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  // Readers arrive cold from search: inlining the CSS saves render-blocking round trips on the first view.
  build: { format: 'directory', inlineStylesheets: 'always' },
  prefetch: false,
  integrations: [
    // Takes mermaid fences out of MDX before Expressive Code highlights code blocks.
    diagrams(),
    expressiveCode({
      // github-light fails contrast; the high-contrast variant passes axe.
      themes: ['github-dark', 'github-light-high-contrast'],
      plugins: [focusablePre(), checkLabels(), searchIgnore()],
      useDarkModeMediaQuery: false,
      emitExternalStylesheet: false,
      themeCssSelector: (theme) => `[data-theme='${theme.type}']`,
      styleOverrides: { borderRadius: '0.5rem', codeFontSize: '0.875rem', uiFontSize: '0.875rem' },
    }),
    mdx(),
    preact(),
    sitemap({ filter: (page) => !page.endsWith('/404/') && !page.includes('/search/') }),
    pagefindIndex(),
    // last: hashes the inline scripts of the final HTML
    securityHeaders(),
  ],
});
