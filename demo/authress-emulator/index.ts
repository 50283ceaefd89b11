// Local Authress emulator: login host + management API for the unmodified @authress/login and
// @authress/sdk. Loopback only; all state in SQLite. See docs/emulator.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { EmulatorContext } from './context.js';
import {
  HttpError, Router, applyCors, isLoopbackHost, parseBody, parseCookies, sendEmpty, sendError, type Request,
} from './http-kit.js';
import { formatAccessKey, loadOrCreateServiceClientKey, loadOrCreateSigningKey } from './keys.js';
import { registerLoginRoutes } from './login-api.js';
import { registerManagementRoutes } from './management-api.js';
import { applySeed, readSeed } from './seed.js';
import { Store } from './store.js';
import { mintUserTokens } from './tokens.js';
import type { AccessRecord, Connection, EmulatorSeed, Invite, Tenant, TenantMember } from './types.js';

export type { EmulatorSeed } from './types.js';
export { OAUTH_CALLBACK_PATH } from './context.js';

export interface EmulatorOptions {
  /** 0 = random free port. */
  port?: number;
  /** Loopback address to bind; default 127.0.0.1. */
  host?: string;
  /** SQLite file; default ':memory:'. */
  dataPath?: string;
  /** Default: demo/authress-emulator/seed.json. */
  seed?: EmulatorSeed;
  /** Where to write the service-client access key (mode 600). */
  accessKeyFile?: string;
  /** Millisecond clock, for expiry tests. */
  now?: () => number;
}

export interface EmulatorStateView {
  invites(): Array<Invite & { status: string }>;
  connections(): Connection[];
  tenants(): Array<Tenant & { members: string[] }>;
  accessRecords(): AccessRecord[];
  /** Requests received whose path starts with pathPrefix (all when omitted). */
  requestCount(pathPrefix?: string): number;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:43121 — login host, API base and token `iss`; no trailing slash. */
  url: string;
  /** Service-client access key: clientId.keyId.accountId.base64(pkcs8). */
  accessKey: string;
  applicationId: string;
  close(): Promise<void>;
  state: EmulatorStateView;
  mintUserToken(claims: { sub: string; email?: string; name?: string; expiresInSeconds?: number }): Promise<{ accessToken: string; idToken: string }>;
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE'
        ? Object.assign(new Error(`Port ${port} on ${host} is already in use. Stop the other process or choose another port.`), { code: 'EADDRINUSE' })
        : error);
    };
    const onListening = () => { server.off('error', onError); resolve(); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`The emulator only binds to loopback, not ${host}.`);
  const now = options.now ?? Date.now;
  const seed = options.seed ?? readSeed();
  const store = new Store(options.dataPath ?? ':memory:');
  const server = createServer();
  try {
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  applySeed(store, seed, new Date(now()).toISOString());
  const signingKey = await loadOrCreateSigningKey(store);
  const ctx = new EmulatorContext(store, seed, url, signingKey, now);
  const serviceClientId = seed.serviceClients?.[0]?.clientId ?? 'sc_onboarding_backend';
  for (const client of seed.serviceClients ?? []) await loadOrCreateServiceClientKey(store, client.clientId);
  const accessKey = formatAccessKey(await loadOrCreateServiceClientKey(store, serviceClientId), ctx.accountId);
  if (options.accessKeyFile) {
    mkdirSync(dirname(options.accessKeyFile), { recursive: true });
    writeFileSync(options.accessKeyFile, `${accessKey}\n`, { mode: 0o600 });
  }

  const router = new Router();
  registerLoginRoutes(router, ctx);
  registerManagementRoutes(router, ctx);
  const requestPaths: string[] = [];

  const handle = async (raw: IncomingMessage, res: ServerResponse) => {
    applyCors(raw, res, (origin) => ctx.isAllowedOrigin(origin));
    if (!isLoopbackHost(raw.headers.host)) {
      return sendError(res, 421, 'MisdirectedRequest', 'The local Authress emulator only answers requests addressed to a loopback host.');
    }
    const parsed = new URL(raw.url ?? '/', url);
    requestPaths.push(parsed.pathname);
    if (raw.method === 'OPTIONS') {
      res.setHeader('Access-Control-Max-Age', '600');
      return sendEmpty(res, 204);
    }
    let match: ReturnType<Router['match']>;
    try {
      match = router.match(raw.method ?? 'GET', parsed.pathname);
    } catch {
      return sendError(res, 400, 'InvalidPath', 'The path contains invalid percent-encoding.');
    }
    if (match === undefined) return sendError(res, 404, 'NotFound', `No route for ${raw.method} ${parsed.pathname}.`);
    if (match === 'method') return sendError(res, 405, 'MethodNotAllowed', `${raw.method} is not supported on ${parsed.pathname}.`);
    let bodyPromise: Promise<Record<string, unknown>> | undefined;
    let cookies: Record<string, string> | undefined;
    const req: Request = {
      method: raw.method ?? 'GET',
      url: parsed,
      params: match.params,
      headers: raw.headers,
      raw,
      body: () => (bodyPromise ??= parseBody(raw)),
      cookie: (name) => (cookies ??= parseCookies(raw.headers.cookie))[name],
    };
    await match.handler(req, res);
  };

  server.on('request', (raw: IncomingMessage, res: ServerResponse) => {
    handle(raw, res).catch((error: unknown) => {
      if (res.headersSent) { res.end(); return; }
      if (error instanceof HttpError) return sendError(res, error.status, error.errorCode, error.title);
      console.error('[authress-emulator] unexpected error', error);
      sendError(res, 500, 'InternalError', 'Unexpected emulator error.');
    });
  });

  const state: EmulatorStateView = {
    invites: () => store.list<Invite>('invite').map((invite) => ({ ...invite, status: ctx.inviteStatus(invite) })),
    connections: () => store.list<Connection>('connection'),
    tenants: () => {
      const members = store.list<TenantMember>('member');
      return store.list<Tenant>('tenant').map((tenant) => ({
        ...tenant, members: members.filter((m) => m.tenantId === tenant.tenantId).map((m) => m.userId),
      }));
    },
    accessRecords: () => store.list<AccessRecord>('record'),
    requestCount: (prefix) => requestPaths.filter((path) => !prefix || path.startsWith(prefix)).length,
  };

  return {
    url,
    accessKey,
    applicationId: seed.applicationId,
    state,
    async mintUserToken({ sub, email, name, expiresInSeconds }) {
      const user = { userId: sub, email, name };
      if (email || name) ctx.rememberUser(user);
      const tokens = await mintUserTokens(ctx, user, expiresInSeconds);
      return { accessToken: tokens.accessToken, idToken: tokens.idToken };
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => { store.close(); resolve(); });
      server.closeAllConnections();
    }),
  };
}
