/**
 * Screenshots every drawn diagram of a built site in both themes, at a desktop and a
 * phone width, and compares two such sets pixel by pixel. Used to prove that a change
 * to the diagram stage leaves every diagram looking exactly as it did:
 *
 *   node scripts/diagram-screens.ts shoot <built-dir> <png-dir>
 *   node scripts/diagram-screens.ts compare <png-dir-before> <png-dir-after>
 *
 * `compare` exits non-zero when a screenshot is missing or any pixel differs.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { chromium } from 'playwright-core';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PORT = 4340;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 740 },
];
const THEMES = ['light', 'dark'] as const;

function pagesWithDiagrams(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('index.html') && readFileSync(join(dir, f), 'utf8').includes('<figure class="diagram"'))
    .map((f) => `/${f.slice(0, -'index.html'.length).split(sep).join('/')}`)
    .sort();
}

async function shoot(dir: string, out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const server = spawn(process.execPath, ['scripts/serve.ts', dir, String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => server.stdout.once('data', ok));
  const browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
  let shots = 0;
  try {
    for (const vp of VIEWPORTS) {
      for (const theme of THEMES) {
        const context = await browser.newContext({ viewport: vp, colorScheme: theme, reducedMotion: 'reduce' });
        await context.addInitScript((t) => localStorage.setItem('atlas:theme:v1', t), theme);
        const page = await context.newPage();
        for (const path of pagesWithDiagrams(dir)) {
          await page.goto(`http://127.0.0.1:${PORT}${path}`, { waitUntil: 'networkidle' });
          const figures = page.locator('figure.diagram');
          const n = await figures.count();
          for (let i = 0; i < n; i++) {
            const name = `${path.replace(/^\/|\/$/g, '').replaceAll('/', '_')}__${i + 1}__${vp.name}__${theme}.png`;
            await figures.nth(i).screenshot({ path: join(out, name), animations: 'disabled' });
            shots++;
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(`${shots} screenshots in ${out}`);
}

async function compare(a: string, b: string): Promise<void> {
  const names = new Set([...readdirSync(a), ...readdirSync(b)].filter((f) => f.endsWith('.png')));
  const problems: string[] = [];
  let same = 0;
  for (const name of [...names].sort()) {
    let left: Buffer, right: Buffer;
    try {
      left = readFileSync(join(a, name));
      right = readFileSync(join(b, name));
    } catch {
      problems.push(`${name}: missing in one set`);
      continue;
    }
    if (left.equals(right)) {
      same++;
      continue;
    }
    const [l, r] = await Promise.all([left, right].map((png) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })));
    if (l!.info.width !== r!.info.width || l!.info.height !== r!.info.height) {
      problems.push(`${name}: size ${l!.info.width}x${l!.info.height} -> ${r!.info.width}x${r!.info.height}`);
      continue;
    }
    let diff = 0;
    for (let i = 0; i < l!.data.length; i += 4) if (l!.data.readUInt32BE(i) !== r!.data.readUInt32BE(i)) diff++;
    if (diff === 0) same++;
    else problems.push(`${name}: ${diff} of ${l!.info.width * l!.info.height} pixels differ`);
  }
  writeFileSync(join(b, 'compare.txt'), `${same} identical\n${problems.join('\n')}\n`);
  console.log(`${same} of ${names.size} screenshots identical (${relative('.', a)} vs ${relative('.', b)})`);
  for (const p of problems) console.log(`  ${p}`);
  if (problems.length) process.exitCode = 1;
}

const [mode, first, second] = process.argv.slice(2);
if (mode === 'shoot' && first && second) await shoot(first, second);
else if (mode === 'compare' && first && second) await compare(first, second);
else {
  console.error('usage: node scripts/diagram-screens.ts shoot <built-dir> <png-dir> | compare <png-dir> <png-dir>');
  process.exitCode = 2;
}
