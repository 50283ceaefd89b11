// createBackend(config) → the Hono app implementing docs/openapi.yaml, plus close().
import type { AuthressClient } from './sdk.js';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { createAccess } from './access.js';
import { createAuthress } from './authress.js';
import type { BackendConfig } from './config.js';
import { openDatabase } from './db.js';
import { createIdempotency } from './idempotency.js';
import { stderrLogger, type Logger } from './logger.js';
import { createMailer } from './mailer.js';
import { Contract } from './openapi.js';
import { ProblemError, problemResponse } from './problems.js';
import { createRateLimiter } from './rate-limit.js';
import { json, type Env } from './request.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerInviteRoutes } from './routes/invites.js';
import { registerSsoRoutes } from './routes/sso.js';
import type { Services } from './services.js';
import { systemResolver, type Resolver } from './url-guard.js';

export interface BackendDeps {
  logger?: Logger;
  /** Millisecond clock (expiry tests). */
  now?: () => number;
  /** DNS for IdP host names (tests stub it). */
  resolve?: Resolver;
  /** Seam for tests that need Authress to fail in specific ways. */
  authressClient?: AuthressClient;
  contract?: Contract;
}

export interface Backend { app: Hono<Env>; services: Services; close(): void }

/** Paths of the contract, for 405 answers (a known path with another method). */
const CONTRACT_PATHS: Record<string, string[]> = {
  '/accounts': ['GET', 'POST'],
  '/accounts/:accountId': ['GET'],
  '/accounts/:accountId/sso': ['GET', 'PUT'],
  '/accounts/:accountId/roles': ['GET'],
  '/accounts/:accountId/invites': ['GET', 'POST'],
  '/accounts/:accountId/invites/:inviteId': ['DELETE'],
  '/invites/:inviteId': ['GET'],
};

export function createBackend(config: BackendConfig, deps: BackendDeps = {}): Backend {
  const log = deps.logger ?? stderrLogger;
  const now = deps.now ?? Date.now;
  const contract = deps.contract ?? new Contract();
  contract.precompile();
  const db = openDatabase(config.databasePath);
  const authress = createAuthress(config, log, deps.authressClient);
  const services: Services = {
    config, db, authress, contract, log, now,
    access: createAccess(authress, db),
    idempotency: createIdempotency(db, now, config.idempotencyTtlMs),
    limiter: createRateLimiter(now),
    mailer: createMailer(config, db, now),
    resolve: deps.resolve ?? systemResolver,
  };

  const app = new Hono<Env>();

  // Outermost: one log line per request (route pattern, never the raw path: invite ids are capabilities),
  // and in test mode the response is checked against the contract.
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    if (config.validateResponses && c.req.method !== 'OPTIONS' && c.req.path !== '/outbox') {
      const body = c.res.body ? await c.res.clone().text() : '';
      const violation = contract.checkResponse(c.get('operationId'), c.res.status, c.res.headers.get('content-type'), body);
      if (violation) {
        log('error', 'response-violates-contract', { operationId: c.get('operationId'), status: c.res.status, violation });
        c.res = undefined;
        c.res = problemResponse(new ProblemError('internal-error', { detail: `Response violates the contract: ${violation}` }));
      }
    }
    log('info', 'request', { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use('*', secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    crossOriginResourcePolicy: false,
  }));
  app.use('*', cors({
    origin: config.corsOrigins,
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
    exposeHeaders: ['Location', 'Retry-After', 'Idempotency-Replayed'],
    maxAge: 600,
  }));
  app.use('*', bodyLimit({ maxSize: config.bodyLimitBytes, onError: () => { throw new ProblemError('payload-too-large'); } }));
  // The contract declares no query parameters; unknown parameters are a client bug.
  app.use('*', async (c, next) => {
    if (c.req.path !== '/outbox' && new URL(c.req.url).search.length > 1) throw new ProblemError('malformed-request', { detail: 'This API takes no query parameters.' });
    await next();
  });

  registerAccountRoutes(app, services);
  registerSsoRoutes(app, services);
  registerInviteRoutes(app, services);

  if (config.outboxHttp) {
    // Demo only, outside the contract: the mailbox page of the offline demo lists captured emails.
    app.get('/outbox', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(db.outbox.list());
    });
  }

  for (const [path, methods] of Object.entries(CONTRACT_PATHS)) {
    app.all(path, (c) => {
      c.header('Allow', methods.join(', '));
      throw new ProblemError('method-not-allowed');
    });
  }

  app.notFound(() => problemResponse(new ProblemError('not-found')));
  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      const response = problemResponse(error);
      const allow = c.res.headers.get('Allow');
      if (allow) response.headers.set('Allow', allow);
      return response;
    }
    // Never echo the error: it may carry request data. Name and message stay in our log only.
    log('error', 'unexpected-error', { operationId: c.get('operationId'), name: error.name, message: error.message.slice(0, 200) });
    return problemResponse(new ProblemError('internal-error'));
  });

  const purge = setInterval(() => services.idempotency.purge(), 10 * 60_000);
  purge.unref();

  return {
    app,
    services,
    close() {
      clearInterval(purge);
      services.mailer.close();
      db.close();
    },
  };
}

export { json };
