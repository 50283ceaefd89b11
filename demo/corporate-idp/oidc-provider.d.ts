// oidc-provider 9 ships no type declarations. This shim types only the surface the IdP module uses;
// extend it (from the library's docs/source) if the module starts using more.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** What oidc-provider stores through an adapter (sessions, grants, codes, interactions, ...). */
  export interface AdapterPayload { uid?: string; userCode?: string; grantId?: string; consumed?: number; [key: string]: unknown }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    [key: string]: unknown;
  }

  /** The koa context handed to rendering hooks; only the fields the hooks here set. */
  export interface RenderContext { type: string; body: string }

  export interface Account { accountId: string; claims(): Record<string, unknown> | Promise<Record<string, unknown>> }

  export interface Configuration {
    clients?: ClientMetadata[];
    jwks?: { keys: Array<Record<string, unknown>> };
    cookies?: { keys: string[] };
    adapter?: new (name: string) => Adapter;
    ttl?: Record<string, number>;
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    pkce?: { required?: (ctx: unknown, client: unknown) => boolean };
    features?: {
      devInteractions?: { enabled: boolean };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: RenderContext, form: string) => void | Promise<void>;
        postLogoutSuccessSource?: (ctx: RenderContext) => void | Promise<void>;
      };
      [feature: string]: unknown;
    };
    interactions?: { url?: (ctx: unknown, interaction: { uid: string }) => string | Promise<string> };
    renderError?: (ctx: RenderContext, out: Record<string, string>, error: Error) => void | Promise<void>;
    findAccount?: (ctx: unknown, sub: string) => Account | undefined | Promise<Account | undefined>;
  }

  export interface Interaction {
    uid: string;
    prompt: {
      name: string;
      reasons: string[];
      details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]>; [key: string]: unknown };
    };
    params: { client_id: string; [key: string]: unknown };
    /** Absent until the end-user has logged in. */
    session?: { accountId: string; uid?: string; cookie?: string };
    grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string; [key: string]: unknown };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface Client { clientId: string; clientName?: string }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    /** Persists the grant and resolves to its id. */
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly Client: { find(id: string): Promise<Client | undefined> };
    readonly Grant: {
      new (properties: { accountId: string; clientId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
    };
    /** A node:http request listener serving every protocol endpoint. */
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: InteractionResults, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }
}
