// Type shim for @authress/sdk 2.3.127 in `tsc -p demo`. The package's index.d.ts pulls in its raw
// src/*.ts files, which fail under NodeNext + verbatimModuleSyntax, and skipLibCheck cannot skip
// .ts files. The backend uses the narrower typed wrapper in demo/backend/sdk.ts; tests that drive
// the SDK directly get this loose surface.
/* eslint-disable @typescript-eslint/no-explicit-any */
export declare class AuthressClient {
  constructor(settings: { authressApiUrl?: string; baseUrl?: string }, tokenProvider: unknown);
  [member: string]: any;
}
export declare class ServiceClientTokenProvider {
  constructor(accessKey: string, authressCustomDomain?: string);
  getToken(): Promise<string>;
}
export declare function TokenVerifier(authressCustomDomain: string, token: string, options?: Record<string, unknown>): Promise<Record<string, any>>;
export declare class UnauthorizedError extends Error {}
