// The emulator as an OAuth2/OIDC client of a tenant's IdP (authorization code + PKCE S256, state,
// nonce, RFC 9207 iss check, id_token verified against the IdP's discovered JWKS). The `state` is
// bound to the browser that started the sign-in by a short-lived HttpOnly SameSite=Lax cookie, so a
// callback URL obtained by someone else cannot sign a victim's browser in (login CSRF).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { OAUTH_CALLBACK_PATH, randomId, type EmulatorContext } from './context.js';
import type { AuthenticationRequest, Connection, UpstreamLogin, UserProfile } from './types.js';

const FETCH_TIMEOUT_MS = 8000;
const UPSTREAM_LOGIN_TTL_MS = 15 * 60 * 1000;
export const UPSTREAM_BINDING_COOKIE_PREFIX = 'authress_emulator_oauth_';

export class UpstreamLoginError extends Error {
  constructor(readonly status: number, readonly title: string, message: string, readonly authenticationRequestId?: string) {
    super(message);
  }
}

export function connectionIssuer(connection: Connection): string {
  return (connection.issuerUrl ?? new URL(connection.authenticationUrl!).origin).replace(/\/+$/, '');
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** One cookie name per pending state, so parallel sign-ins in two tabs do not overwrite each other. */
export function upstreamBindingCookieName(state: string): string {
  return UPSTREAM_BINDING_COOKIE_PREFIX + sha256(state).slice(0, 16);
}

/** Set-Cookie value of the browser binding of `state`; an empty value with Max-Age=0 clears it. */
export function upstreamBindingCookie(state: string, value = '', maxAgeSeconds = 0): string {
  return `${upstreamBindingCookieName(state)}=${value}; Path=${OAUTH_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

/**
 * Returns the IdP authorization URL to redirect the browser to, and the Set-Cookie header that
 * binds this sign-in to that browser (send both in the same response).
 */
export function beginUpstreamLogin(ctx: EmulatorContext, request: AuthenticationRequest, connection: Connection): { url: string; cookie: string } {
  if (!connection.authenticationUrl || !connection.clientId) {
    throw new UpstreamLoginError(400, 'SSO is not configured', `The connection ${connection.connectionId} has no authorization URL or client id.`);
  }
  const browserBinding = randomId('', 32);
  const login: UpstreamLogin = {
    state: randomId('', 24),
    authenticationRequestId: request.authenticationRequestId,
    connectionId: connection.connectionId,
    nonce: randomId('', 24),
    codeVerifier: randomBytes(48).toString('base64url'),
    browserBindingHash: sha256(browserBinding),
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
  return { url: url.toString(), cookie: upstreamBindingCookie(login.state, browserBinding, UPSTREAM_LOGIN_TTL_MS / 1000) };
}

function holdsBinding(login: UpstreamLogin, cookieValue: string | undefined): boolean {
  if (!cookieValue || !login.browserBindingHash) return false; // records from before the binding fail closed
  const presented = Buffer.from(sha256(cookieValue));
  const expected = Buffer.from(login.browserBindingHash);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

async function fetchJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  // No redirects (a 307 would re-post credentials) and a hard timeout.
  const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try { body = JSON.parse(text) as Record<string, unknown>; } catch { /* non-JSON */ }
  return { status: response.status, body };
}

/**
 * Handles GET <emulator>/api/authentication/oauth/callback; returns the signed-in user and the request.
 * `cookie` reads the request's cookies: the browser must present the binding set by beginUpstreamLogin.
 */
export async function finishUpstreamLogin(ctx: EmulatorContext, query: URLSearchParams, cookie: (name: string) => string | undefined): Promise<{ login: UpstreamLogin; user: UserProfile }> {
  const state = query.get('state') ?? '';
  const login = state ? ctx.store.get<UpstreamLogin>('upstream', state) : undefined;
  if (!login || ctx.now() - login.createdAt > UPSTREAM_LOGIN_TTL_MS) {
    throw new UpstreamLoginError(400, 'Sign-in expired', 'This sign-in attempt is unknown or has expired. Please start again.');
  }
  // Login CSRF: refuse a callback opened in a browser other than the one sent to the IdP. The state
  // is not consumed here, so a stranger who opens the URL cannot cancel the genuine sign-in.
  if (!holdsBinding(login, cookie(upstreamBindingCookieName(state)))) {
    throw new UpstreamLoginError(403, 'Sign-in not started in this browser',
      'This sign-in was started in another browser (or its cookie expired), so it cannot be completed here. Go back to the app and sign in again.');
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
