/**
 * Security- and correctness-relevant samples, checked by behaviour against real services rather
 * than by reading: JWT algorithm pinning and required claims, constant-time key checks and the
 * gateway's limiter, atomic rate-limit scripts under concurrency, cache invalidation that survives
 * a Redis outage, a circuit breaker that ignores late outcomes, and the REST samples' error paths.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBlocks, type Block } from './blocks.ts';
import { cleanup, PYTHON, goEnv, sh, workdir } from './checks.ts';
import { freePort, startRedis, type Service } from './services.ts';

const blocks = allBlocks();
const DRIVERS = join(import.meta.dirname, 'drivers');

/** The page's block with this title, and a working directory holding the page's files. */
function sample(page: string, title: string): { block: Block; dir: string } {
  const onPage = blocks.filter((b) => b.file.endsWith(`/${page}.mdx`));
  const block = onPage.find((b) => b.meta.title === title);
  if (!block) throw new Error(`${page} has no block titled ${title}`);
  return { block, dir: workdir(block, onPage) };
}

function driver(dir: string, name: string): string {
  copyFileSync(join(DRIVERS, name), join(dir, name));
  return join(dir, name);
}

let redis: Service;
beforeAll(async () => {
  redis = await startRedis();
}, 60_000);
afterAll(async () => {
  await redis?.stop();
  cleanup();
});

const env = (extra: Record<string, string> = {}) => ({ ...process.env, PYTHONDONTWRITEBYTECODE: '1', REDIS_URL: redis.url, ...extra });

describe('JWT verification (jwt-authentication, Python)', () => {
  it('accepts a valid token and refuses alg=none, other algorithms, bad signatures and missing claims', () => {
    const { dir } = sample('jwt-authentication', 'auth_tokens.py');
    const out = sh(PYTHON, [driver(dir, 'jwt_pinning.py')], { cwd: dir, env: env({ JWT_SECRET: 'k'.repeat(40) }) });
    const accepted = JSON.parse(out) as Record<string, boolean>;
    expect(accepted.valid).toBe(true);
    const refused = Object.entries(accepted).filter(([k]) => k !== 'valid');
    expect(refused.length).toBeGreaterThan(10);
    for (const [name, ok] of refused) expect(ok, `${name} was accepted`).toBe(false);
  });

  it('refuses to start with a secret shorter than 32 bytes', () => {
    const { dir } = sample('jwt-authentication', 'auth_tokens.py');
    expect(() => sh(PYTHON, ['-c', 'import auth_tokens'], { cwd: dir, env: env({ JWT_SECRET: 'short' }) })).toThrow(/JWT_SECRET/);
  });
});

describe('Go JWT verification (jwt-authentication, Go)', () => {
  it('rejects a token without iat or sub itself, since WithIssuedAt only checks an iat that is present', () => {
    const { block } = sample('jwt-authentication', 'auth_tokens.go');
    // The module cannot be fetched offline, so this checks the guard is in the verifier, not its effect.
    const verify = /func verifyAccessToken[\s\S]*?\n}\n/.exec(block.code)?.[0] ?? '';
    expect(verify).toMatch(/jwt\.WithValidMethods\(\[\]string\{"HS256"\}\)/);
    expect(verify).toMatch(/claims\.IssuedAt == nil/);
    expect(verify).toMatch(/claims\.Subject == ""/);
  });
});

