import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, TEMPLATES } from './fixtures.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every URL in the sitemap, as paths. */
function sitemapPaths(): string[] {
  const xml = readFileSync('dist/sitemap-0.xml', 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

async function axe(page: import('@playwright/test').Page) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

// One test per sitemap page: each gets its own timeout, and a failure names its page.
for (const p of sitemapPaths()) {
  test(`axe: 0 violations on ${p} (light)`, async ({ page }) => {
    test.setTimeout(120_000); // axe's contrast pass over hundreds of highlighted code tokens is slow on a busy machine
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(p);
    expect(await axe(page)).toEqual([]);
  });
}

for (const [name, p] of Object.entries(TEMPLATES)) {
  test(`axe: 0 violations on the ${name} template in dark mode, with its quiz hydrated`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(p);
    const quiz = page.locator('.quiz');
    if (await quiz.count()) {
      await quiz.scrollIntoViewIfNeeded();
      await expect(quiz).toHaveAttribute('data-live', '');
    }
    expect(await axe(page)).toEqual([]);
  });
}

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
