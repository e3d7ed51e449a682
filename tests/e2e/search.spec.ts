import { test, expect, TEMPLATES } from './fixtures.ts';

test('"/" opens the search dialog, which finds the exemplar pages and is keyboard-operable', async ({ page }) => {
  await page.goto(TEMPLATES.home);
  const before = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/pagefind/')));
  expect(before, 'Pagefind must not load before search is opened').toBe(false);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('searchbox');
  await expect(input).toBeFocused();
  await input.fill('consistent hashing');
  const results = dialog.locator('.results a');
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
  expect(hrefs).toContain('/blog/consistent-hashing-explained/');
  await input.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Ctrl+K opens search; the kind filter narrows results to lessons', async ({ page }) => {
  await page.goto(TEMPLATES.post);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('select[name=kind] option')).not.toHaveCount(1);
  await dialog.getByRole('searchbox').fill('load balancing health checks');
  await expect(dialog.locator('.results a').first()).toBeVisible();
  await dialog.locator('select[name=kind]').selectOption('Lesson');
  await expect(dialog.locator('.results a').first()).toHaveAttribute('href', /^\/learn\//);
  // retried: the unfiltered results can still be on screen for a moment after the filter is chosen
  await expect(dialog.locator('.results .pill').first()).toHaveText('Lesson');
  await expect(dialog.locator('.results .pill').filter({ hasNotText: /^Lesson$/ })).toHaveCount(0);
  await dialog.getByRole('searchbox').press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/learn\//);
});

test('the /search/ page honours ?q= and finds the pattern, the REST lesson and the load balancing lesson', async ({ page }) => {
  await page.goto('/search/?q=circuit%20breaker');
  await expect(page.locator('.results a[href="/patterns/circuit-breaker/"]')).toBeVisible();
  await page.goto('/search/?q=REST%20constraints');
  await expect(page.locator('.results a[href="/learn/system-design-apis-caching-scalability/what-is-rest-api/"]')).toBeVisible();
  await page.goto('/search/?q=least%20connections');
  await expect(page.locator('.results a[href="/learn/system-design-phase-2/load-balancing-strategies/"]')).toBeVisible();
});
