/** Real local services the samples run against: redis-server and PostgreSQL on free 127.0.0.1 ports. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Service {
  url: string;
  stop(): Promise<void>;
}

function stopper(proc: ChildProcess, cleanup: () => void): () => Promise<void> {
  return async () => {
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
    cleanup();
  };
}

/** A throwaway redis-server (no persistence) on a free port, ready when this resolves. */
export async function startRedis(): Promise<Service> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'samples-redis-'));
  const proc = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'PING'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') {
      return { url: `redis://127.0.0.1:${port}/0`, stop: stopper(proc, () => rmSync(dir, { recursive: true, force: true })) };
    }
    await sleep(50);
  }
  proc.kill('SIGKILL');
  throw new Error('redis-server did not answer PING');
}

function pgBin(name: string): string {
  const r = spawnSync('sh', ['-c', `ls -d /usr/lib/postgresql/*/bin/${name} 2>/dev/null | sort -V | tail -1`], { encoding: 'utf8' });
  const p = r.stdout.trim();
  if (!p) throw new Error(`PostgreSQL ${name} not found: install postgresql (see .ci/run)`);
  return p;
}

/**
 * A throwaway PostgreSQL cluster on a free port, socket and data in a temp dir. PostgreSQL refuses
 * to run as root, so as root the cluster belongs to the postgres user the Debian package creates.
 */
export async function startPostgres(): Promise<Service> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'samples-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => (asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' }));
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
  }
  const init = run(pgBin('initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const args = ['-D', join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'];
  const proc = asRoot ? spawn('runuser', ['-u', 'postgres', '--', pgBin('postgres'), ...args], { stdio: 'ignore' }) : spawn(pgBin('postgres'), args, { stdio: 'ignore' });
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  for (let i = 0; i < 200; i++) {
    if (spawnSync('psql', [url, '-Atc', 'select 1'], { encoding: 'utf8' }).stdout?.trim() === '1') {
      return { url, stop: stopper(proc, () => rmSync(dir, { recursive: true, force: true })) };
    }
    await sleep(100);
  }
  proc.kill('SIGKILL');
  throw new Error('PostgreSQL did not start');
}
