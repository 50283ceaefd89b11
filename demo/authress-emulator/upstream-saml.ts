// The emulator as a SAML 2.0 service provider of a tenant's IdP (@node-saml/node-saml): an
// AuthnRequest over HTTP-Redirect, the signed Response over HTTP-POST to
// <emulator>/api/authentication/saml/{connectionId}/acs. Checks: the assertion signature against
// the connection's providerCertificate only (KeyInfo ignored), Audience = our entity id, assertion
// Issuer = the connection's issuerUrl, InResponseTo = a request id we issued for this connection and this
// RelayState (single use), validity window with ≤ 2 min skew, SubjectConfirmation Recipient = our
// ACS URL, and each assertion ID used once.
import { SAML, ValidateInResponseTo, type CacheItem, type CacheProvider, type Profile } from '@node-saml/node-saml';
import type { EmulatorContext } from './context.js';
import { UpstreamLoginError } from './upstream-oauth.js';
import type { AuthenticationRequest, Connection, UserProfile } from './types.js';

export const SAML_PATH_PREFIX = '/api/authentication/saml';
const CLOCK_SKEW_MS = 2 * 60 * 1000;
const REQUEST_TTL_MS = 15 * 60 * 1000;
const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** An AuthnRequest ID we issued, keyed `<connectionId>|<requestId>` in the store. */
interface SamlRequestRecord { requestId: string; connectionId: string; authenticationRequestId: string; createdAt: number }
interface SamlAssertionRecord { assertionId: string; connectionId: string; usedAt: number }

export function samlEntityId(ctx: EmulatorContext, connectionId: string): string {
  return `${ctx.issuer}${SAML_PATH_PREFIX}/${encodeURIComponent(connectionId)}`;
}

export function samlAcsUrl(ctx: EmulatorContext, connectionId: string): string {
  return `${samlEntityId(ctx, connectionId)}/acs`;
}

export function isSamlConnection(connection: Connection): boolean {
  return (connection.type ?? '').toUpperCase() === 'SAML2';
}

/**
 * node-saml's InResponseTo cache, in the emulator's SQLite. Bound to one connection and one
 * authentication request (the RelayState), so a response only matches an AuthnRequest that this
 * emulator sent for exactly that connection and that sign-in attempt.
 */
class RequestIdCache implements CacheProvider {
  constructor(private readonly ctx: EmulatorContext, private readonly connectionId: string, private readonly authenticationRequestId: string) {}

  private key(requestId: string): string { return `${this.connectionId}|${requestId}`; }

  saveAsync(requestId: string, value: string): Promise<CacheItem | null> {
    const record: SamlRequestRecord = {
      requestId, connectionId: this.connectionId, authenticationRequestId: this.authenticationRequestId, createdAt: this.ctx.now(),
    };
    this.ctx.store.put('samlRequest', this.key(requestId), record);
    return Promise.resolve({ value, createdAt: record.createdAt });
  }

  getAsync(requestId: string): Promise<string | null> {
    const record = this.ctx.store.get<SamlRequestRecord>('samlRequest', this.key(requestId));
    const valid = record && record.authenticationRequestId === this.authenticationRequestId
      && this.ctx.now() - record.createdAt <= REQUEST_TTL_MS;
    return Promise.resolve(valid ? new Date(record.createdAt).toISOString() : null);
  }

  removeAsync(requestId: string | null): Promise<string | null> {
    if (requestId) this.ctx.store.delete('samlRequest', this.key(requestId));
    return Promise.resolve(requestId);
  }
}

function serviceProvider(ctx: EmulatorContext, connection: Connection, authenticationRequestId: string): SAML {
  if (!connection.authenticationUrl || !connection.providerCertificate) {
    throw new UpstreamLoginError(400, 'SSO is not configured', `The SAML connection ${connection.connectionId} has no SSO URL or signing certificate.`);
  }
  const entityId = samlEntityId(ctx, connection.connectionId);
  return new SAML({
    entryPoint: connection.authenticationUrl,
    callbackUrl: samlAcsUrl(ctx, connection.connectionId),
    issuer: entityId,
    audience: entityId,
    // Only the configured certificate: node-saml never trusts a certificate carried in KeyInfo.
    idpCert: connection.providerCertificate,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    cacheProvider: new RequestIdCache(ctx, connection.connectionId, authenticationRequestId),
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    signatureAlgorithm: 'sha256',
    identifierFormat: NAMEID_EMAIL,
    disableRequestedAuthnContext: true,
  });
}

