import { configure } from '../../src/core/config.js';
import { resetLoginClients, type AuthenticateOptions, type LoginClientLike } from '../../src/core/login-client.js';

/**
 * A stand-in for @authress/login in stories: no login host, no navigation. Generic on purpose —
 * shared by every element's stories. Call it from a story's `beforeEach` (or `render`).
 */
export interface FakeLoginOptions {
  /** Whether a user is signed in (default true). */
  signedIn?: boolean;
  user?: { userId: string; name?: string; email?: string };
  /** How `authenticate()` behaves: log and resolve (default), never settle, or reject with an SDK-like `{ code }`. */
  authenticate?: 'log' | 'hang' | { code: string };
}

export const storyUser = { userId: 'google|ada', name: 'Ada Lovelace', email: 'ada@example.com' };

export function useFakeLogin(options: FakeLoginOptions = {}): LoginClientLike {
  const signedIn = options.signedIn ?? true;
  const user = options.user ?? storyUser;
  const client: LoginClientLike = {
    async authenticate(request: AuthenticateOptions) {
      console.info('[fake login] authenticate', request);
      const mode = options.authenticate ?? 'log';
      if (mode === 'hang') return new Promise(() => {});
      if (mode !== 'log') throw Object.assign(new Error(mode.code), { code: mode.code });
      return null;
    },
    userSessionExists: async () => signedIn,
    ensureToken: async () => {
      if (!signedIn) throw Object.assign(new Error('No session'), { code: 'TokenTimeout' });
      return 'story-token';
    },
    getUserIdentity: () => (signedIn ? { sub: user.userId, ...user } : null),
    logout: async () => console.info('[fake login] logout'),
  };
  resetLoginClients();
  configure({
    loginHost: 'https://login.example.test',
    applicationId: 'app_story',
    loginClientFactory: () => client,
    navigate: (url) => console.info('[fake login] navigate', url),
  });
  return client;
}