describe('API gateway (api-gateway-pattern, Go)', () => {
  it('admits only the exact key (SHA-256 compared in constant time) and answers a burst with 429 and Retry-After', () => {
    const { block, dir } = sample('api-gateway-pattern', 'gateway.go');
    expect(block.code).toMatch(/subtle\.ConstantTimeCompare\(/);
    expect(block.code).not.toMatch(/keyHash\s*==|==\s*c\.keyHash|bytes\.Equal/);
    const mod = join(dir, 'gw');
    sh('mkdir', ['-p', mod]);
    writeFileSync(join(mod, 'main.go'), block.code);
    copyFileSync(join(DRIVERS, 'gateway_test.go'), join(mod, 'gateway_test.go'));
    writeFileSync(join(mod, 'go.mod'), 'module sample\n\ngo 1.19\n');
    sh('go', ['test', '-count=1', '.'], { cwd: mod, env: goEnv(), timeout: 120_000 });
  });
});

describe('rate-limit Lua scripts (rate-limiting-api) against a real Redis', () => {
  it('allow exactly the limit when 20 clients call at once', () => {
    const { dir } = sample('rate-limiting-api', 'fixed_window.lua');
    const out = JSON.parse(sh(PYTHON, [driver(dir, 'rate_limit_atomic.py')], { cwd: dir, env: env(), timeout: 120_000 }));
    expect(out.calls).toBeGreaterThan(out.limit);
    expect(Object.keys(out.allowed).sort()).toEqual(['fixed_window', 'sliding_window', 'token_bucket']);
    for (const [name, n] of Object.entries(out.allowed)) expect(n, name).toBe(out.limit);
  });
});

describe('cache invalidation (redis-caching-explained, Python)', () => {
  it('update_price commits and returns when Redis is down', async () => {
    const { dir } = sample('redis-caching-explained', 'product_cache.py');
    const closed = await freePort();
    const out = sh(PYTHON, [driver(dir, 'cache_redis_down.py')], { cwd: dir, env: env({ REDIS_URL: `redis://127.0.0.1:${closed}/0` }) });
    expect(JSON.parse(out.slice(out.indexOf('{')))).toEqual({ price_cents: 3500 });
  });
});

describe('circuit breaker (patterns/circuit-breaker, TypeScript)', () => {
  it('a late success from a call admitted while closed does not close a half-open circuit', () => {
    const { dir } = sample('circuit-breaker', 'circuit-breaker.ts');
    const out = sh(process.execPath, ['--experimental-transform-types', '--no-warnings', driver(dir, 'breaker_late_outcome.ts')], { cwd: dir });
    expect(JSON.parse(out)).toEqual(['open', 'half-open', 'half-open', 'open']);
  });
});

/** Starts a sample server on a free port and waits until it accepts connections. */
async function serve(cmd: string, args: string[], cwd: string): Promise<{ base: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(cmd, args, { cwd, env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(base + '/');
      return { base, proc };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  proc.kill();
  throw new Error(`${args.join(' ')} did not start`);
}

/** A raw HTTP/1.1 request, for headers fetch() will not send (a negative Content-Length). */
async function raw(base: string, request: string | Buffer): Promise<string> {
  const { connect } = await import('node:net');
  const url = new URL(base);
  return new Promise((ok, fail) => {
    const sock = connect(Number(url.port), url.hostname, () => sock.write(request));
    let data = '';
    sock.setTimeout(5000, () => {
      sock.destroy();
      fail(new Error(`no answer within 5 s to ${request.toString('latin1').split('\r\n')[0]}`));
    });
    sock.on('data', (d) => (data += d));
    sock.on('end', () => ok(data));
    sock.on('error', fail);
  });
}

describe('orders API (rest-api-design-best-practices, Python)', () => {
  let srv: { base: string; proc: ChildProcess };
  beforeAll(async () => {
    const { dir } = sample('rest-api-design-best-practices', 'orders_api.py');
    srv = await serve(PYTHON, ['orders_api.py'], dir);
  }, 30_000);
  afterAll(() => {
    srv?.proc.kill();
  });

  it('answers every error with problem details, 405 with Allow on each path', async () => {
    for (const [method, path, status, allow] of [
      ['DELETE', '/v1/orders', 405, 'POST'],
      ['GET', '/v1/orders', 405, 'POST'],
      ['DELETE', '/v1/orders/00000000-0000-0000-0000-000000000000', 405, 'GET, HEAD'],
      ['GET', '/nope', 404, null],
      ['FOO', '/v1/orders', 501, null],
    ] as const) {
      const res = await fetch(srv.base + path, { method });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await res.json()).status).toBe(status);
      if (allow) expect(res.headers.get('allow')).toBe(allow);
    }
  });

  it('refuses a negative or oversized Content-Length without waiting for a body', async () => {
    const neg = await raw(srv.base, 'POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n');
    expect(neg).toMatch(/^HTTP\/1\.[01] 400 /);
    const big = await raw(srv.base, 'POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{');
    expect(big).toMatch(/^HTTP\/1\.[01] 413 /);
    // Byte 0xB2 is "²" in the ISO-8859-1 that http.server decodes headers with: a digit to str.isdigit(), not to int().
    const sup = await raw(srv.base, Buffer.from('POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \xb2\r\n\r\n', 'latin1'));
    expect(sup).toMatch(/^HTTP\/1\.[01] 400 /);
  });

  it('creates an order with 201 and Location, and validates fields with 422', async () => {
    const post = (body: unknown) => fetch(srv.base + '/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ sku: 'BOOK-1', quantity: 2 });
    expect(ok.status).toBe(201);
    expect((await fetch(srv.base + ok.headers.get('location')!)).status).toBe(200);
    const bad = await post({ sku: '', quantity: 0 });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors).toHaveLength(2);
  });
});

describe('links API (what-is-rest-api, TypeScript)', () => {
  let srv: { base: string; proc: ChildProcess };
  beforeAll(async () => {
    const { dir } = sample('what-is-rest-api', 'server.ts');
    srv = await serve(process.execPath, ['--experimental-strip-types', '--no-warnings', 'server.ts'], dir);
  }, 30_000);
  afterAll(() => {
    srv?.proc.kill();
  });

  it('supports HEAD wherever GET works, and lists it in Allow', async () => {
    const head = await fetch(srv.base + '/links', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const put = await fetch(srv.base + '/links', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toContain('HEAD');
  });

  it('answers an oversized body with 413 and bad JSON with 400', async () => {
    const big = await fetch(srv.base + '/links', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://example.com/' + 'a'.repeat(20_000) }) });
    expect(big.status).toBe(413);
    const bad = await fetch(srv.base + '/links', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
  });

  it('gives every new link its own id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const res = await fetch(srv.base + '/links', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `https://example.com/${i}` }) });
      expect(res.status).toBe(201);
      ids.add((await res.json()).id);
    }
    expect(ids.size).toBe(200);
    expect((await (await fetch(srv.base + '/links')).json()).data).toHaveLength(200);
  });
});
