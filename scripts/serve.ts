// A minimal static file server for tests and bench: `node scripts/serve.ts <dir> <port>`.
// Serves dir/x/index.html for /x/, dist's 404.html for misses, only on 127.0.0.1.
// Text is gzipped when the client accepts it, as every CDN does, so bench measures
// the bytes a reader actually downloads. The headers in dir/_headers (the CSP among
// them) are sent as a CDN would send them, so every test runs under the real policy.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { headersFor, parseHeadersFile } from './headers-file.ts';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4321);
const headersFile = join(root, '_headers');
// Re-read when the file changes: a server kept running across builds must send the new policy.
let rules: ReturnType<typeof parseHeadersFile> = [];
let rulesStamp = -1;
function currentRules() {
  const stamp = existsSync(headersFile) ? statSync(headersFile).mtimeMs : 0;
  if (stamp !== rulesStamp) {
    rules = stamp ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
    rulesStamp = stamp;
    if (!rules.length) console.warn(`No ${headersFile}: serving without the site's security headers.`);
  }
  return rules;
}
currentRules();
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

async function file(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) return file(join(path, 'index.html'));
  } catch {
    /* not found */
  }
  return null;
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  const found = await file(path);
  const target = found ?? join(root, '404.html');
  const body = await readFile(target).catch(() => Buffer.from('Not found'));
  const type = TYPES[extname(target)] ?? 'application/octet-stream';
  const gzip = /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const headers: Record<string, string> = { ...headersFor(currentRules(), url.pathname), 'Content-Type': type, Vary: 'Accept-Encoding' };
  if (gzip) headers['Content-Encoding'] = 'gzip';
  res.writeHead(found ? 200 : 404, headers);
  res.end(gzip ? gzipSync(body) : body);
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} on http://127.0.0.1:${port}/`));
