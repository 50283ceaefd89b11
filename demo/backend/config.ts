// Backend settings: read from the environment with safe defaults that point at the local emulator.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const demoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RateLimitRule { limit: number; windowMs: number }

export interface RateLimits {
  accountsPerUser: RateLimitRule;
  accountsPerIp: RateLimitRule;
  /** Counts addresses, not requests. */
  inviteAddressesPerAccount: RateLimitRule;
  inviteAddressesPerIp: RateLimitRule;
  invitePreviewPerIp: RateLimitRule;
}

export interface BackendConfig {
  authressUrl: string;
  authressAccessKey: string;
  applicationId: string;
  /** Public URL of the app. Invite links are built from it, never from request headers. */
  appUrl: string;
  invitePath: string;
  corsOrigins: string[];
  databasePath: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Demo-only `GET /outbox`, outside the contract. */
  outboxHttp: boolean;
  /** Dev flag: lets IdP URLs point at http(s)://127.0.0.1 / localhost (the local corporate IdP). */
  allowLoopbackIdp: boolean;
  /** When true, the client IP is the right-most X-Forwarded-For entry (the one our proxy saw). */
  trustProxy: boolean;
  /** Deadline for one Authress operation (the SDK itself has no timeout). */
  authressTimeoutMs: number;
  /** Deadline for resolving an IdP host name. */
  dnsTimeoutMs: number;
  bodyLimitBytes: number;
  inviteTtlMs: number;
  idempotencyTtlMs: number;
  rateLimits: RateLimits;
  /** Test mode: every response is validated against docs/openapi.yaml; a violation becomes a loud 500. */
  validateResponses: boolean;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  accountsPerUser: { limit: 5, windowMs: 10 * 60_000 },
  accountsPerIp: { limit: 20, windowMs: 10 * 60_000 },
  inviteAddressesPerAccount: { limit: 50, windowMs: 10 * 60_000 },
  inviteAddressesPerIp: { limit: 200, windowMs: 10 * 60_000 },
  invitePreviewPerIp: { limit: 60, windowMs: 60_000 },
};

const truthy = (value: string | undefined) => value === '1' || value === 'true' || value === 'yes';

function readAccessKey(env: NodeJS.ProcessEnv): string {
  if (env['AUTHRESS_ACCESS_KEY']) return env['AUTHRESS_ACCESS_KEY'];
  const keyFile = resolve(demoDir, '.data/service-client-access-key');
  if (existsSync(keyFile)) return readFileSync(keyFile, 'utf8').trim();
  throw new Error(`No Authress access key: set AUTHRESS_ACCESS_KEY, or start the local emulator (npm run emulator) so that ${keyFile} exists.`);
}

function httpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be http(s)`);
  return url;
}

/** Builds the configuration from environment variables; `overrides` win (tests use them). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<BackendConfig> = {}): BackendConfig {
  const appUrl = overrides.appUrl ?? env['APP_URL'] ?? 'http://localhost:5173';
  const authressUrl = (overrides.authressUrl ?? env['AUTHRESS_URL'] ?? 'http://127.0.0.1:8888').replace(/\/+$/, '');
  httpUrl('APP_URL', appUrl);
  httpUrl('AUTHRESS_URL', authressUrl);
  const corsOrigins = overrides.corsOrigins
    ?? (env['CORS_ORIGINS'] ? env['CORS_ORIGINS'].split(',').map((o) => o.trim()).filter(Boolean) : [new URL(appUrl).origin]);
  const config: BackendConfig = {
    authressUrl,
    authressAccessKey: overrides.authressAccessKey ?? readAccessKey(env),
    applicationId: env['AUTHRESS_APPLICATION_ID'] ?? 'app_onboarding_demo',
    appUrl,
    invitePath: env['INVITE_PATH'] ?? '/invite.html',
    corsOrigins,
    databasePath: env['DATABASE_PATH'] ?? resolve(demoDir, '.data/backend.sqlite'),
    smtpUrl: env['SMTP_URL'] || undefined,
    mailFrom: env['MAIL_FROM'] ?? 'Onboarding demo <no-reply@onboarding.invalid>',
    outboxHttp: truthy(env['OUTBOX_HTTP']),
    allowLoopbackIdp: truthy(env['ALLOW_LOOPBACK_IDP']),
    trustProxy: truthy(env['TRUST_PROXY']),
    authressTimeoutMs: Number(env['AUTHRESS_TIMEOUT_MS'] ?? 5000),
    dnsTimeoutMs: 3000,
    bodyLimitBytes: 64 * 1024,
    inviteTtlMs: 7 * 24 * 60 * 60_000,
    idempotencyTtlMs: 24 * 60 * 60_000,
    rateLimits: DEFAULT_RATE_LIMITS,
    validateResponses: truthy(env['VALIDATE_RESPONSES']),
    ...overrides,
  };
  config.authressUrl = config.authressUrl.replace(/\/+$/, '');
  return config;
}
