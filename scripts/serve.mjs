// A small static file server for the repository root, for the demo, tests, screenshots and benchmarks.
// No dependencies. CLI: `node scripts/serve.mjs` (PORT=8000 by default; the next 20 ports are tried if busy).
import {createReadStream} from 'node:fs';
import {realpath, stat} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, resolve, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8000;
const EXTRA_PORTS = 20;
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xlf': 'application/xliff+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server. `port` 0 picks any free port; otherwise, if `port` is busy, the next 20 are tried.
 * Resolves to `{server, url}`, where `url` is the server's root, e.g. `http://127.0.0.1:8000/`
 * (the demo is at `new URL('demo/', url)`).
 */
export async function startServer({port = portFromEnv(), root = REPO_ROOT, quiet = false} = {}) {
  const base = await realpath(resolve(root));
  const last = port === 0 ? 0 : Math.min(port + EXTRA_PORTS, 65535);
  for (let candidate = port; candidate <= last; candidate++) {
    const server = createServer((request, response) => {
      handle(request, response, base).catch(() => send(response, 500, 'Internal server error'));
    });
    try {
      await listen(server, candidate);
    } catch (error) {
      if (error.code === 'EADDRINUSE' && candidate < last) continue;
      throw error;
    }
    const url = `http://${HOST}:${server.address().port}/`;
    if (!quiet) console.log(`Demo running at ${url}demo/`);
    return {server, url};
  }
  throw new Error(`No free port from ${port} to ${last}`);
}

function portFromEnv() {
  const port = Number(process.env.PORT);
  return Number.isInteger(port) && port >= 0 && port <= 65535 && process.env.PORT.trim() !== '' ? port : DEFAULT_PORT;
}

function listen(server, port) {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
}

async function handle(request, response, base) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, 405, 'Method not allowed');
  }
  const url = new URL(request.url, 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(response, 400, 'Bad request');
  }
  if (pathname === '/') return redirect(response, `/demo/${url.search}`);
  // Dotfiles (.git, .env) and NUL bytes are never served.
  if (pathname.includes('\0') || pathname.split('/').some((part) => part.startsWith('.'))) {
    return send(response, 404, 'Not found');
  }

  let file = resolve(base, `.${pathname}`);
  if (!inside(base, file)) return send(response, 404, 'Not found');
  let info;
  try {
    file = await realpath(file); // a symlink must not lead out of the root either
    if (!inside(base, file)) return send(response, 404, 'Not found');
    info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) return redirect(response, `${url.pathname}/${url.search}`);
      file = join(file, 'index.html');
      info = await stat(file);
    }
  } catch {
    return send(response, 404, 'Not found');
  }
  if (!info.isFile()) return send(response, 404, 'Not found');

  response.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Fetched again on every use, yet a page may still go into the back/forward cache (no-store
    // keeps it out once cookies change), as on most sites.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

function inside(base, file) {
  return file === base || file.startsWith(base.endsWith(sep) ? base : base + sep);
}

function redirect(response, location) {
  response.writeHead(302, {Location: location, 'Content-Length': 0});
  response.end();
}

function send(response, status, text) {
  if (response.headersSent) return response.destroy();
  response.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text)});
  response.end(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const {server} = await startServer();
    const stop = () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`Could not start the demo server: ${error.message}`);
    process.exit(1);
  }
}
