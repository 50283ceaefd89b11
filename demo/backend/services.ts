// What the routes share, built once per backend instance.
import type { Access } from './access.js';
import type { Authress } from './authress.js';
import type { BackendConfig } from './config.js';
import type { Db } from './db.js';
import type { createIdempotency } from './idempotency.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mailer.js';
import type { Contract } from './openapi.js';
import type { createRateLimiter } from './rate-limit.js';
import type { Resolver } from './url-guard.js';

export interface Services {
  config: BackendConfig;
  db: Db;
  authress: Authress;
  access: Access;
  contract: Contract;
  idempotency: ReturnType<typeof createIdempotency>;
  limiter: ReturnType<typeof createRateLimiter>;
  mailer: Mailer;
  log: Logger;
  now: () => number;
  resolve: Resolver;
}
