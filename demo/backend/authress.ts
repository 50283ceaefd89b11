// Every Authress call goes through @authress/sdk, wrapped with a deadline (the SDK has none) and one
// error mapping: network failures and 5xx → 503 problem; 4xx → AuthressStatusError for the caller.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AuthressClient, TokenVerifier } from './sdk.js';
import type { AuthressClient as AuthressClientType } from './sdk.js';
import type { BackendConfig } from './config.js';
import type { Logger } from './logger.js';
import { ProblemError, unavailable } from './problems.js';

/** A 4xx answer from Authress that the calling code may handle (404, 409). */
export class AuthressStatusError extends Error {
  constructor(readonly status: number, readonly operation: string) {
    super(`Authress answered ${status} to ${operation}`);
  }
}

export interface AuthressRole {
  roleId: string;
  name: string;
  description?: string;
  permissions: Array<{ action: string; allow?: boolean; grant?: boolean }>;
}

export interface ConnectionBody {
  connectionId: string;
  type: 'OAUTH2' | 'SAML2';
  authenticationUrl: string;
  tokenUrl?: string;
  issuerUrl?: string;
  clientId?: string;
  clientSecret?: string;
  providerCertificate?: string;
  defaultConnectionProperties?: { scope?: string };
  data: { tenantId: string; name: string };
}

export interface TenantBody {
  tenantId: string;
  tenantLookupIdentifier: string;
  data: { name: string };
  connection: { connectionId: string };
  domains: Array<{ domain: string }>;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

interface SdkError { status?: number; code?: string; message?: string; response?: { status?: number } }
type Sdk = AuthressClientType;

export type Authress = ReturnType<typeof createAuthress>;

/**
 * `client` is a seam for tests (inject failures); by default a service client built from the config.
 * `verifyWith` lets tests swap token verification; default: the SDK's TokenVerifier against AUTHRESS_URL.
 */
export function createAuthress(config: BackendConfig, log: Logger, client?: AuthressClientType) {
  const sdk: Sdk = client ?? new AuthressClient({ authressApiUrl: config.authressUrl }, config.authressAccessKey);
  // Bound each underlying attempt too, so a hung socket is eventually released (the deadline below answers first).
  if (sdk.httpClient.client) sdk.httpClient.client.defaults.timeout = config.authressTimeoutMs;

  async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('deadline'), { code: 'DEADLINE' })), config.authressTimeoutMs);
    });
    try {
      return await Promise.race([fn(), deadline]);
    } catch (raw) {
      if (raw instanceof ProblemError) throw raw;
      const error = (raw ?? {}) as SdkError;
      // A bare axios error (TokenVerifier's JWKS fetch) carries the status under response.
      const status = error.status ?? error.response?.status;
      // The SDK turns authorizeUser's 404 into UnauthorizedError; everything else arrives as a plain object.
      if (error.code === 'UnauthorizedError') throw new AuthressStatusError(404, operation);
      if (status === 429) {
        // Authress is throttling us: a temporary outage for our caller, not a bug or a bad token.
        log('warn', 'authress-unavailable', { operation, reason: 'status-429' });
        throw unavailable(5);
      }
      if (typeof status === 'number' && status >= 400 && status < 500) {
        if (status === 401 || status === 403) {
          log('error', 'authress-rejected-service-client', { operation, status });
          throw new ProblemError('internal-error');
        }
        throw new AuthressStatusError(status, operation);
      }
      if (error.code === 'DEADLINE' || (typeof status === 'number' && status >= 500) || NETWORK_CODES.has(error.code ?? '')) {
        log('warn', 'authress-unavailable', { operation, reason: error.code === 'DEADLINE' ? 'timeout' : (status ? `status-${status}` : error.code) });
        throw unavailable(5);
      }
      // Anything else (TokenVerificationError, a bug) is not an outage: let the caller decide.
      throw raw;
    } finally {
      clearTimeout(timer);
    }
  }

  /** true when the GET answers, false on 404. */
  async function isFound(operation: string, fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await call(operation, fn);
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  return {
    sdk,

    /** Verifies a user's access token; returns the user id or undefined (→ 401). Authress down → 503. */
    async verifyUserToken(token: string): Promise<string | undefined> {
      // Before the SDK sees it: the issuer must be the login host itself, byte for byte. TokenVerifier
      // compares only the origin and fetches keys from `${iss}/…/jwks`, so a path such as
      // /v1/%63lients/<id> let any service client's key sign "user" tokens, and random issuers or
      // kids made it fetch and cache keys without bound.
      if (!hasExpectedIssuer(token, config.authressUrl)) return undefined;
      let payload: Record<string, unknown>;
      try {
        payload = await call('verifyToken', () => TokenVerifier(config.authressUrl, token));
      } catch (error) {
        if (error instanceof ProblemError && error.status === 503) {
          // TokenVerificationError is a local verdict (bad signature, issuer…), not an outage; the JWKS fetch failing is.
          throw error;
        }
        return undefined;
      }
      // The SDK accepts tokens without exp and never checks aud; we require both to be right.
      if (typeof payload['exp'] !== 'number' || typeof payload['sub'] !== 'string' || payload['sub'].length === 0) return undefined;
      const aud = payload['aud'];
      if (aud !== undefined && !(Array.isArray(aud) ? aud : [aud]).includes(config.applicationId)) return undefined;
      return payload['sub'];
    },

    async authorize(userId: string, resourceUri: string, permission: string): Promise<boolean> {
      try {
        await call('authorizeUser', () => sdk.userPermissions.authorizeUser(userId, resourceUri, permission));
        return true;
      } catch (error) {
        if (error instanceof AuthressStatusError && error.status === 404) return false;
        throw error;
      }
    },

    async rolesOn(userId: string, resourceUri: string): Promise<string[]> {
      try {
        const response = await call('getUserRolesForResource', () => sdk.userPermissions.getUserRolesForResource(userId, resourceUri));
        const roles = (response.data as { roles?: Array<{ roleId: string }> }).roles ?? [];
        return roles.map((role) => role.roleId);
      } catch (error) {
        if (error instanceof AuthressStatusError && error.status === 404) return [];
        throw error;
      }
    },

    /** The resource URIs under `collection` where the user holds `permission`; `all` when they hold it on the whole collection. */
    async resourcesWith(userId: string, collection: string, permission: string): Promise<{ all: boolean; uris: string[] }> {
      const uris: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const response = await call('getUserResources', () => sdk.userPermissions.getUserResources(userId, collection, 100, cursor, permission));
        const data = response.data as { accessToAllSubResources?: boolean; resources?: Array<{ resourceUri: string }> | null; pagination?: { next?: { cursor?: string } } };
        if (data.accessToAllSubResources && !data.resources) return { all: true, uris: [] };
        uris.push(...(data.resources ?? []).map((r) => r.resourceUri));
        cursor = data.pagination?.next?.cursor;
        if (!cursor) break;
      }
      return { all: false, uris };
    },

    async listRoles(): Promise<AuthressRole[]> {
      const response = await call('getRoles', () => sdk.httpClient.get('/v1/roles'));
      return ((response.data as { roles?: AuthressRole[] }).roles ?? []);
    },

    /** Creates the record; an existing record with this predictable id means an earlier attempt already did. */
    async createRecord(body: { recordId: string; name: string; users: Array<{ userId: string }>; statements: Array<{ roles: string[]; resources: Array<{ resourceUri: string }> }> }): Promise<'created' | 'exists'> {
      try {
        await call('createRecord', () => sdk.accessRecords.createRecord(body));
        return 'created';
      } catch (error) {
        if (error instanceof AuthressStatusError && error.status === 409) return 'exists';
        throw error;
      }
    },

    async getConnection(connectionId: string): Promise<Record<string, unknown> | undefined> {
      try {
        return (await call('getConnection', () => sdk.connections.getConnection(connectionId))).data as Record<string, unknown>;
      } catch (error) {
        if (error instanceof AuthressStatusError && error.status === 404) return undefined;
        throw error;
      }
    },

    async saveConnection(body: ConnectionBody, exists: boolean): Promise<void> {
      await upsert(exists, {
        create: () => call('createConnection', () => sdk.connections.createConnection(body)),
        update: () => call('updateConnection', () => sdk.connections.updateConnection(body.connectionId, body)),
        found: () => isFound('getConnection', () => sdk.connections.getConnection(body.connectionId)),
      });
    },

    /**
     * Creates or updates the tenant. A 409 that is not "this tenant id exists" means its lookup
     * identifier or a domain already routes to another tenant: that surfaces as AuthressStatusError(409).
     */
    async saveTenant(body: TenantBody, exists: boolean): Promise<void> {
      await upsert(exists, {
        create: () => call('createTenant', () => sdk.tenants.createTenant(body)),
        update: () => call('updateTenant', () => sdk.tenants.updateTenant(body.tenantId, body)),
        found: () => isFound('getTenant', () => sdk.tenants.getTenant(body.tenantId)),
      });
    },

    async createInvite(body: { tenantId?: string; statements: Array<{ roles: string[]; resources: Array<{ resourceUri: string }> }> }): Promise<string> {
      const response = await call('createInvite', () => sdk.invites.createInvite(body));
      const inviteId = (response.data as { inviteId?: string }).inviteId;
      if (!inviteId) throw new ProblemError('internal-error');
      return inviteId;
    },

    /** true while the invite can still be accepted; Authress answers 404 once it is used, deleted or expired. */
    async inviteIsOpen(inviteId: string): Promise<boolean> {
      try {
        await call('getInvite', () => sdk.invites.getInvite(inviteId));
        return true;
      } catch (error) {
        if (error instanceof AuthressStatusError && error.status === 404) return false;
        throw error;
      }
    },

    async deleteInvite(inviteId: string): Promise<'deleted' | 'gone'> {
      try {
        await call('deleteInvite', () => sdk.invites.deleteInvite(inviteId));
        return 'deleted';
      } catch (error) {
        if (error instanceof AuthressStatusError && error.status === 404) return 'gone';
        throw error;
      }
    },
  };
}

