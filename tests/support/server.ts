import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The path the site is served under, as a GitHub Pages project site is (`/essays-site/`); `/` by default. */
  base?: string;
}

/**
 * Serves a built site on loopback as a static host would: `<base>x/` →
 * `x/index.html`, else 404.html; anything outside the base is a 404 too.
 */
export async function serve(dir: string, { base = '/' }: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const under = pathname.startsWith(base);
    const sitePath = under ? `/${pathname.slice(base.length)}` : pathname;
    let file = path.join(dir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
    let status = 200;
    if (
      !under ||
      !file.startsWith(dir) ||
      !(await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      file = path.join(dir, '404.html');
      status = 404;
    }
    response.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
