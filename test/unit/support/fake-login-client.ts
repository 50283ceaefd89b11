import type { AuthenticateOptions, LoginClientLike } from '../../../src/core/login-client.js';

/**
 * A stand-in for @authress/login's LoginClient that records calls. `signedIn` controls the
 * session; `authenticateError` makes authenticate() reject like the SDK does.
 */
export class FakeLoginClient implements LoginClientLike {
  signedIn = false;
  identity: Record<string, unknown> | null = null;
  token: string | null = 'test-access-token';
  authenticateError: Error | null = null;
  authenticateResult: unknown = null;
  readonly authenticateCalls: AuthenticateOptions[] = [];
  logoutCalls = 0;

  constructor(init: Partial<Pick<FakeLoginClient, 'signedIn' | 'identity' | 'token'>> = {}) {
    Object.assign(this, init);
  }

  async authenticate(options: AuthenticateOptions): Promise<unknown> {
    this.authenticateCalls.push(options);
    if (this.authenticateError) throw this.authenticateError;
    return this.authenticateResult;
  }
  async userSessionExists(): Promise<boolean> {
    return this.signedIn;
  }
  async ensureToken(): Promise<string | null> {
    if (!this.signedIn) throw Object.assign(new Error('No session'), { code: 'TokenTimeout' });
    return this.token;
  }
  getUserIdentity(): Record<string, unknown> | null {
    return this.signedIn ? (this.identity ?? { userId: 'google|ada@example.com', sub: 'google|ada@example.com' }) : null;
  }
  async logout(): Promise<void> {
    this.logoutCalls++;
    this.signedIn = false;
  }
}

/** An SDK-shaped error: an Error with a `code`. */
export function sdkError(code: string, message = code): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}
