import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Types a static host compresses; Pagefind's chunks and WebAssembly are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);

export type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'search index' | 'wasm' | 'other';

export function kindOf(file: string): Kind {
  const ext = path.extname(file);
  if (ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (['.woff', '.woff2', '.ttf', '.otf'].includes(ext)) return 'font';
  if (['.svg', '.png', '.jpg', '.jpeg', '.webp', '.avif', '.gif', '.ico'].includes(ext)) return 'image';
  if (/^\.pf_/.test(ext) || file.endsWith('pagefind-entry.json')) return 'search index';
  if (ext === '.pagefind' || ext === '.wasm') return 'wasm';
  return 'other';
}

export interface Transfer {
  path: string;
  kind: Kind;
  status: number;
  /** Body bytes sent: gzip where the host would compress, 0 for a 304. */
  bytes: number;
  at: number;
}

export interface LoggingServer {
  url: string;
  /** Every response so far, in the order they finished. */
  log: Transfer[];
  close(): Promise<void>;
}

/**
 * Serves a built site on loopback as a typical static host does: `/x/` →
 * `/x/index.html`, else the 404 page; gzip for text; an ETag on everything and
 * 304 when it matches; Astro's fingerprinted `/_astro/` files cached for good.
 * It logs the bytes of every response, which counts requests made by web
 * workers (Pagefind searches in one) as well as the page's own.
 */
export async function serveAndLog(dir: string): Promise<LoggingServer> {
  const log: Transfer[] = [];
  const bodies = new Map<string, { raw: Buffer; gzip?: Buffer; etag: string; mtime: number }>();
  const load = async (file: string, mtime: number) => {
    const cached = bodies.get(file);
    if (cached?.mtime === mtime) return cached;
    const raw = await readFile(file);
    const entry = {
      raw,
      mtime,
      etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 16)}"`,
      ...(COMPRESSIBLE.has(path.extname(file)) ? { gzip: gzipSync(raw, { level: 6 }) } : {}),
    };
    bodies.set(file, entry);
    return entry;
  };
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    let status = 200;
    let info = await stat(file).catch(() => undefined);
    if (!file.startsWith(dir) || !info?.isFile()) {
      file = path.join(dir, '404.html');
      status = 404;
      info = await stat(file).catch(() => undefined);
    }
    if (!info) {
      response.writeHead(404).end();
      log.push({ path: pathname, kind: 'other', status: 404, bytes: 0, at: performance.now() });
      return;
    }
    const body = await load(file, info.mtimeMs);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ETag: body.etag,
      'Cache-Control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    };
    let sent: Buffer = body.raw;
    if (status === 200 && request.headers['if-none-match'] === body.etag) {
      status = 304;
      sent = Buffer.alloc(0);
    } else if (body.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
      sent = body.gzip;
    }
    headers['Content-Length'] = String(sent.length);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : sent, () => {
      log.push({ path: pathname, kind: kindOf(file), status, bytes: sent.length, at: performance.now() });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