const isStatus = (error: unknown, status: number) => error instanceof AuthressStatusError && error.status === status;

/**
 * Create-or-update that survives our local view being stale: 404 on update → create; 409 on create →
 * update, but only once `found()` confirms the id exists. Authress also answers 409 when something
 * else in the body conflicts (a tenant's lookup identifier or domain held by another tenant); updating
 * then would only 404, so that 409 is passed on to the caller. A 409 on update is passed on too.
 */
async function upsert(exists: boolean, ops: { create: () => Promise<unknown>; update: () => Promise<unknown>; found: () => Promise<boolean> }): Promise<void> {
  if (exists) {
    try {
      await ops.update();
      return;
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
  try {
    await ops.create();
    return;
  } catch (error) {
    if (!isStatus(error, 409) || !(await ops.found())) throw error;
  }
  await ops.update();
}

/**
 * True when the token's `iss` is exactly the configured Authress URL and its `kid` is a plausible key
 * id. Only a pre-check: the signature is verified by TokenVerifier afterwards.
 */
function hasExpectedIssuer(token: string, authressUrl: string): boolean {
  try {
    const header = decodeProtectedHeader(token);
    const payload = decodeJwt(token);
    return payload.iss === authressUrl && typeof header.kid === 'string' && /^[\w.:-]{1,128}$/.test(header.kid);
  } catch {
    return false;
  }
}
