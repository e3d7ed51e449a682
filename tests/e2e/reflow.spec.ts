import { test, expect } from './fixtures.ts';
import { sitePages } from './site-pages.ts';

// WCAG 1.4.10 (reflow): at 320 CSS px no page may scroll sideways; code, tables and diagrams
// scroll inside their own box. Every page is checked, a batch per test so the workers share
// the work and one browser page is reused: no screenshots, one layout per URL.
const WIDTH = 320;
const BATCH = 20;
const pages = sitePages();
const batches = Array.from({ length: Math.ceil(pages.length / BATCH) }, (_, i) => pages.slice(i * BATCH, (i + 1) * BATCH));

test('the reflow check has pages to check', () => {
  expect(batches.length).toBeGreaterThan(0);
  expect(batches.flat()).toEqual(pages);
});

batches.forEach((batch, i) => {
  test(`no sideways scrolling at ${WIDTH} px: pages ${i * BATCH + 1}–${i * BATCH + batch.length} of ${pages.length}`, async ({ page }) => {
    test.setTimeout(BATCH * 10_000);
    await page.setViewportSize({ width: WIDTH, height: 640 });
    const wide: string[] = [];
    for (const path of batch) {
      await page.goto(path);
      const r = await page.evaluate(() => {
        const doc = document.documentElement;
        // name the outermost elements that stick out and are not inside a box that scrolls or
        // clips them (code, tables and diagrams may be wide inside their own box), so a failure says what to fix
        const outside = (el: Element) => el.getBoundingClientRect().right > doc.clientWidth + 0.5;
        const clipped = (el: Element) => {
          for (let a = el.parentElement; a && a !== doc; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
          return false;
        };
        const culprits = [...document.body.querySelectorAll('*')]
          .filter((el) => outside(el) && !clipped(el))
          .filter((el) => !el.parentElement || !outside(el.parentElement))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
        return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, culprits };
      });
      if (r.scrollWidth > r.clientWidth) wide.push(`${path}: ${r.scrollWidth} px wide; ${r.culprits.join(', ')}`);
    }
    expect(wide).toEqual([]);
  });
});
