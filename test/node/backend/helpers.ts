// Shared test harness: the local Authress emulator and the backend, both in-process on port 0, and
// an HTTP client that validates EVERY response against docs/openapi.yaml.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { start as startEmulator } from '../../../demo/authress-emulator/index.js';
import type { BackendDeps } from '../../../demo/backend/app.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../../../demo/backend/config.js';
import { start as startBackend, type RunningBackend, type StartOptions } from '../../../demo/backend/index.js';
import type { LogFields, LogLevel } from '../../../demo/backend/logger.js';
import { Contract } from '../../../demo/backend/openapi.js';
import { AuthressClient } from '../../../demo/backend/sdk.js';
import type { Resolver } from '../../../demo/backend/url-guard.js';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const contract = new Contract();
export const APP_URL = 'http://localhost:5173';

/** Public-looking names resolve to documentation addresses; `internal.example.net` to a private one. */
export const stubResolver: Resolver = async (hostname) => {
  if (hostname === 'internal.example.net') return ['10.0.0.5'];
  if (hostname === 'mixed.example.net') return ['93.184.216.34', '192.168.1.10'];
  if (hostname.endsWith('.invalid')) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return ['93.184.216.34'];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies default to loose JSON; every response is checked against the OpenAPI contract at runtime
export interface ApiResponse<T = any> { status: number; headers: Headers; body: T; text: string }

const templates = [...contract.operations.values()].map((op) => ({
  op,
  regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

function operationFor(method: string, path: string): string | undefined {
  const pathname = path.split('?')[0];
  return templates.find((t) => t.op.method === method && t.regex.test(pathname))?.op.operationId;
}

/** Everything any test received, so the canary test can grep it all. */
export const captured: string[] = [];

export function checkAgainstContract(method: string, path: string, status: number, headers: Headers, text: string): void {
  const operationId = status === 405 ? undefined : operationFor(method, path);
  const violation = contract.checkResponse(operationId, status, headers.get('content-type'), text);
  assert.equal(violation, undefined, `${method} ${path} → ${status}: ${violation}\n${text}`);
  if (status === 429 || status === 503) assert.match(headers.get('retry-after') ?? '', /^\d+$/, `${status} without Retry-After`);
  if (status >= 400) assert.doesNotMatch(text, /\bat [\w.<>]+ \(|node_modules/, 'stack trace in a problem');
}

export function client(baseUrl: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse
  return async function api<T = any>(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; key?: string } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.key) headers['idempotency-key'] = options.key;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, { method, headers, body });
    const text = await response.text();
    const headerLines: string[] = [];
    response.headers.forEach((value, name) => headerLines.push(`${name}: ${value}`));
    captured.push(text, headerLines.join('\n'));
    checkAgainstContract(method, path, response.status, response.headers, text);
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
  };
}

export type Api = ReturnType<typeof client>;

export interface Harness {
  emu: Emulator;
  backend: RunningBackend;
  api: Api;
  logs: string[];
  /** A signed-in user's access token (minted by the emulator). */
  token(sub: string, extra?: { expiresInSeconds?: number; email?: string }): Promise<string>;
  /** An SDK client acting as the given user (for accepting invites). */
  userSdk(token: string): AuthressClient;
  close(): Promise<void>;
}

export const TEST_LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  accountsPerUser: { limit: 1000, windowMs: 60_000 },
  accountsPerIp: { limit: 1000, windowMs: 60_000 },
  inviteAddressesPerAccount: { limit: 1000, windowMs: 60_000 },
  inviteAddressesPerIp: { limit: 1000, windowMs: 60_000 },
  invitePreviewPerIp: { limit: 1000, windowMs: 60_000 },
};

export async function setup(options: { backend?: Partial<StartOptions>; deps?: BackendDeps; emulator?: Emulator } = {}): Promise<Harness> {
  const emu = options.emulator ?? await startEmulator({ port: 0 });
  const logs: string[] = [];
  const logger = (level: LogLevel, event: string, fields: LogFields = {}) => { logs.push(JSON.stringify({ level, event, ...fields })); };
  const backend = await startBackend({
    env: {},
    authressUrl: emu.url,
    authressAccessKey: emu.accessKey,
    applicationId: emu.applicationId,
    appUrl: APP_URL,
    databasePath: ':memory:',
    allowLoopbackIdp: true,
    validateResponses: true,
    rateLimits: TEST_LIMITS,
    ...options.backend,
  }, { logger, resolve: stubResolver, ...options.deps });
  return {
    emu,
    backend,
    logs,
    api: client(backend.url),
    token: async (sub, extra = {}) => (await emu.mintUserToken({ sub, email: extra.email ?? `${sub.split('|').pop()}`, name: sub, expiresInSeconds: extra.expiresInSeconds })).accessToken,
    userSdk: (token) => new AuthressClient({ authressApiUrl: emu.url }, () => token),
    async close() {
      await backend.close();
      if (!options.emulator) await emu.close();
    },
  };
}

export const newKey = () => randomUUID();

export const newAccountBody = (name = 'Acme Inc') => ({ accountName: name, contactName: 'Ada Lovelace', contactEmail: 'ada@acme.test' });

export async function createAccount(h: Harness, token: string, name = 'Acme Inc'): Promise<string> {
  const res = await h.api('POST', '/accounts', { token, key: newKey(), body: newAccountBody(name) });
  assert.equal(res.status, 201, res.text);
  return res.body.account.accountId as string;
}

/** Grants `roleId` on the account to `userId` directly in Authress (as the emulator's service client). */
export async function grantRole(h: Harness, accountId: string, userId: string, roleId: string): Promise<void> {
  const sdk = new AuthressClient({ authressApiUrl: h.emu.url }, h.emu.accessKey);
  await sdk.accessRecords.createRecord({
    recordId: `rec_test_${roleId}_${accountId}_${userId.replace(/[^a-zA-Z0-9-_:|~]/g, '_')}`,
    name: `test ${roleId}`,
    users: [{ userId }],
    statements: [{ roles: [roleId], resources: [{ resourceUri: `Accounts/${accountId}` }] }],
  });
}

export const oauth2Body = (domains: string[], overrides: Record<string, unknown> = {}) => ({
  type: 'oauth2',
  domains,
  authorizationUrl: 'http://127.0.0.1:9999/authorize',
  tokenUrl: 'http://127.0.0.1:9999/token',
  clientId: 'client-123',
  clientSecret: 'S3cr3t-canary-7f3a9c',
  ...overrides,
});

export const SECRET_CANARY = 'S3cr3t-canary-7f3a9c';