/** Returns the IdP SSO URL (HTTP-Redirect binding, RelayState = the authentication request id). */
export async function beginSamlLogin(ctx: EmulatorContext, request: AuthenticationRequest, connection: Connection): Promise<string> {
  return serviceProvider(ctx, connection, request.authenticationRequestId)
    .getAuthorizeUrlAsync(request.authenticationRequestId, undefined, {});
}

/** SP metadata for `GET <emulator>/api/authentication/saml/{connectionId}` (the entity id resolves to it). */
export function samlMetadata(ctx: EmulatorContext, connection: Connection): string {
  return serviceProvider(ctx, connection, '').generateServiceProviderMetadata(null);
}

function firstString(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.length > 0 ? first : undefined;
}

type XmlJs = Record<string, unknown> & { $?: Record<string, string> };

/** SubjectConfirmationData Recipient values of the signed assertion (node-saml does not check them). */
function recipients(profile: Profile): string[] {
  const parsed = profile.getAssertion?.() as { Assertion?: XmlJs } | undefined;
  const subjects = (parsed?.Assertion?.['Subject'] ?? []) as XmlJs[];
  return subjects.flatMap((subject) => (subject['SubjectConfirmation'] ?? []) as XmlJs[])
    .flatMap((confirmation) => (confirmation['SubjectConfirmationData'] ?? []) as XmlJs[])
    .map((data) => data.$?.['Recipient'] ?? '');
}

/** Handles the ACS POST; returns the authentication request id (RelayState) and the signed-in user. */
export async function finishSamlLogin(ctx: EmulatorContext, connectionId: string, body: Record<string, unknown>): Promise<{ authenticationRequestId: string; user: UserProfile }> {
  const samlResponse = typeof body['SAMLResponse'] === 'string' ? body['SAMLResponse'] : '';
  const relayState = typeof body['RelayState'] === 'string' ? body['RelayState'] : '';
  if (!samlResponse || !relayState) {
    throw new UpstreamLoginError(400, 'Sign-in failed', 'The identity provider did not post a SAMLResponse and RelayState. Start the sign-in from the application.');
  }
  const fail = (status: number, title: string, message: string) => new UpstreamLoginError(status, title, message, relayState);
  const connection = ctx.connection(connectionId);
  if (!connection || !isSamlConnection(connection)) throw fail(404, 'SSO is not configured', `There is no SAML connection ${connectionId}.`);
  const sp = serviceProvider(ctx, connection, relayState);

  let profile: Profile | null;
  try {
    ({ profile } = await sp.validatePostResponseAsync({ SAMLResponse: samlResponse, RelayState: relayState }));
  } catch (error) {
    throw fail(400, 'Sign-in failed', `The SAML response was rejected: ${(error as Error).message}.`);
  }
  if (!profile?.nameID) throw fail(400, 'Sign-in failed', 'The SAML response names no user.');
  // node-saml's idpIssuer option only applies to logout messages: compare the signed assertion's Issuer here.
  if (connection.issuerUrl && profile.issuer !== connection.issuerUrl) {
    throw fail(400, 'Sign-in failed', 'The SAML response was rejected: the assertion was issued by another identity provider.');
  }
  const acsUrl = samlAcsUrl(ctx, connectionId);
  const recipientList = recipients(profile);
  if (recipientList.length === 0 || recipientList.some((recipient) => recipient !== acsUrl)) {
    throw fail(400, 'Sign-in failed', 'The SAML response was rejected: the assertion is addressed to another recipient.');
  }
  const assertionId = (profile.getAssertion?.() as { Assertion?: XmlJs } | undefined)?.Assertion?.$?.['ID'];
  if (!assertionId) throw fail(400, 'Sign-in failed', 'The SAML response was rejected: the assertion has no ID.');
  const replayRecord: SamlAssertionRecord = { assertionId, connectionId, usedAt: ctx.now() };
  if (!ctx.store.insert('samlAssertion', `${connectionId}|${assertionId}`, replayRecord)) {
    throw fail(400, 'Sign-in failed', 'The SAML response was rejected: this assertion has already been used.');
  }

  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const email = firstString(profile.email) ?? firstString(attributes['email'])
    ?? (profile.nameIDFormat === NAMEID_EMAIL ? profile.nameID : undefined);
  const name = firstString(attributes['name']) ?? firstString(attributes['displayName'])
    ?? firstString(attributes['http://schemas.microsoft.com/identity/claims/displayname']);
  return {
    authenticationRequestId: relayState,
    user: { userId: `${connectionId}|${profile.nameID}`, email: email?.toLowerCase(), name, connectionId },
  };
}
