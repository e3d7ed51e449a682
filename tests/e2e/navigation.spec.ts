import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, TEMPLATES } from './fixtures.ts';

test('every template loads with one h1, a title, a description and a canonical URL', async ({ page, errors }) => {
  for (const [name, path] of Object.entries(TEMPLATES)) {
    const res = await page.goto(path);
    expect(res?.status(), name).toBeLessThan(name === 'notFound' ? 500 : 400);
    await expect(page.locator('h1'), name).toHaveCount(1);
    expect(await page.title(), name).not.toBe('');
    expect(await page.locator('meta[name="description"]').getAttribute('content'), name).toBeTruthy();
    expect(await page.locator('link[rel="canonical"]').getAttribute('href'), name).toMatch(/^https?:\/\//);
  }
  expect(errors).toEqual([]);
});

test('a reader goes from home to a lesson through Learn and the guide, then to the next lesson', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await expect(page).toHaveURL(/\/learn\/$/);
  await page.getByRole('link', { name: 'Core Building Blocks' }).first().click();
  await expect(page.locator('h1')).toHaveText('Core Building Blocks');
  await expect(page.locator('.lesson')).toHaveCount(5);
  await page.getByRole('link', { name: /Load Balancing Strategies/ }).click();
  await expect(page.locator('h1')).toHaveText('Load Balancing Strategies: L4 vs L7, Algorithms, and Health Checks');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Core Building Blocks');
  await expect(page.locator('.meta-line')).toContainText('min read');
});

test('the track lists modules 2.0 to 2.15 with levels, and unwritten ones are not links', async ({ page }) => {
  await page.goto(TEMPLATES.track);
  const nums = await page.locator('.lesson .num').allTextContents();
  expect(nums.map((n) => n.trim())).toEqual(Array.from({ length: 16 }, (_, i) => `2.${i}`));
  await expect(page.locator('.stats')).toContainText('16');
  await expect(page.locator('.stats')).toContainText('7');
  await expect(page.locator('.stats')).toContainText('Intermediate');
  const soon = page.locator('.lesson', { hasText: 'Coming soon' });
  expect(await soon.count()).toBeGreaterThan(0);
  await expect(soon.first().locator('h3 a')).toHaveCount(0);
});

test('the lesson page has a table of contents with scroll-spy, tags linking to topics and a quiz', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(TEMPLATES.lesson);
  const toc = page.locator('toc-spy');
  await expect(toc).toBeVisible();
  expect(await toc.locator('a').count()).toBeGreaterThan(3);
  const tag = page.locator('.meta-line a.pill').first();
  await expect(tag).toHaveAttribute('href', /^\/topics\/[a-z0-9-]+\/$/);
  await expect(page.locator('.quiz')).toHaveCount(1);
  // scroll-spy: the first section is current at the top; following a TOC link makes that one current
  await expect(toc.locator('a').first()).toHaveAttribute('aria-current', 'true');
  const third = toc.locator('a').nth(2);
  await third.click();
  await expect(third).toHaveAttribute('aria-current', 'true');
  await expect(toc.locator('a[aria-current="true"]')).toHaveCount(1);
});

test('mobile: the menu opens and closes by keyboard at 360 px, nothing overflows sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [TEMPLATES.home, TEMPLATES.lesson, TEMPLATES.post, TEMPLATES.track]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto(TEMPLATES.post);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the footer has its four columns and every link works', async ({ page, request }) => {
  await page.goto('/');
  const footer = page.locator('footer');
  for (const col of ['Learn', 'Labs', 'Simulators', 'Community']) await expect(footer.getByRole('heading', { name: col })).toBeVisible();
  const hrefs = await footer.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThanOrEqual(20);
  for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
});

test('the blog lists every post and filters by category', async ({ page }) => {
  const posts = readdirSync(resolve(import.meta.dirname, '../../src/content/blog')).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).length;
  await page.goto(TEMPLATES.blog);
  await expect(page.locator('.grid > li')).toHaveCount(posts);
  await page.getByRole('navigation', { name: 'Filter by category' }).getByRole('link', { name: 'Database' }).click();
  await expect(page).toHaveURL(/\/blog\/category\/database\/$/);
  const eyebrows = await page.locator('.grid > li .eyebrow').allTextContents();
  expect(eyebrows.length).toBeGreaterThan(0);
  expect(new Set(eyebrows)).toEqual(new Set(['Database']));
});

test('the pattern index filters cards by tag', async ({ page }) => {
  await page.goto(TEMPLATES.patterns);
  const all = await page.locator('.grid > li:visible').count();
  await page.getByRole('group', { name: 'Filter patterns by tag' }).getByRole('button', { name: 'Resilience' }).click();
  const shown = await page.locator('.grid > li:visible').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(all);
  await expect(page.locator('.grid > li:visible').first()).toContainText('Circuit Breaker');
});

test('a topic page lists lessons, patterns and posts that carry the topic', async ({ page }) => {
  await page.goto('/topics/resilience/');
  await expect(page.getByRole('link', { name: 'Circuit Breaker', exact: true })).toBeVisible();
  await page.goto(TEMPLATES.topic);
  await expect(page.getByRole('link', { name: /Load Balancing Strategies/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Articles/ })).toBeVisible();
});
