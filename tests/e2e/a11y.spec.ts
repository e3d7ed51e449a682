import AxeBuilder from '@axe-core/playwright';
import { test, expect, TEMPLATES } from './fixtures.ts';
import { planPages, sitePages, templateOf } from './site-pages.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe on every page would grow to many minutes as the site grows; templates share their markup,
// so axe runs on one page of every template in both themes plus a stable sample of the rest.
// AXE_ALL=1 runs it on every page, for a full audit.
const plan = planPages(sitePages(), process.env.AXE_ALL ? 1 : 0.1);

async function axe(page: import('@playwright/test').Page) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

/** Opens a page in a colour scheme and lets its quiz island hydrate, so axe sees the live widget. */
async function open(page: import('@playwright/test').Page, path: string, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
  const quiz = page.locator('.quiz');
  if (await quiz.count()) {
    await quiz.first().scrollIntoViewIfNeeded();
    await expect(quiz.first()).toHaveAttribute('data-live', '');
  }
}

test('the axe plan covers the templates every site has', () => {
  for (const t of ['home', '404', 'learn', 'blog entry', 'patterns entry', 'topics entry', 'quizzes entry', 'roadmaps entry', 'blog category'])
    expect([...plan.templates.keys()]).toContain(t);
  expect([...plan.templates.keys()].filter((t) => t.startsWith('lesson ('))).not.toEqual([]);
  expect(() => templateOf('/patterns/circuit-breaker/diagram/')).toThrow(/no template has this URL shape/);
  expect(() => templateOf('/learn/no-such-path/')).toThrow(/which kind of path/);
});

for (const [template, path] of plan.templates) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: 0 violations on the ${template} template, ${path} (${scheme})`, async ({ page }) => {
      test.setTimeout(120_000); // axe's contrast pass over hundreds of highlighted code tokens is slow on a busy machine
      await open(page, path, scheme);
      expect(await axe(page)).toEqual([]);
    });
  }
}

plan.sample.forEach((path, i) => {
  // the sample alternates themes so both are covered beyond the templates
  const scheme = i % 2 ? 'dark' : 'light';
  test(`axe: 0 violations on sampled page ${path} (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await open(page, path, scheme);
    expect(await axe(page)).toEqual([]);
  });
});

test('axe: 0 violations in dark mode with the search dialog open', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(TEMPLATES.home);
  await page.keyboard.press('/');
  await page.getByRole('searchbox').fill('cache');
  await expect(page.locator('dialog .results a').first()).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('axe: 0 violations at 360 px with the mobile menu open', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(TEMPLATES.lesson);
  await page.getByRole('button', { name: 'Menu' }).click();
  expect(await axe(page)).toEqual([]);
});
