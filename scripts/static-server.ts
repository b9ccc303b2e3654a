// A plain static file server on loopback, for the smoke script, end-to-end tests and the bench:
// it proves dist/ needs nothing but static hosting.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.map': 'application/json', '.png': 'image/png', '.txt': 'text/plain',
};

/** Serve `dir` on 127.0.0.1 at a free port under `prefix` (e.g. '/sub/'); resolves with the
 * base URL and a close function. */
export async function serveStatic(dir: string, prefix = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => void respond(req, res));
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (!pathname.startsWith(prefix)) return void res.writeHead(404).end('not found');
    const path = normalize(decodeURIComponent(pathname.slice(prefix.length - 1))).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  }
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
