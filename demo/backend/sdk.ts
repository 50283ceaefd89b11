// @authress/sdk 2.3.127, loaded through require with the small typed surface we use.
// Why not `import … from '@authress/sdk'`: its index.d.ts pulls in the package's raw src/*.ts files,
// which fail `tsc -p demo` (verbatimModuleSyntax on CommonJS sources) and skipLibCheck cannot skip .ts.
import { createRequire } from 'node:module';

export interface SdkResponse<T = unknown> { status: number; data: T; headers: Record<string, string> }

export interface AuthressClient {
  httpClient: { get(url: string): Promise<SdkResponse>; client?: { defaults: { timeout: number } } };
  userPermissions: {
    authorizeUser(userId: string, resourceUri: string, permission: string): Promise<SdkResponse<void>>;
    getUserRolesForResource(userId: string, resourceUri: string): Promise<SdkResponse>;
    getUserResources(userId: string, resourceUri: string, limit?: number, cursor?: string, permission?: string): Promise<SdkResponse>;
  };
  accessRecords: { createRecord(body: unknown): Promise<SdkResponse>; getRecord(recordId: string): Promise<SdkResponse> };
  connections: {
    createConnection(body: unknown): Promise<SdkResponse>;
    updateConnection(connectionId: string, body: unknown): Promise<SdkResponse>;
    getConnection(connectionId: string): Promise<SdkResponse>;
  };
  tenants: {
    createTenant(body: unknown): Promise<SdkResponse>;
    updateTenant(tenantId: string, body: unknown): Promise<SdkResponse>;
    getTenant(tenantId: string): Promise<SdkResponse>;
  };
  invites: {
    createInvite(body: unknown): Promise<SdkResponse>;
    getInvite(inviteId: string): Promise<SdkResponse>;
    deleteInvite(inviteId: string): Promise<void>;
    respondToInvite(inviteId: string): Promise<SdkResponse>;
  };
}

interface SdkModule {
  AuthressClient: new (settings: { authressApiUrl: string }, tokenProvider: string | (() => string | Promise<string>)) => AuthressClient;
  TokenVerifier: (authressCustomDomain: string, token: string, options?: { expectedPublicKey?: unknown; verifierOptions?: Record<string, unknown> }) => Promise<Record<string, unknown>>;
}

const sdk = createRequire(import.meta.url)('@authress/sdk') as SdkModule;

export const { AuthressClient, TokenVerifier } = sdk;
