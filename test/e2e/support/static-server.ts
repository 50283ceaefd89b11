// A plain static file server on localhost (no build tool, no transforms), for pages that must
// work exactly as a browser gets them from any web server: the script-tag bundle, built Storybook.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `mounts` (URL prefix → folder) and `pages` (URL path → HTML string) on
 * `http://localhost:<random port>`. `headers` are added to every response.
 */
export async function startStaticServer(options: {
  mounts?: Record<string, string>;
  pages?: Record<string, string>;
  headers?: (path: string, requestHeaders: IncomingHttpHeaders) => Record<string, string>;
}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const extra = options.headers?.(path, req.headers) ?? {};
    const page = options.pages?.[path];
    if (page !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], ...extra });
      res.end(page);
      return;
    }
    for (const [prefix, folder] of Object.entries(options.mounts ?? {})) {
      if (!path.startsWith(prefix)) continue;
      const relative = normalize(path.slice(prefix.length) || 'index.html').replace(/^([/\\])+/, '');
      if (relative.startsWith('..')) break;
      const file = join(folder, relative);
      try {
        if (!statSync(file).isFile()) break;
      } catch {
        break;
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...extra });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
