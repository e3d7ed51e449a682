import { test as base, expect, type Page } from '@playwright/test';

/** Every test fails if the page logs a console error or throws. */
export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});
export { expect };

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

export async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
}
