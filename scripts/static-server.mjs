// A minimal static file server with gzip, for the benchmark and the sub-path tests: it serves a
// folder under any base path, as a plain static host would.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` at `basePath` (e.g. "/tools/sa-token/"). Resolves to { url, close }. */
export function serveStatic(root, { basePath = '/', port = 0, headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(basePath)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(basePath.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const out = { 'content-type': type, 'cache-control': 'no-cache', ...headers };
      if (/gzip/.test(String(req.headers['accept-encoding'])) && /text|javascript|json|svg|manifest/.test(type)) {
        body = gzipSync(body);
        out['content-encoding'] = 'gzip';
      }
      out['content-length'] = String(body.length);
      res.writeHead(200, out).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}${basePath}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
