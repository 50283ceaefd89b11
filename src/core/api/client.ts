import createClient from 'openapi-fetch';
import type { paths } from './schema.js';
import type {
  AccountCreated,
  AccountList,
  AccountWithRole,
  InvitePreview,
  InviteResults,
  NewAccount,
  NewInvites,
  PendingInviteList,
  Problem,
  RoleList,
  SsoConfiguration,
  SsoConfigurationInput,
} from './types.js';
import { ApiError, readProblem, retryAfterSeconds } from './problem.js';
import { resilientFetch, type ResilienceOptions } from './resilient-fetch.js';

export interface ApiClientOptions {
  /** Base URL of the backend's onboarding API; relative URLs resolve against the page. */
  apiBase: string;
  /** Returns the bearer token, or null when nobody is signed in. Omit for public calls only. */
  getToken?: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 15000). */
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: ResilienceOptions['sleep'];
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface KeyedCallOptions extends CallOptions {
  /** One key per user submission, reused on retries of that submission (see newIdempotencyKey). */
  idempotencyKey: string;
}

/** A fresh idempotency key: one per user submission. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The typed client of the backend contract (docs/openapi.yaml) that every element uses. */
export interface OnboardingApi {
  createAccount(body: NewAccount, options: KeyedCallOptions): Promise<AccountCreated>;
  listAccounts(options?: CallOptions): Promise<AccountList>;
  getAccount(accountId: string, options?: CallOptions): Promise<AccountWithRole>;
  getSsoConfiguration(accountId: string, options?: CallOptions): Promise<SsoConfiguration>;
  saveSsoConfiguration(accountId: string, body: SsoConfigurationInput, options?: CallOptions): Promise<SsoConfiguration>;
  listGrantableRoles(accountId: string, options?: CallOptions): Promise<RoleList>;
  createInvites(accountId: string, body: NewInvites, options: KeyedCallOptions): Promise<InviteResults>;
  listPendingInvites(accountId: string, options?: CallOptions): Promise<PendingInviteList>;
  revokeInvite(accountId: string, inviteId: string, options?: CallOptions): Promise<void>;
  previewInvite(inviteId: string, options?: CallOptions): Promise<InvitePreview>;
}

export function createApiClient(options: ApiClientOptions): OnboardingApi {
  const baseUrl = new URL(options.apiBase, globalThis.location?.href).href.replace(/\/+$/, '');
  const client = createClient<paths>({
    baseUrl,
    fetch: resilientFetch({
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetries: options.maxRetries,
      sleep: options.sleep,
    }),
  });

  async function auth(): Promise<{ Authorization: string }> {
    const token = options.getToken ? await options.getToken() : null;
    if (!token) throw new ApiError(401, null, 'not-signed-in');
    return { Authorization: `Bearer ${token}` };
  }

  // openapi-fetch resolves with {data, error, response}; turn every non-2xx into an ApiError.
  async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    const { data, error, response } = await call;
    if (!response.ok) {
      // openapi-fetch has already consumed the body into `error`; use it when it is a problem.
      const parsed = isProblem(error) ? error : await readProblem(response);
      throw new ApiError(response.status, parsed, undefined, retryAfterSeconds(response));
    }
    return data as T;
  }

  return {
    async createAccount(body, { idempotencyKey, signal }) {
      return unwrap(client.POST('/accounts', { params: { header: { 'Idempotency-Key': idempotencyKey } }, headers: await auth(), body, signal }));
    },
    async listAccounts({ signal } = {}) {
      return unwrap(client.GET('/accounts', { headers: await auth(), signal }));
    },
    async getAccount(accountId, { signal } = {}) {
      return unwrap(client.GET('/accounts/{accountId}', { params: { path: { accountId } }, headers: await auth(), signal }));
    },
    async getSsoConfiguration(accountId, { signal } = {}) {
      return unwrap(client.GET('/accounts/{accountId}/sso', { params: { path: { accountId } }, headers: await auth(), signal }));
    },
    async saveSsoConfiguration(accountId, body, { signal } = {}) {
      return unwrap(client.PUT('/accounts/{accountId}/sso', { params: { path: { accountId } }, headers: await auth(), body, signal }));
    },
    async listGrantableRoles(accountId, { signal } = {}) {
      return unwrap(client.GET('/accounts/{accountId}/roles', { params: { path: { accountId } }, headers: await auth(), signal }));
    },
    async createInvites(accountId, body, { idempotencyKey, signal }) {
      return unwrap(
        client.POST('/accounts/{accountId}/invites', {
          params: { path: { accountId }, header: { 'Idempotency-Key': idempotencyKey } },
          headers: await auth(),
          body,
          signal,
        }),
      );
    },
    async listPendingInvites(accountId, { signal } = {}) {
      return unwrap(client.GET('/accounts/{accountId}/invites', { params: { path: { accountId } }, headers: await auth(), signal }));
    },
    async revokeInvite(accountId, inviteId, { signal } = {}) {
      await unwrap(
        client.DELETE('/accounts/{accountId}/invites/{inviteId}', { params: { path: { accountId, inviteId } }, headers: await auth(), signal }),
      );
    },
    async previewInvite(inviteId, { signal } = {}) {
      return unwrap(client.GET('/invites/{inviteId}', { params: { path: { inviteId } }, signal }));
    },
  };
}

function isProblem(value: unknown): value is Problem {
  return Boolean(value) && typeof value === 'object' && typeof (value as Problem).type === 'string';
}
