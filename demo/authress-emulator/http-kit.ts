// Minimal HTTP plumbing on node:http: routing with percent-decoded segments, JSON/form bodies,
// CORS (allow-listed origins) on every response, loopback Host guard, Authress-shaped error bodies.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Request {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  raw: IncomingMessage;
  body(): Promise<Record<string, unknown>>;
  cookie(name: string): string | undefined;
}

export type Handler = (req: Request, res: ServerResponse) => Promise<void> | void;

interface Route { method: string; parts: string[]; handler: Handler }

export class HttpError extends Error {
  constructor(readonly status: number, readonly errorCode: string, readonly title: string) {
    super(title);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: Handler): this {
    this.routes.push({ method, parts: splitPath(path), handler });
    return this;
  }

  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | 'method' | undefined {
    // Split on raw `/` first so `Accounts%2Fabc` stays one segment, then decode.
    const segments = splitPath(pathname).map((segment) => decodeURIComponent(segment));
    let methodMismatch = false;
    for (const route of this.routes) {
      if (route.parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = route.parts.every((part, i) => {
        if (part.startsWith(':')) { params[part.slice(1)] = segments[i]!; return true; }
        return part === segments[i];
      });
      if (!ok) continue;
      if (route.method !== method) { methodMismatch = true; continue; }
      return { handler: route.handler, params };
    }
    return methodMismatch ? 'method' : undefined;
  }
}

/** Trailing slashes are ignored: `/v1/connections/` is `/v1/connections`. */
function splitPath(path: string): string[] {
  return path.split('/').filter((segment, i, all) => !(segment === '' && (i === 0 || i === all.length - 1)));
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i.test(host);
}

/**
 * CORS on every response, errors included. The Origin is echoed (with credentials) only when
 * `isAllowedOrigin` accepts it; any other origin gets no Access-Control-Allow-Origin, so the
 * browser withholds the response (e.g. tokens from PATCH /api/session) from that page. The request
 * itself is still answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, isAllowedOrigin: (origin: string) => boolean): void {
  const origin = req.headers.origin;
  if (origin && isAllowedOrigin(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization, x-powered-by, if-unmodified-since');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', 'last-modified');
  res.setHeader('Vary', 'Origin');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Cache-Control': 'no-store' });
  res.end();
}

export function sendError(res: ServerResponse, status: number, errorCode: string, title: string): void {
  sendJson(res, status, { errorCode, title, errorId: randomUUID() });
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // The hosted pages need no scripts and load nothing external; they must not be framed or leak the URL.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action *; frame-ancestors 'none'; base-uri 'none'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', ...headers });
  res.end();
}

async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'PayloadTooLarge', 'The request body is larger than 1 MB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON, or form-urlencoded for the hosted pages' forms. An empty body is `{}`. */
export async function parseBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readRaw(req);
  if (!text.trim()) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch { /* fall through */ }
  throw new HttpError(400, 'InvalidRequest', 'The request body must be a JSON object.');
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return cookies;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
