import { test, expect, TEMPLATES } from './fixtures.ts';

test('theme choice persists across pages and reloads, without a flash of the wrong theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(TEMPLATES.home);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const toggle = page.locator('theme-toggle button');
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto(TEMPLATES.post);
  // The inline head script sets the theme before first paint: check the very first state the DOM has.
  const atStart = await page.evaluate(() => document.documentElement.dataset.theme);
  expect(atStart).toBe('dark');
  await page.reload({ waitUntil: 'commit' });
  await page.waitForSelector('html[data-theme]');
  expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  await page.locator('theme-toggle button').click(); // dark → system
  await expect(page.locator('html')).toHaveAttribute('data-theme-pref', 'system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('mark as complete persists and shows as progress on the path', async ({ page }) => {
  await page.goto(TEMPLATES.lesson);
  const button = page.locator('mark-complete button');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toHaveText(/Completed/);
  await page.reload();
  await expect(page.locator('mark-complete button')).toHaveAttribute('aria-pressed', 'true');
  await page.goto(TEMPLATES.guide);
  await expect(page.locator('path-progress .progress-text')).toHaveText(/^1 of \d+ complete$/);
  await expect(page.locator('[data-lesson-key="system-design-phase-2/load-balancing-strategies"] .done-mark')).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('atlas:progress:v1')!));
  expect(Object.keys(stored.completed)).toEqual(['system-design-phase-2/load-balancing-strategies']);
});

test('a corrupt saved value is reset, not a crash', async ({ page, errors }) => {
  await page.goto(TEMPLATES.home);
  await page.evaluate(() => {
    localStorage.setItem('atlas:progress:v1', '{not json');
    localStorage.setItem('atlas:quiz:v1', '"a string"');
  });
  await page.goto(TEMPLATES.guide);
  await expect(page.locator('path-progress .progress-text')).toHaveText(/^0 of \d+ complete$/);
  expect(await page.evaluate(() => localStorage.getItem('atlas:progress:v1'))).toBeNull();
  await page.goto(TEMPLATES.lesson);
  await expect(page.locator('mark-complete button')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('the quiz hydrates on scroll, explains each answer and remembers the result', async ({ page }) => {
  await page.goto(TEMPLATES.pattern);
  const quiz = page.locator('.quiz');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-live', '');
  const first = quiz.locator('.quiz-question').first();
  await first.locator('.quiz-choice').first().click();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(first.locator('.quiz-result')).toBeVisible();
  await expect(first.locator('.quiz-result')).toContainText(/Correct\.|Not quite/);
  await page.reload();
  await page.locator('.quiz').scrollIntoViewIfNeeded();
  await expect(page.locator('.quiz-question').first().locator('.quiz-result')).toBeVisible();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('atlas:quiz:v1')!));
  expect(saved['pattern-circuit-breaker'].answers[0]).toBe(0);
});

test('without JavaScript the quiz shows questions and answers with explanations', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(TEMPLATES.lesson);
  const details = page.locator('.quiz details.quiz-answer');
  expect(await details.count()).toBeGreaterThanOrEqual(3);
  await details.first().locator('summary').click();
  // the answer and its explanation, not just the summary
  expect((await details.first().innerText()).length).toBeGreaterThan(80);
  await expect(page.locator('article.prose')).toContainText('health');
  await context.close();
});

test('code tabs switch language by click and by arrow keys, and remember the choice', async ({ page }) => {
  await page.goto(TEMPLATES.post);
  const group = page.locator('code-tabs').first();
  const tabs = group.getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(0)).toHaveText('Python');
  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(group.locator('pre[data-language="go"]')).toBeVisible();
  await expect(group.locator('pre[data-language="python"]')).toBeHidden();
  await tabs.nth(1).press('ArrowLeft');
  await expect(tabs.nth(0)).toBeFocused();
  await expect(group.locator('pre[data-language="python"]')).toBeVisible();
  await tabs.nth(1).click();
  await page.reload();
  await expect(page.locator('code-tabs').first().getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('code blocks have a working copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(TEMPLATES.courseLesson);
  const block = page.locator('.expressive-code').first();
  await block.hover();
  await block.locator('button[title="Copy to clipboard"]').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.length).toBeGreaterThan(10);
});
