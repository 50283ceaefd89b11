// The demo site's server: the built pages and /dist/ as static files under a strict CSP, the
// live page settings at /demo-config.json, and /api/* proxied to the backend (same origin, so the
// elements need no CORS and connect-src stays 'self' plus the login host).
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export interface SiteServerOptions {
  port: number;
  /** Interface to bind; the site is announced as http://localhost:<port>. */
  host?: string;
  /** The built site (vite build output). */
  root: string;
  /** Served at /dist/ (the library's script-tag bundle). */
  distDir: string;
  /** Where /api/* goes; read per request so the backend may restart. */
  backendUrl: () => string;
  /** The login host origin, allowed in connect-src and form-action. */
  loginOrigin: string;
  /** Body of GET /demo-config.json. */
  demoConfig: Record<string, unknown>;
}

export interface RunningSite {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentSecurityPolicy(loginOrigin: string): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${loginOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${loginOrigin}`,
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/** Resolves a URL path inside dir, or null when it would leave it. */
function inside(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(dir, decoded));
  return file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? file : null;
}

async function fileResponse(file: string | null, cacheControl: string): Promise<Response | null> {
  if (!file) return null;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    const body = await readFile(file);
    return new Response(body, {
      headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cacheControl },
    });
  } catch {
    return null;
  }
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length'];

export function createSiteApp(options: SiteServerOptions): Hono {
  const csp = contentSecurityPolicy(options.loginOrigin);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', csp);
    // The invite page holds a bearer capability in its URL: never leak it (RFC 9700 §4.2). Fine on every page.
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  });

  app.get('/demo-config.json', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(options.demoConfig);
  });

  app.all('/api/*', async (c) => {
    const incoming = new URL(c.req.url);
    const target = `${options.backendUrl()}${incoming.pathname.slice('/api'.length) || '/'}${incoming.search}`;
    const headers = new Headers(c.req.raw.headers);
    for (const name of HOP_BY_HOP) headers.delete(name);
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    let upstream: Response;
    try {
      upstream = await fetch(target, {
        method: c.req.method,
        headers,
        body: hasBody ? await c.req.raw.arrayBuffer() : undefined,
        redirect: 'manual',
      });
    } catch {
      // The backend is down: answer like a gateway would, as a problem document the elements understand.
      return new Response(JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'The backend is not reachable.' }), {
        status: 502,
        headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' },
      });
    }
    const out = new Headers(upstream.headers);
    // fetch() already decoded the body; its length and encoding no longer apply.
    for (const name of [...HOP_BY_HOP, 'content-encoding']) out.delete(name);
    out.delete('content-security-policy');
    return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: out });
  });

  app.get('/dist/*', async (c) => {
    const path = new URL(c.req.url).pathname.slice('/dist'.length);
    return (await fileResponse(inside(options.distDir, path), 'no-cache')) ?? c.text('Not found', 404);
  });

  app.get('*', async (c) => {
    let path = new URL(c.req.url).pathname;
    if (path.endsWith('/')) path += 'index.html';
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return (await fileResponse(inside(options.root, path), cache)) ?? c.text('Not found', 404);
  });

  return app;
}

export async function startSiteServer(options: SiteServerOptions): Promise<RunningSite> {
  const app = createSiteApp(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
