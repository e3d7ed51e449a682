import { test as base, expect, type Page } from '@playwright/test';

/** What the page reported: console errors, uncaught exceptions and Content-Security-Policy violations. */
export interface PageProblems {
  errors: string[];
  csp: string[];
}

/**
 * Every test, whether it asks for them or not, fails if a page logged a console error, threw,
 * or broke the Content-Security-Policy the server sends from dist/_headers. Violations are
 * caught by a listener installed before any page script runs, so one that the browser does
 * not log to the console (a blocked style, a report-only rule) still fails the test.
 * A test that provokes problems on purpose sets `test.use({ failOnPageProblems: false })`
 * and reads `problems` itself.
 */
export const test = base.extend<{ problems: PageProblems; errors: string[]; failOnPageProblems: boolean }>({
  failOnPageProblems: [true, { option: true }],
  problems: [
    async ({ context, failOnPageProblems }, use) => {
      const problems: PageProblems = { errors: [], csp: [] };
      await context.exposeBinding('__reportCspViolation', (_source, v: string) => void problems.csp.push(v));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation;
          report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}${e.sample ? ` (${e.sample})` : ''}`);
        });
      });
      const watch = (page: Page) => {
        page.on('console', (m) => {
          if (m.type() === 'error') problems.errors.push(`${new URL(page.url()).pathname}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.errors.push(`${new URL(page.url()).pathname}: ${e}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(problems);
      if (failOnPageProblems) {
        expect(problems.csp, 'Content-Security-Policy violations').toEqual([]);
        expect(problems.errors, 'console errors').toEqual([]);
      }
    },
    { auto: true },
  ],
  /** The console errors so far, for a test that wants to assert at a point of its own. */
  errors: async ({ problems }, use) => use(problems.errors),
});
export { expect };

/** Exemplar pages, the richest of their kind, for behaviour tests. */
export const TEMPLATES = {
  home: '/',
  learn: '/learn/',
  guide: '/learn/system-design-phase-2/',
  track: '/learn/building-blocks/',
  course: '/learn/system-design-apis-caching-scalability/',
  lesson: '/learn/system-design-phase-2/load-balancing-strategies/',
  courseLesson: '/learn/system-design-apis-caching-scalability/what-is-rest-api/',
  patterns: '/patterns/',
  pattern: '/patterns/circuit-breaker/',
  blog: '/blog/',
  category: '/blog/category/database/',
  post: '/blog/consistent-hashing-explained/',
  topics: '/topics/',
  topic: '/topics/load-balancing/',
  simulators: '/simulators/',
  tools: '/tools/',
  quizzes: '/quizzes/',
  quiz: '/quizzes/consistent-hashing-explained/',
  roadmap: '/roadmaps/system-design/',
  search: '/search/',
  notFound: '/404.html',
} as const;

/** Pages of the fixture site built without a browser (tests/fixtures/nobrowser), served on the port after the site's (4322 by default). */
export const NOBROWSER = {
  diagram: '/diagram/',
  plain: '/plain/',
} as const;

export async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
}
