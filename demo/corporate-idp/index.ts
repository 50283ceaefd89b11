// A real OpenID Connect provider (oidc-provider 9) for "Acme Corp", in-process on loopback, so the
// SSO path of the demo and tests is a genuine authorization-code + PKCE login.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import { createMemoryAdapter } from './memory-adapter.js';
import { errorPage, idpPage, loginPage, type IdpUser } from './pages.js';

export interface CorporateIdpOptions {
  port?: number;
  host?: string;
  /** Exact redirect URIs of the client, e.g. the emulator's /api/authentication/oauth/callback. */
  redirectUris: string[];
  clientId?: string;
  /** Default: a fresh random secret per start. */
  clientSecret?: string;
  users?: IdpUser[];
}

export interface RunningCorporateIdp {
  /** The issuer, e.g. http://127.0.0.1:8890 */
  url: string;
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export const ACME_USERS: IdpUser[] = [
  { sub: 'alice', email: 'alice@acme.test', name: 'Alice Admin' },
  { sub: 'bob', email: 'bob@acme.test', name: 'Bob Builder' },
  { sub: 'carol', email: 'carol@acme.test', name: 'Carol Chen' },
  // Not an Acme address: used to test that a tenant's domain list is enforced.
  { sub: 'eve', email: 'eve@other.test', name: 'Eve Outsider' },
];

/** oidc-provider warns at import time that Node 20 is unsupported; it works, so drop that one line. */
async function loadProvider(): Promise<typeof Provider> {
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime')) return;
    originalWarn(...args);
  };
  try {
    return (await import('oidc-provider')).default;
  } finally {
    console.warn = originalWarn;
  }
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('Form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

// No form-action directive: Chromium applies it to the whole redirect chain after the login POST,
// which runs through the client's redirect URI and on to wherever that client sends the user.
function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'Referrer-Policy': 'no-referrer',
  });
  res.end(html);
}

export async function start(options: CorporateIdpOptions): Promise<RunningCorporateIdp> {
  const host = options.host ?? '127.0.0.1';
  const clientId = options.clientId ?? 'acme-sso';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const users = options.users ?? ACME_USERS;
  const OidcProvider = await loadProvider();

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE'
      ? Object.assign(new Error(`Port ${options.port} on ${host} is already in use.`), { code: 'EADDRINUSE' }) : error));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new OidcProvider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      client_name: 'Authress (local emulator)',
      redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [{ ...signingKey, kid: 'acme-rs256', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    adapter: createMemoryAdapter(),
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 3600, Session: 8 * 3600, Grant: 8 * 3600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put scope claims (email, name) in the id_token, as most enterprise IdPs do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = idpPage('Sign out', `<h1>Sign out of Acme Corp?</h1>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`);
        },
        postLogoutSuccessSource: (ctx: { body: string }) => {
          ctx.body = idpPage('Signed out', '<h1>You are signed out of Acme Corp.</h1>');
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = errorPage('Sign-in error', out);
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = users.find((candidate) => candidate.sub === sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: user.email, email_verified: true, name: user.name }) };
    },
  });
  const callback = provider.callback();

  // Our own interaction pages: a user picker for login; consent is granted automatically.
  const handleInteraction = async (req: IncomingMessage, res: ServerResponse, path: string[]) => {
    const details = await provider.interactionDetails(req, res);
    const [uid, action] = [path[0], path[1]];
    if (uid !== details.uid) return sendHtml(res, 400, errorPage('Sign-in error', { error: 'Unknown interaction' }));
    if (req.method === 'GET' && !action) {
      if (details.prompt.name === 'login') {
        const client = await provider.Client.find(details.params.client_id);
        return sendHtml(res, 200, loginPage(uid, client?.clientName ?? client?.clientId ?? 'An application', users));
      }
      if (!details.session) throw new Error('The interaction has no signed-in session.');
      const grant = details.grantId ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      if (!grant) throw new Error('The grant of this interaction no longer exists.');
      if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
      if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
      if (details.prompt.details.missingResourceScopes) {
        for (const [indicator, scopes] of Object.entries(details.prompt.details.missingResourceScopes)) {
          grant.addResourceScope(indicator, scopes.join(' '));
        }
      }
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    }
    if (req.method === 'POST' && action === 'login') {
      const sub = (await readForm(req)).get('sub') ?? '';
      if (!users.some((user) => user.sub === sub)) return sendHtml(res, 400, errorPage('Sign-in error', { error: 'Choose one of the listed users.' }));
      return provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
    }
    if (req.method === 'POST' && action === 'abort') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }, { mergeWithLastSubmission: false });
    }
    sendHtml(res, 404, errorPage('Not found', { error: 'Unknown page' }));
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', issuer).pathname.split('/').filter(Boolean);
    if (path[0] !== 'interaction') return void callback(req, res);
    handleInteraction(req, res, path.slice(1)).catch((error: Error) => {
      if (res.headersSent) return void res.end();
      sendHtml(res, 400, errorPage('Sign-in error', { error: error.name ?? 'Error', detail: error.message }));
    });
  });

  return {
    url: issuer,
    authorizationUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export { mintSamlSigningCertificate, startSamlIdp, type RunningSamlIdp, type SamlIdpOptions, type SamlSigningMaterial } from './saml.js';
