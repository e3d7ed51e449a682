import { readFileSync } from 'node:fs';
import { parseHeadersFile, headersFor } from '../../scripts/headers-file.ts';
import { test, expect, scrollThrough } from './fixtures.ts';
import { planPages, sitePages } from './site-pages.ts';

// The shared fixture fails any test whose page breaks the policy; this spec makes sure every
// template is opened and scrolled to its end (so lazy islands load) under the policy the site ships.
const plan = planPages(sitePages());
const policy = headersFor(parseHeadersFile(readFileSync('dist/_headers', 'utf8')), '/')['Content-Security-Policy'];

test('the server sends the Content-Security-Policy of dist/_headers', async ({ request }) => {
  expect(policy).toMatch(/script-src 'self'/);
  const res = await request.get('/');
  expect(res.headers()['content-security-policy']).toBe(policy);
});

for (const [template, path] of plan.templates) {
  test(`no CSP violation or console error on the ${template} template, ${path}, scrolled to its end`, async ({ page }) => {
    await page.goto(path);
    await scrollThrough(page);
    await page.waitForLoadState('networkidle');
  });
}

test.describe('the CSP check itself', () => {
  test.use({ failOnPageProblems: false });

  test('an inline script the policy has no hash for is blocked and reported', async ({ page, problems }) => {
    await page.goto('/');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await expect.poll(() => problems.csp.length).toBeGreaterThan(0);
    expect(problems.csp[0]).toMatch(/^script-src(-elem)? blocked inline on \/$/);
    expect(await page.evaluate(() => 'ran' in window && (window as { __ran?: boolean }).__ran)).toBeFalsy();
    expect(problems.errors.some((e) => e.includes('Content Security Policy'))).toBe(true);
  });
});
