/**
 * Every fenced block in src/content is checked as its meta string says (check=run|compile|...):
 * run blocks are executed against real local services and their stdout compared with the
 * check=output block after them; compile blocks are parsed, vetted or type-checked; config blocks
 * are validated where an offline validator exists. Prints counts per language at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBlocks, family, type Block } from './blocks.ts';
import { cleanup, checkBlock, validateConfig, type Env } from './checks.ts';
import { startPostgres, startRedis, type Service } from './services.ts';

const blocks = allBlocks().filter((b) => b.lang !== 'mermaid');
const byFile = new Map<string, Block[]>();
for (const b of blocks) byFile.set(b.file, [...(byFile.get(b.file) ?? []), b]);

const services: Service[] = [];
const env: Env = { redisUrl: '' };
const needsPostgres = blocks.some((b) => b.meta.db === 'postgres' && (b.check === 'run' || b.check === 'compile'));

beforeAll(async () => {
  const redis = await startRedis();
  services.push(redis);
  env.redisUrl = redis.url;
  if (needsPostgres) {
    const pg = await startPostgres();
    services.push(pg);
    env.postgresUrl = pg.url;
  }
}, 60_000);

const tally = new Map<string, { blocks: number; run: number; compile: number; parsed: number; validated: number; sketch: number; config: number; output: number }>();
function count(b: Block, key: 'blocks' | 'run' | 'compile' | 'parsed' | 'validated' | 'sketch' | 'config' | 'output') {
  const f = family(b.lang);
  const t = tally.get(f) ?? { blocks: 0, run: 0, compile: 0, parsed: 0, validated: 0, sketch: 0, config: 0, output: 0 };
  t[key]++;
  tally.set(f, t);
}
for (const b of blocks) {
  count(b, 'blocks');
}

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  cleanup();
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  const cols = ['blocks', 'run', 'compile', 'parsed', 'validated', 'sketch', 'config', 'output'] as const;
  const total = Object.fromEntries(cols.map((c) => [c, rows.reduce((s, [, t]) => s + t[c], 0)]));
  const line = (name: string, t: Record<string, number>) => name.padEnd(10) + cols.map((c) => String(t[c]).padStart(10)).join('');
  console.log(['', 'Code samples checked (compile = parsed, vetted or type-checked; parsed = Go needing an unfetchable module, gofmt -e only; validated = config checked by a real validator):', line('language', Object.fromEntries(cols.map((c) => [c, c])) as never),
    ...rows.map(([f, t]) => line(f, t)), line('total', total), ''].join('\n'));
});

for (const [file, page] of byFile) {
  describe(file, () => {
    for (const b of page) {
      const name = `${b.lang} ${b.meta.title ?? ''} (line ${b.line}) check=${b.check}`;
      switch (b.check) {
        case 'run':
        case 'compile':
          it(name, () => {
            const out = checkBlock(b, page, env);
            count(b, b.check === 'compile' && b.meta.reason ? 'parsed' : (b.check as 'run' | 'compile'));
            if (b.check === 'run' && b.expected) {
              const norm = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd();
              expect(norm(out ?? ''), `stdout differs from the output block at line ${b.expected.line}`).toBe(norm(b.expected.code));
            }
          });
          break;
        case 'config':
          it(name, () => {
            if (validateConfig(b)) count(b, 'validated');
            count(b, 'config');
          });
          break;
        case 'sketch':
        case 'output':
          count(b, b.check);
          break;
        default:
          it(name, () => expect.fail(`${file}:${b.line} declares no valid check= kind`));
      }
    }
  });
}
