// Login side used by the unmodified @authress/login: POST /api/authentication, the hosted login
// page, the code exchange, /api/session, /logout and the OIDC discovery + JWKS documents.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  OAUTH_CALLBACK_PATH, SESSION_COOKIE, emailDomain, randomId, type EmulatorContext,
} from './context.js';
import {
  type Request, type Router, redirect, sendEmpty, sendError, sendHtml, sendJson, str,
} from './http-kit.js';
import { loginPage, errorPage } from './login-pages.js';
import { mintUserTokens } from './tokens.js';
import { UpstreamLoginError, beginUpstreamLogin, finishUpstreamLogin, upstreamBindingCookie } from './upstream-oauth.js';
import { SAML_PATH_PREFIX, beginSamlLogin, finishSamlLogin, isSamlConnection, samlMetadata } from './upstream-saml.js';
import type {
  AuthenticationRequest, AuthorizationCode, Connection, Invite, LoginSession, UserProfile,
} from './types.js';
import type { ServiceClientKey } from './keys.js';

const AUTH_REQUEST_TTL_MS = 60 * 60 * 1000;
const CODE_TTL_MS = 5 * 60 * 1000;

function inviteError(res: ServerResponse, status: 'missing' | 'expired' | 'used'): void {
  if (status === 'missing') return sendError(res, 404, 'InviteNotFound', 'The invitation does not exist or was withdrawn.');
  if (status === 'expired') return sendError(res, 410, 'InviteExpired', 'The invitation has expired. Ask for a new one.');
  return sendError(res, 409, 'InviteAlreadyUsed', 'The invitation has already been accepted.');
}

