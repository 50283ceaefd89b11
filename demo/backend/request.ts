// Small helpers every route uses: bearer authentication, JSON bodies checked against the contract,
// path parameters, and the client IP (X-Forwarded-For only behind a trusted proxy).
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Services } from './services.js';
import { ProblemError, validationFailed, type FieldProblem } from './problems.js';

export type Env = { Variables: { operationId?: string; userId?: string } };
export type Ctx = Context<Env>;

const ACCOUNT_ID = /^acc_[A-Za-z0-9_-]{8,40}$/;
const INVITE_ID = /^[A-Za-z0-9_-]{8,128}$/;

export async function authenticate(c: Ctx, services: Services): Promise<string> {
  const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(c.req.header('authorization') ?? '');
  const userId = match ? await services.authress.verifyUserToken(match[1]) : undefined;
  if (!userId) {
    services.log('warn', 'authentication-failed', { reason: match ? 'invalid-token' : 'missing-token', ip: clientIp(c, services) });
    throw new ProblemError('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  c.set('userId', userId);
  return userId;
}

/** The body as JSON, validated against a component schema of docs/openapi.yaml. */
export async function readJson<T>(c: Ctx, services: Services, schemaName: string, extraChecks?: (body: T) => FieldProblem[]): Promise<T> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') throw new ProblemError('unsupported-media-type');
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError('malformed-request', { detail: 'The body is not valid JSON.' });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ProblemError('malformed-request', { detail: 'The body must be a JSON object.' });
  const problems = services.contract.check(schemaName, body);
  if (problems.length === 0 && extraChecks) problems.push(...extraChecks(body as T));
  if (problems.length > 0) throw validationFailed(problems);
  return body as T;
}

/** Path ids that cannot exist are simply not found. */
export function accountIdParam(c: Ctx): string {
  const id = c.req.param('accountId') ?? '';
  if (!ACCOUNT_ID.test(id)) throw new ProblemError('not-found');
  return id;
}

export function inviteIdParam(c: Ctx): string {
  const id = c.req.param('inviteId') ?? '';
  if (!INVITE_ID.test(id)) throw new ProblemError('not-found');
  return id;
}

export function clientIp(c: Ctx, services: Services): string {
  if (services.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded && forwarded.length > 0) return forwarded[forwarded.length - 1];
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers } });
}
