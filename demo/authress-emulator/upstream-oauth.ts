// The emulator as an OAuth2/OIDC client of a tenant's IdP (authorization code + PKCE S256, state,
// nonce, RFC 9207 iss check, id_token verified against the IdP's discovered JWKS).
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { randomId, type EmulatorContext } from './context.js';
import type { AuthenticationRequest, Connection, UpstreamLogin, UserProfile } from './types.js';

const FETCH_TIMEOUT_MS = 8000;
const UPSTREAM_LOGIN_TTL_MS = 15 * 60 * 1000;

export class UpstreamLoginError extends Error {
  constructor(readonly status: number, readonly title: string, message: string, readonly authenticationRequestId?: string) {
    super(message);
  }
}

export function connectionIssuer(connection: Connection): string {
  return (connection.issuerUrl ?? new URL(connection.authenticationUrl!).origin).replace(/\/+$/, '');
}

/** Returns the IdP authorization URL to redirect the browser to. */
export function beginUpstreamLogin(ctx: EmulatorContext, request: AuthenticationRequest, connection: Connection): string {
  if (!connection.authenticationUrl || !connection.clientId) {
    throw new UpstreamLoginError(400, 'SSO is not configured', `The connection ${connection.connectionId} has no authorization URL or client id.`);
  }
  const login: UpstreamLogin = {
    state: randomId('', 24),
    authenticationRequestId: request.authenticationRequestId,
    connectionId: connection.connectionId,
    nonce: randomId('', 24),
    codeVerifier: randomBytes(48).toString('base64url'),
    createdAt: ctx.now(),
  };
  ctx.store.put('upstream', login.state, login);
  const url = new URL(connection.authenticationUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', connection.clientId);
  url.searchParams.set('redirect_uri', ctx.callbackUrl);
  url.searchParams.set('scope', connection.defaultConnectionProperties?.scope ?? 'openid profile email');
  url.searchParams.set('state', login.state);
  url.searchParams.set('nonce', login.nonce);
  url.searchParams.set('code_challenge', createHash('sha256').update(login.codeVerifier).digest('base64url'));
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

async function fetchJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  // No redirects (a 307 would re-post credentials) and a hard timeout.
  const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try { body = JSON.parse(text) as Record<string, unknown>; } catch { /* non-JSON */ }
  return { status: response.status, body };
}

/** Handles GET <emulator>/api/authentication/oauth/callback; returns the signed-in user and the request. */
export async function finishUpstreamLogin(ctx: EmulatorContext, query: URLSearchParams): Promise<{ login: UpstreamLogin; user: UserProfile }> {
  const state = query.get('state') ?? '';
  const login = state ? ctx.store.get<UpstreamLogin>('upstream', state) : undefined;
  if (!login || ctx.now() - login.createdAt > UPSTREAM_LOGIN_TTL_MS) {
    throw new UpstreamLoginError(400, 'Sign-in expired', 'This sign-in attempt is unknown or has expired. Please start again.');
  }
  ctx.store.delete('upstream', state); // single use
  const fail = (status: number, title: string, message: string) => new UpstreamLoginError(status, title, message, login.authenticationRequestId);
  const connection = ctx.connection(login.connectionId);
  if (!connection) throw fail(400, 'SSO is not configured', 'The SSO connection used for this sign-in no longer exists.');
  const issuer = connectionIssuer(connection);
  const returnedIss = query.get('iss');
  if (returnedIss !== null && returnedIss.replace(/\/+$/, '') !== issuer) {
    throw fail(400, 'Sign-in failed', 'The identity provider response came from an unexpected issuer.');
  }
  const idpError = query.get('error');
  if (idpError) throw fail(400, 'Sign-in cancelled', `The identity provider returned an error: ${query.get('error_description') ?? idpError}`);
  const code = query.get('code');
  if (!code) throw fail(400, 'Sign-in failed', 'The identity provider did not return an authorization code.');

  try {
    const discovery = await fetchJson(`${issuer}/.well-known/openid-configuration`);
    if (discovery.status !== 200 || discovery.body['issuer'] !== issuer || typeof discovery.body['jwks_uri'] !== 'string') {
      throw fail(502, 'Sign-in failed', 'The identity provider discovery document is missing or names another issuer.');
    }
    const tokenUrl = connection.tokenUrl ?? (typeof discovery.body['token_endpoint'] === 'string' ? discovery.body['token_endpoint'] : '');
    const basic = Buffer.from(`${encodeURIComponent(connection.clientId!)}:${encodeURIComponent(connection.clientSecret ?? '')}`).toString('base64');
    const tokens = await fetchJson(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}`, Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: ctx.callbackUrl, code_verifier: login.codeVerifier }),
    });
    const idToken = tokens.body['id_token'];
    if (tokens.status !== 200 || typeof idToken !== 'string') {
      throw fail(502, 'Sign-in failed', `The identity provider refused the code exchange (${typeof tokens.body['error'] === 'string' ? tokens.body['error'] : tokens.status}).`);
    }
    const jwks = createRemoteJWKSet(new URL(discovery.body['jwks_uri']), { timeoutDuration: FETCH_TIMEOUT_MS });
    const { payload } = await jwtVerify(idToken, jwks, { issuer, audience: connection.clientId!, currentDate: new Date(ctx.now()) });
    if (payload['nonce'] !== login.nonce) throw fail(400, 'Sign-in failed', 'The identity token nonce does not match this sign-in.');
    let email = typeof payload['email'] === 'string' ? payload['email'] : undefined;
    let name = typeof payload['name'] === 'string' ? payload['name'] : undefined;
    const userinfoUrl = discovery.body['userinfo_endpoint'];
    if ((!email || !name) && typeof userinfoUrl === 'string' && typeof tokens.body['access_token'] === 'string') {
      const info = await fetchJson(userinfoUrl, { headers: { Authorization: `Bearer ${tokens.body['access_token']}` } });
      if (info.status === 200 && info.body['sub'] === payload.sub) {
        email ??= typeof info.body['email'] === 'string' ? info.body['email'] : undefined;
        name ??= typeof info.body['name'] === 'string' ? info.body['name'] : undefined;
      }
    }
    return {
      login,
      user: { userId: `${connection.connectionId}|${payload.sub}`, email: email?.toLowerCase(), name, connectionId: connection.connectionId },
    };
  } catch (error) {
    if (error instanceof UpstreamLoginError) throw error;
    throw fail(502, 'Sign-in failed', `Could not complete sign-in with the identity provider: ${(error as Error).message}`);
  }
}