function sessionCookie(value: string, maxAgeSeconds?: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`}`;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function registerLoginRoutes(router: Router, ctx: EmulatorContext): void {
  const loadRequest = (id: string | undefined): AuthenticationRequest | undefined => {
    const request = id ? ctx.store.get<AuthenticationRequest>('authRequest', id) : undefined;
    return request && ctx.now() - request.createdAt <= AUTH_REQUEST_TTL_MS ? request : undefined;
  };

  router.on('POST', '/api/authentication', async (req, res) => {
    const body = await req.body();
    const applicationId = str(body['applicationId']);
    if (applicationId !== ctx.applicationId) {
      return sendError(res, 400, 'InvalidApplication', `Unknown applicationId "${applicationId ?? ''}".`);
    }
    const redirectUrl = str(body['redirectUrl']);
    if (!redirectUrl || !ctx.isAllowedRedirect(redirectUrl)) {
      return sendError(res, 400, 'InvalidRedirectUrl', 'redirectUrl must be an absolute URL on an allowed origin.');
    }
    const codeChallenge = str(body['codeChallenge']);
    if (!codeChallenge || body['codeChallengeMethod'] !== 'S256') {
      return sendError(res, 400, 'InvalidCodeChallenge', 'A PKCE codeChallenge with codeChallengeMethod "S256" is required.');
    }
    const request: AuthenticationRequest = {
      authenticationRequestId: randomId('', 24), applicationId, redirectUrl, codeChallenge, createdAt: ctx.now(),
    };
    const inviteId = str(body['inviteId']);
    if (inviteId) {
      const invite = ctx.store.get<Invite>('invite', inviteId);
      const status = ctx.inviteStatus(invite);
      if (status !== 'pending') return inviteError(res, status);
      request.inviteId = inviteId;
      if (invite!.tenantId) request.tenantId = invite!.tenantId; // the invite's tenant wins over the lookup identifier
    }
    const lookup = str(body['tenantLookupIdentifier']);
    if (lookup && !request.tenantId) {
      const tenant = ctx.findTenantByLookup(lookup);
      if (!tenant) return sendError(res, 404, 'TenantNotFound', `No tenant matches "${lookup}".`);
      request.tenantId = tenant.tenantId;
    }
    const connectionId = str(body['connectionId']);
    if (connectionId) {
      if (!ctx.connection(connectionId) && !ctx.simulatedProvider(connectionId)) {
        return sendError(res, 404, 'ConnectionNotFound', `No connection "${connectionId}".`);
      }
      request.connectionId = connectionId;
    }
    ctx.store.put('authRequest', request.authenticationRequestId, request);
    const authenticationUrl = `${ctx.issuer}/login?authenticationRequestId=${encodeURIComponent(request.authenticationRequestId)}`;
    sendJson(res, 200, { authenticationRequestId: request.authenticationRequestId, authenticationUrl });
  });

  /** Issues the code, applies the invite, sets the emulator session, and sends the browser back. */
  const completeLogin = (res: ServerResponse, request: AuthenticationRequest, user: UserProfile): void => {
    let invite: Invite | undefined;
    if (request.inviteId) {
      invite = ctx.store.get<Invite>('invite', request.inviteId);
      const status = ctx.inviteStatus(invite);
      if (status !== 'pending') {
        const message = status === 'used' ? 'This invitation has already been accepted.'
          : status === 'expired' ? 'This invitation has expired. Ask for a new one.' : 'This invitation was withdrawn.';
        return sendHtml(res, 410, errorPage('Invitation no longer valid', message));
      }
    }
    ctx.rememberUser(user);
    if (invite) ctx.acceptInvite(invite, user);
    else if (request.tenantId) ctx.addTenantMember(request.tenantId, user.userId);
    const code: AuthorizationCode = { code: randomId('', 32), authenticationRequestId: request.authenticationRequestId, user, createdAt: ctx.now() };
    ctx.store.put('code', code.code, code);
    const session: LoginSession = { sessionId: randomId('', 32), user, createdAt: ctx.now() };
    ctx.store.put('session', session.sessionId, session);
    const target = new URL(request.redirectUrl);
    target.searchParams.set('code', code.code);
    target.searchParams.set('nonce', request.authenticationRequestId);
    target.searchParams.set('iss', ctx.issuer);
    const earlier = res.getHeader('Set-Cookie'); // e.g. clearing the upstream binding cookie
    const cookies = Array.isArray(earlier) ? earlier : typeof earlier === 'string' ? [earlier] : [];
    redirect(res, target.toString(), { 'Set-Cookie': [...cookies, sessionCookie(session.sessionId)] });
  };

  const startConnection = async (res: ServerResponse, request: AuthenticationRequest, connection: Connection): Promise<void> => {
    const type = (connection.type ?? 'OAUTH2').toUpperCase();
    if (type !== 'OAUTH2' && !isSamlConnection(connection)) {
      return sendHtml(res, 501, errorPage('SSO not available locally',
        `The connection ${connection.connectionId} is ${connection.type}; the local emulator only signs in through OAuth2/OIDC and SAML2 connections.`));
    }
    try {
      if (isSamlConnection(connection)) return redirect(res, await beginSamlLogin(ctx, request, connection));
      const upstream = beginUpstreamLogin(ctx, request, connection);
      redirect(res, upstream.url, { 'Set-Cookie': upstream.cookie });
    } catch (error) {
      const failure = error as UpstreamLoginError;
      sendHtml(res, failure.status ?? 400, errorPage(failure.title ?? 'Sign-in failed', failure.message));
    }
  };

  /** Shared end of every upstream (OAuth2 or SAML) sign-in: tenant domain check, then completeLogin. */
  const finishSsoLogin = (res: ServerResponse, authenticationRequestId: string, connectionId: string, user: UserProfile): void => {
    const request = loadRequest(authenticationRequestId);
    if (!request) return sendHtml(res, 404, errorPage('Sign-in link expired', 'This sign-in request has expired. Go back to the app and try again.'));
    const tenant = ctx.tenant(request.tenantId) ?? ctx.tenantForConnection(connectionId);
    const allowedDomains = (tenant?.domains ?? []).map((entry) => entry.domain.toLowerCase());
    if (allowedDomains.length > 0 && !allowedDomains.includes(emailDomain(user.email ?? '') ?? '')) {
      return sendHtml(res, 403, errorPage('Account not allowed',
        `${user.email ?? 'This account'} is not part of ${tenant ? ctx.tenantName(tenant) : 'this organization'}: its SSO only accepts ${allowedDomains.map((d) => `@${d}`).join(', ')} addresses.`));
    }
    if (tenant && !request.tenantId) request.tenantId = tenant.tenantId;
    completeLogin(res, request, user);
  };

  const renderPicker = (res: ServerResponse, request: AuthenticationRequest, status = 200, error?: string, values?: { email?: string; name?: string; ssoEmail?: string }) => {
    const contextLines: string[] = [];
    const tenant = ctx.tenant(request.tenantId);
    if (request.inviteId) contextLines.push(tenant ? `You're joining ${ctx.tenantName(tenant)}.` : `You've been invited to ${ctx.seed.applicationName ?? ctx.applicationId}.`);
    else if (tenant) contextLines.push(`Signing in to ${ctx.tenantName(tenant)}.`);
    const only = ctx.simulatedProvider(request.connectionId);
    sendHtml(res, status, loginPage({
      applicationName: ctx.seed.applicationName ?? ctx.applicationId,
      authenticationRequestId: request.authenticationRequestId,
      contextLines,
      providers: only ? [only] : ctx.simulatedProviders(),
      showSso: !only,
      error,
      values,
    }));
  };

  router.on('GET', '/login', async (req, res) => {
    const request = loadRequest(req.url.searchParams.get('authenticationRequestId') ?? undefined);
    if (!request) return sendHtml(res, 404, errorPage('Sign-in link expired', 'This sign-in request is unknown or has expired. Go back to the app and try again.'));
    const selected = ctx.connection(request.connectionId) ?? ctx.connection(ctx.tenant(request.tenantId)?.connection?.connectionId);
    if (selected) return startConnection(res, request, selected);
    renderPicker(res, request);
  });

  router.on('POST', '/login/provider', async (req, res) => {
    const body = await req.body();
    const request = loadRequest(str(body['authenticationRequestId']));
    if (!request) return sendHtml(res, 404, errorPage('Sign-in link expired', 'This sign-in request is unknown or has expired. Go back to the app and try again.'));
    const provider = ctx.simulatedProvider(str(body['provider']));
    if (!provider || (request.connectionId && request.connectionId !== provider.connectionId)) {
      return renderPicker(res, request, 400, 'Choose one of the listed providers.');
    }
    // A sign-in bound to a tenant with its own SSO (by invite or lookup) must go through that IdP:
    // posting this form directly must not join the tenant around its domain check.
    if (ctx.tenant(request.tenantId)?.connection?.connectionId) {
      return sendHtml(res, 403, errorPage('Use your company sign-in', 'This sign-in must go through your company’s identity provider. Go back to the app and try again.'));
    }
    let name = str(body['name'])?.trim();
    let email = str(body['email'])?.trim();
    const sample = str(body['sample']);
    if (sample) [name, email] = sample.split('|');
    if (!email || !emailDomain(email) || !name) {
      return renderPicker(res, request, 400, 'Enter your name and a valid email address.', { name, email });
    }
    completeLogin(res, request, {
      userId: `${provider.connectionId}|${email.toLowerCase()}`, email: email.toLowerCase(), name, connectionId: provider.connectionId,
    });
  });

  router.on('POST', '/login/sso', async (req, res) => {
    const body = await req.body();
    const request = loadRequest(str(body['authenticationRequestId']));
    if (!request) return sendHtml(res, 404, errorPage('Sign-in link expired', 'This sign-in request is unknown or has expired. Go back to the app and try again.'));
    const email = str(body['email'])?.trim() ?? '';
    const tenant = emailDomain(email) ? ctx.findTenantByEmail(email) : undefined;
    const connection = ctx.connection(tenant?.connection?.connectionId);
    if (!tenant || !connection) {
      return renderPicker(res, request, 422, emailDomain(email)
        ? `No company SSO is set up for ${emailDomain(email)}. Use another sign-in option or ask your IT admin.`
        : 'Enter a valid work email address.', { ssoEmail: email });
    }
    const routed = { ...request, tenantId: request.tenantId ?? tenant.tenantId };
    ctx.store.put('authRequest', routed.authenticationRequestId, routed);
    await startConnection(res, routed, connection);
  });

  router.on('GET', OAUTH_CALLBACK_PATH, async (req, res) => {
    const state = req.url.searchParams.get('state');
    // The binding cookie is single use like the state: cleared on every answer for that state.
    if (state) res.setHeader('Set-Cookie', upstreamBindingCookie(state));
    try {
      const { login, user } = await finishUpstreamLogin(ctx, req.url.searchParams, (name) => req.cookie(name));
      finishSsoLogin(res, login.authenticationRequestId, login.connectionId, user);
    } catch (error) {
      if (!(error instanceof UpstreamLoginError)) throw error;
      sendHtml(res, error.status, errorPage(error.title, error.message));
    }
  });

  // SAML assertion consumer: a cross-origin form POST from the IdP's page (no cookies needed; the
  // RelayState and the single-use InResponseTo bind it to the pending sign-in). Unlike the OAuth
  // callback there is no browser-binding cookie: a SameSite=Lax cookie is not sent on a cross-site
  // POST, and SameSite=None requires Secure, i.e. https, which the loopback emulator does not serve.
  router.on('POST', `${SAML_PATH_PREFIX}/:connectionId/acs`, async (req, res) => {
    try {
      const { authenticationRequestId, user } = await finishSamlLogin(ctx, req.params['connectionId'], await req.body());
      finishSsoLogin(res, authenticationRequestId, req.params['connectionId'], user);
    } catch (error) {
      if (!(error instanceof UpstreamLoginError)) throw error;
      sendHtml(res, error.status, errorPage(error.title, error.message));
    }
  });

  router.on('GET', `${SAML_PATH_PREFIX}/:connectionId`, (req, res) => {
    const connection = ctx.connection(req.params['connectionId']);
    if (!connection || !isSamlConnection(connection) || !connection.authenticationUrl || !connection.providerCertificate) {
      return sendError(res, 404, 'NotFound', 'No configured SAML connection with this id.');
    }
    res.writeHead(200, { 'Content-Type': 'application/samlmetadata+xml; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(samlMetadata(ctx, connection));
  });

  router.on('POST', '/api/authentication/:id/tokens', async (req, res) => {
    const body = await req.body();
    const invalid = () => sendJson(res, 400, { error: 'invalid_request' });
    const request = ctx.store.get<AuthenticationRequest>('authRequest', req.params['id']);
    const codeValue = str(body['code']);
    const code = codeValue ? ctx.store.get<AuthorizationCode>('code', codeValue) : undefined;
    if (!request || !code || code.authenticationRequestId !== request.authenticationRequestId) return invalid();
    if (code.usedAt !== undefined || ctx.now() - code.createdAt > CODE_TTL_MS) return invalid();
    // A code is burnt on its first presentation, even if the rest is wrong (no verifier guessing).
    ctx.store.put('code', code.code, { ...code, usedAt: ctx.now() });
    const verifier = str(body['code_verifier']);
    if (body['grant_type'] !== 'authorization_code' || !verifier || !sameString(s256(verifier), request.codeChallenge)) return invalid();
    if (body['redirect_uri'] !== request.redirectUrl || body['client_id'] !== request.applicationId) return invalid();
    const tokens = await mintUserTokens(ctx, code.user);
    sendJson(res, 200, { access_token: tokens.accessToken, id_token: tokens.idToken, expires_in: tokens.expiresIn, token_type: 'Bearer' });
  });

  const sessionFrom = (req: Request): LoginSession | undefined => {
    const id = req.cookie(SESSION_COOKIE);
    return id ? ctx.store.get<LoginSession>('session', id) : undefined;
  };

  router.on('PATCH', '/api/session', async (req, res) => {
    const session = sessionFrom(req);
    if (!session) return sendError(res, 404, 'SessionNotFound', 'There is no login session.');
    const tokens = await mintUserTokens(ctx, session.user);
    sendJson(res, 200, { access_token: tokens.accessToken, id_token: tokens.idToken, expires_in: tokens.expiresIn, token_type: 'Bearer' });
  });

  router.on('DELETE', '/api/session', (req, res) => {
    const session = sessionFrom(req);
    if (session) ctx.store.delete('session', session.sessionId);
    res.setHeader('Set-Cookie', sessionCookie('', 0));
    sendEmpty(res, 204);
  });

  router.on('GET', '/logout', (req, res) => {
    const target = req.url.searchParams.get('redirect_uri');
    if (!target || !ctx.isAllowedRedirect(target)) {
      return sendHtml(res, 400, errorPage('Cannot sign out', 'The redirect_uri is missing or not on an allowed origin.'));
    }
    const session = sessionFrom(req);
    if (session) ctx.store.delete('session', session.sessionId);
    redirect(res, target, { 'Set-Cookie': sessionCookie('', 0) });
  });

  router.on('GET', '/.well-known/openid-configuration', (_req, res) => {
    sendJson(res, 200, {
      issuer: ctx.issuer,
      authorization_endpoint: `${ctx.issuer}/login`,
      jwks_uri: `${ctx.issuer}/.well-known/openid-configuration/jwks`,
      end_session_endpoint: `${ctx.issuer}/logout`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['EdDSA'],
      code_challenge_methods_supported: ['S256'],
    });
  });

  router.on('GET', '/.well-known/openid-configuration/jwks', (_req, res) => {
    sendJson(res, 200, { keys: [ctx.signingKey.publicJwk] });
  });

  // @authress/sdk TokenVerifier fetches `${iss}/.well-known/openid-configuration/jwks` for service-client tokens too.
  router.on('GET', '/v1/clients/:clientId/.well-known/openid-configuration/jwks', (req, res) => {
    const keys = ctx.store.list<ServiceClientKey>('serviceClientKey').filter((key) => key.clientId === req.params['clientId']);
    if (keys.length === 0) return sendError(res, 404, 'NotFound', 'Unknown service client.');
    sendJson(res, 200, { keys: keys.map((key) => key.publicJwk) });
  });
}
