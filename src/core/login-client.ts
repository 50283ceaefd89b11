import { LoginClient } from '@authress/login';
import { pageConfig } from './config.js';

/** Options the elements pass to `authenticate()`; a subset of `@authress/login`'s. */
export interface AuthenticateOptions {
  redirectUrl?: string;
  connectionId?: string;
  tenantLookupIdentifier?: string;
  inviteId?: string;
  clearUserDataBeforeLogin?: boolean;
}

/** The part of `@authress/login`'s `LoginClient` the elements use; fakes implement just this. */
export interface LoginClientLike {
  authenticate(options: AuthenticateOptions): Promise<unknown>;
  userSessionExists(): Promise<boolean>;
  ensureToken(options?: { timeoutInMillis?: number }): Promise<string | null>;
  getUserIdentity(): Record<string, unknown> | null;
  logout(redirectUrl?: string): Promise<void>;
}

/** A signed-in user as the elements see them. */
export interface UserIdentity {
  userId: string;
  email?: string;
  name?: string;
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(message);
  }
}

// One client per (login host, application id): @authress/login keeps module-level session state
// and overwrites window.onload in its constructor, so a second instance per page only adds risk.
const clients = new Map<string, LoginClientLike>();

/**
 * The shared login client for these settings. `loginHost` must name its scheme: the SDK would
 * otherwise prepend `https://` to `127.0.0.1:8888` or `localhost:8888`.
 */
export function getLoginClient(loginHost: string, applicationId: string): LoginClientLike {
  const host = normalizeLoginHost(loginHost);
  const key = `${host} ${applicationId}`;
  let client = clients.get(key);
  if (!client) {
    const factory = pageConfig().loginClientFactory;
    client = factory
      ? factory({ loginHost: host, applicationId })
      : (new LoginClient({ authressApiUrl: host, applicationId }));
    clients.set(key, client);
  }
  return client;
}

/** Test helper: drop cached clients (e.g. after changing the factory). */
export function resetLoginClients(): void {
  clients.clear();
}

/** Validates and normalises a login host: absolute http(s) URL, no path, no trailing slash. */
export function normalizeLoginHost(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `login-host "${value}" is not an absolute URL; write the scheme, e.g. https://login.example.com`,
      'login-host',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(`login-host must be an http(s) URL, got "${url.protocol}"`, 'login-host');
  }
  return url.origin;
}

/** The signed-in user from the login client, or null. */
export function readIdentity(client: LoginClientLike): UserIdentity | null {
  let raw: Record<string, unknown> | null;
  try {
    raw = client.getUserIdentity();
  } catch {
    return null; // the SDK throws on a malformed stored token; treat as signed out
  }
  if (!raw) return null;
  const userId = typeof raw.userId === 'string' ? raw.userId : typeof raw.sub === 'string' ? raw.sub : '';
  if (!userId) return null;
  return {
    userId,
    email: typeof raw.email === 'string' ? raw.email : undefined,
    name: typeof raw.name === 'string' ? raw.name : undefined,
  };
}
