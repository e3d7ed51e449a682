/** How each language's blocks are checked. Each function throws with the tool's output on failure. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT, family, type Block } from './blocks.ts';

/** Debian's interpreter, whose python3-* packages (redis, jwt) the samples may import. */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
export const TIMEOUT_MS = 30_000;

const temps: string[] = [];
/** A fresh temporary directory, removed by cleanup(). */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
export function cleanup(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function sh(cmd: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: TIMEOUT_MS, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  return String(r.stdout);
}

const EXT: Record<string, string> = { python: 'py', go: 'go', ts: 'ts', js: 'mjs', lua: 'lua', bash: 'sh', sql: 'sql', yaml: 'yaml', json: 'json', nginx: 'conf' };

/** File name a block is written to: its title's file name, else one made from its line. */
export function fileName(b: Block): string {
  const t = b.meta.title?.split(/\s/)[0];
  return t && /^[\w.-]+$/.test(t) ? t : `block-${b.line}.${EXT[family(b.lang)] ?? 'txt'}`;
}

/**
 * A working directory holding the block and the page's other titled blocks (so demo.py can import
 * breaker.py and a client can read its .lua scripts). Other Go files stay out: each Go block is
 * its own program.
 */
export function workdir(b: Block, page: Block[]): string {
  const dir = tempDir('sample-');
  for (const o of page) {
    if (o === b || o.lang === 'mermaid' || !o.meta.title) continue;
    if (family(b.lang) === 'go' && family(o.lang) === 'go') continue;
    if (['output', 'sketch'].includes(o.check ?? '')) continue;
    writeFileSync(join(dir, fileName(o)), o.code);
  }
  writeFileSync(join(dir, fileName(b)), b.code);
  return dir;
}

export interface Env {
  redisUrl: string;
  postgresUrl?: string;
}

/** Go offline with the installed toolchain; a build cache even where HOME is unset. */
export function goEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...base, GOPROXY: 'off', GOTOOLCHAIN: 'local' };
  if (!base.GOCACHE && !base.HOME && !base.XDG_CACHE_HOME) out.GOCACHE = join(tmpdir(), 'samples-gocache');
  return out;
}

function env(e: Env): NodeJS.ProcessEnv {
  // JWT_SECRET: the JWT samples refuse to start without one, as the page tells the reader to set it
  return { ...goEnv(), REDIS_URL: e.redisUrl, JWT_SECRET: randomBytes(32).toString('base64'), PYTHONDONTWRITEBYTECODE: '1' };
}

/** Compiles (and for check=run, runs) one block; returns its stdout when it ran. */
export function checkBlock(b: Block, page: Block[], e: Env): string | undefined {
  const dir = workdir(b, page);
  const file = join(dir, fileName(b));
  const run = b.check === 'run';
  const opts = { cwd: dir, env: env(e) };
  switch (family(b.lang)) {
    case 'python':
      sh(PYTHON, ['-m', 'py_compile', file], opts);
      return run ? sh(PYTHON, [file], opts) : undefined;
    case 'go': {
      if (b.meta.reason) {
        // needs a module the offline build cannot fetch: parse only
        sh('gofmt', ['-e', '-l', file], opts);
        return undefined;
      }
      const mod = join(dir, 'prog');
      mkdirSync(mod);
      cpSync(file, join(mod, 'main.go'));
      writeFileSync(join(mod, 'go.mod'), 'module sample\n\ngo 1.19\n');
      const gopts = { ...opts, cwd: mod };
      sh('go', ['vet', '.'], gopts);
      sh('go', ['build', '-o', 'prog', '.'], gopts);
      return run ? sh(join(mod, 'prog'), [], opts) : undefined;
    }
    case 'ts': {
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      sh(process.execPath, [tsc, '--strict', '--noEmit', '--skipLibCheck', '--target', 'es2023', '--module', 'nodenext', '--moduleResolution', 'nodenext',
        '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), '--allowImportingTsExtensions', file], opts);
      return run ? sh(process.execPath, ['--experimental-strip-types', '--no-warnings', file], opts) : undefined;
    }
    case 'js':
      sh(process.execPath, ['--check', file], opts);
      return run ? sh(process.execPath, [file], opts) : undefined;
    case 'lua': {
      const sha = sh('redis-cli', ['-u', e.redisUrl, '-x', 'SCRIPT', 'LOAD'], { ...opts, input: b.code }).trim();
      if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`SCRIPT LOAD answered ${sha}`);
      return undefined;
    }
    case 'bash':
      sh('bash', ['-n', file], opts);
      return run ? sh('bash', ['-e', file], opts) : undefined;
    case 'sql':
      if (b.meta.db === 'postgres') {
        if (!e.postgresUrl) throw new Error('no PostgreSQL');
        // each block runs in its own database so samples cannot see each other's tables
        const db = `sample_${b.line}_${Math.random().toString(36).slice(2, 8)}`;
        sh('psql', [e.postgresUrl, '-qc', `CREATE DATABASE ${db}`], opts);
        const url = e.postgresUrl.replace(/\/postgres$/, `/${db}`);
        return sh('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-X', '-f', file], opts);
      }
      return sh('sqlite3', ['-bail', ':memory:', `.read ${file}`], opts);
    case 'protobuf':
    case 'proto':
      // protoc parses and type-checks the schema; the descriptor it writes is thrown away
      sh('protoc', [`--proto_path=${dir}`, '--descriptor_set_out=/dev/null', file], opts);
      return undefined;
    default:
      throw new Error(`no ${run ? 'runner' : 'compiler'} for ${b.lang} blocks: mark it config, sketch or output`);
  }
}

/** Config blocks with an offline validator are validated; returns false when only labelled. */
export function validateConfig(b: Block): boolean {
  if (/(^|\/)haproxy\.cfg$/.test(fileName(b))) {
    // a backend section alone: valid, though HAProxy exits 2 because nothing listens
    const dir = tempDir('sample-haproxy-');
    writeFileSync(join(dir, 'haproxy.cfg'), b.code);
    const r = spawnSync('haproxy', ['-c', '-f', join(dir, 'haproxy.cfg')], { encoding: 'utf8', timeout: TIMEOUT_MS });
    if (r.error) throw new Error(`haproxy: ${r.error.message} (install haproxy, see .ci/run)`);
    const out = `${r.stdout}${r.stderr}`;
    if (!(r.status === 0 || (r.status === 2 && /has no error/.test(out))) || /\[ALERT\]/.test(out)) throw new Error(out);
    return true;
  }
  switch (family(b.lang)) {
    case 'yaml': {
      const docs = parseAllDocuments(b.code);
      for (const d of Array.isArray(docs) ? docs : [docs]) if (d.errors.length) throw new Error(d.errors.map(String).join('\n'));
      return true;
    }
    case 'json':
      JSON.parse(b.code);
      return true;
    case 'nginx': {
      // an http-context fragment (upstream/server blocks), checked by nginx itself
      const dir = tempDir('sample-nginx-');
      const conf = join(dir, 'nginx.conf');
      writeFileSync(conf, `pid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\naccess_log off;\n${b.code}\n}\n`);
      sh('nginx', ['-t', '-q', '-p', dir, '-c', conf]);
      return true;
    }
    default:
      return false;
  }
}
