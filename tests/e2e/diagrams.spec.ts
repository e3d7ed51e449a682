import { test, expect, TEMPLATES, NOBROWSER, scrollThrough } from './fixtures.ts';

const mermaidRequests = (urls: string[]) => urls.filter((u) => /mermaid/i.test(u));

test('diagrams are inline SVG at build time: no mermaid JavaScript on the page', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(TEMPLATES.lesson);
  const figure = page.locator('figure.diagram').first();
  await expect(figure.locator('svg').first()).toBeAttached();
  await expect(figure.locator('figcaption')).not.toBeEmpty();
  await scrollThrough(page);
  expect(mermaidRequests(requests)).toEqual([]);
});

/** Computed paint of every shape and label in the page's first diagram. */
const paint = (page: import('@playwright/test').Page) =>
  page
    .locator('figure.diagram .diagram-svg:visible svg')
    .first()
    .evaluate((svg) => [...svg.querySelectorAll('rect, polygon, path, text')].map((el) => `${getComputedStyle(el).fill}/${getComputedStyle(el).stroke}`));

test('diagrams switch with the theme, showing one drawing per figure', async ({ page }) => {
  for (const path of [TEMPLATES.post, TEMPLATES.pattern]) {
    const colours: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const figures = page.locator('figure.diagram');
      await expect(figures.first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      // one drawing or one per theme, but a reader sees exactly one per figure
      await expect(page.locator('figure.diagram .diagram-svg:visible')).toHaveCount(await figures.count());
      colours[scheme] = await paint(page);
    }
    expect(colours.light!.length).toBeGreaterThan(0);
    expect(colours.dark).not.toEqual(colours.light);
  }
});

test('on a 360 px phone a wide diagram keeps readable labels and scrolls inside its figure, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(TEMPLATES.post);
  const box = page.locator('figure.diagram .diagram-svg:visible').first();
  const m = await box.evaluate((el) => {
    const svg = el.querySelector('svg') as SVGSVGElement;
    return {
      scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
      scrolls: el.scrollWidth > el.clientWidth,
      pageWidth: document.documentElement.scrollWidth,
    };
  });
  expect(m.scale).toBeGreaterThanOrEqual(0.64);
  expect(m.scrolls).toBe(true);
  expect(m.pageWidth).toBeLessThanOrEqual(360);
  // keyboard users can scroll it: the scroll box takes focus and arrow keys move it
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test.describe('without a browser at build time (the fixture site in dist-nobrowser)', () => {
  test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4321) + 1}` });

  test('the page loads mermaid only when a diagram nears the viewport, then draws it', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(NOBROWSER.diagram);
    await expect(page.locator('pre[data-mermaid]').first()).toBeAttached();
    const firstTop = await page.locator('pre[data-mermaid]').first().evaluate((el) => el.getBoundingClientRect().top);
    if (firstTop > 700 + 400) expect(requests.filter((u) => u.includes('mermaid.esm'))).toEqual([]);
    await page.locator('pre[data-mermaid]').first().scrollIntoViewIfNeeded();
    await expect(page.locator('pre[data-mermaid] svg').first()).toBeVisible({ timeout: 20_000 });
    expect(requests.some((u) => u.includes('/vendor/mermaid/mermaid.esm.min.mjs'))).toBe(true);
  });

  test('a page without diagrams never loads mermaid', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(NOBROWSER.plain);
    await scrollThrough(page);
    expect(mermaidRequests(requests)).toEqual([]);
  });
});
