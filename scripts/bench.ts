/**
 * `npm run bench`: builds the site, then measures per template (home, path,
 * lesson, pattern, post, topic): gzip JS loaded at page load and after scrolling,
 * HTML bytes, the four Lighthouse mobile scores (median of BENCH_RUNS runs, default 3),
 * and build seconds per page. On simulator pages, under 4x CPU throttling, it also measures
 * interaction latency (Event Timing durations of ten "Step forward" clicks, the INP a reader
 * would get) and the frames while playing at 1x for five seconds.
 * Timings depend on the machine, so they are measured here and never asserted in tests.
 * Writes bench-results/bench.json as well as printing a table.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PORT = 4330;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TEMPLATES: Record<string, string> = {
  home: '/',
  path: '/learn/building-blocks/',
  lesson: '/learn/system-design-phase-2/load-balancing-strategies/',
  pattern: '/patterns/circuit-breaker/',
  post: '/blog/consistent-hashing-explained/',
  topic: '/topics/load-balancing/',
  'sim-lag': '/simulators/kafka-consumer-lag/',
  'sim-rebalance': '/simulators/kafka-rebalance/',
};

function build(): { seconds: number; pages: number } {
  const started = performance.now();
  const r = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}`);
  const seconds = (performance.now() - started) / 1000;
  const pages = readdirSync('dist', { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  return { seconds, pages };
}

async function jsBytes(path: string): Promise<{ initial: number; afterScroll: number; htmlRaw: number; htmlGzip: number }> {
  const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS.slice(1) });
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, isMobile: true });
  const bodies = new Map<string, number>();
  page.on('response', async (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (!/javascript/.test(type)) return;
    try {
      bodies.set(res.url(), gzipSync(await res.body()).length);
    } catch {
      /* redirects have no body */
    }
  });
  await page.goto(ORIGIN + path, { waitUntil: 'networkidle' });
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].filter((s) => s.getAttribute('type') !== 'application/ld+json').map((s) => s.textContent ?? '').join('\n'),
  );
  const inlineGzip = inline ? gzipSync(inline).length : 0;
  const sum = () => [...bodies.values()].reduce((a, b) => a + b, 0) + inlineGzip;
  const initial = sum();
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await page.waitForLoadState('networkidle');
  const afterScroll = sum();
  await browser.close();
  const html = readFileSync(join('dist', path, 'index.html'));
  return { initial, afterScroll, htmlRaw: html.length, htmlGzip: gzipSync(html).length };
}

interface Interaction {
  /** the longest Event Timing duration of ten clicks on "Step forward" (ms) */
  inpMs: number;
  /** while playing at 1x for 5 s: the longest gap between frames, and how many exceeded 32 ms */
  frameMaxMs: number;
  framesOver32: number;
  frames: number;
}

async function interaction(path: string): Promise<Interaction> {
  const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS.slice(1) });
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, isMobile: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(ORIGIN + path, { waitUntil: 'networkidle' });
  const frame = page.locator('.kit-frame[data-live]');
  await frame.waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __events: number[] };
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  const step = frame.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 10; i++) await step.click();
  await page.waitForTimeout(500);
  const events = await page.evaluate(() => (window as unknown as { __events: number[] }).__events);
  await frame.getByRole('button', { name: 'Play' }).click();
  const gaps = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = performance.now();
        const start = last;
        const loop = (t: number) => {
          out.push(t - last);
          last = t;
          if (t - start < 5000) requestAnimationFrame(loop);
          else resolve(out);
        };
        requestAnimationFrame(loop);
      }),
  );
  await browser.close();
  return { inpMs: Math.max(0, ...events), frameMaxMs: Math.max(...gaps), framesOver32: gaps.filter((g) => g > 32).length, frames: gaps.length };
}

interface LighthouseRun {
  scores: Record<string, number>;
  /** Weighted audits that lost points, so a score under 100 says why. */
  misses: string[];
}

async function lighthouseScores(path: string, port: number): Promise<LighthouseRun> {
  const result = await lighthouse(ORIGIN + path, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!result) throw new Error(`lighthouse gave no result for ${path}`);
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]));
  const misses = Object.values(categories).flatMap((cat) =>
    cat.auditRefs
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${cat.id}: ${ref.id}${audits[ref.id]?.displayValue ? ` (${audits[ref.id]?.displayValue})` : ''}`),
  );
  return { scores, misses };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const { seconds, pages } = build();
const server = spawn('node', ['scripts/serve.ts', 'dist', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
const rows: Record<string, unknown>[] = [];
try {
  for (const [name, path] of Object.entries(TEMPLATES)) {
    const js = await jsBytes(path);
    // Lighthouse varies from run to run; like its own docs advise, report the median of several runs.
    const runs: LighthouseRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouseScores(path, chrome.port));
    runs.sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
    const { scores: lh, misses } = runs[Math.floor(RUNS / 2)] as LighthouseRun;
    const perfRuns = runs.map((r) => r.scores.performance).join('/');
    const inter = path.startsWith('/simulators/') ? await interaction(path) : null;
    rows.push({ template: name, path, ...js, lighthouse: lh, lighthouseMisses: misses, performanceRuns: runs.map((r) => r.scores.performance), interaction: inter });
    console.log(
      `${name.padEnd(8)} JS ${kb(js.initial).padStart(8)} initial, ${kb(js.afterScroll).padStart(8)} after scroll | HTML ${kb(js.htmlRaw)} (${kb(js.htmlGzip)} gzip) | ` +
        `LH perf ${lh.performance} a11y ${lh.accessibility} bp ${lh['best-practices']} seo ${lh.seo} (perf of ${RUNS} runs: ${perfRuns})`,
    );
    for (const m of misses) console.log(`           lost points: ${m}`);
    if (inter) {
      console.log(
        `           4x CPU: INP ${inter.inpMs ? `${inter.inpMs.toFixed(0)} ms` : 'under 16 ms'} (10 steps); playing 1x: longest frame ${inter.frameMaxMs.toFixed(0)} ms, ${inter.framesOver32} of ${inter.frames} frames over 32 ms`,
      );
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
console.log(`build: ${seconds.toFixed(1)} s for ${pages} pages (${((seconds / pages) * 1000).toFixed(0)} ms per page)`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ date: new Date().toISOString(), build: { seconds, pages }, templates: rows }, null, 2));
