// "Acme Corp" as a SAML 2.0 identity provider (samlify), in-process on loopback, so the emulator's
// SAML2 connections are tested through a genuine exchange: AuthnRequest in over HTTP-Redirect, a
// signed Response/Assertion out over HTTP-POST. The signing certificate (RSA-2048, SHA-256) is
// minted at start unless one is passed in (pass one to keep it stable across demo restarts).
import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as x509 from '@peculiar/x509';
import samlify from 'samlify';
import { ACME_USERS } from './index.js';
import { escapeHtml, idpPage, type IdpUser } from './pages.js';

// samlify refuses to parse anything until a schema validator is registered. This IdP only parses
// AuthnRequests from the local emulator and then checks the fields it uses (issuer, ACS URL, ID)
// itself, so a no-op is acceptable HERE. The emulator's SP side never uses samlify: node-saml
// validates structure and signatures there.
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped: local test IdP only') });

const { binding } = samlify.Constants.namespace;
const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const PENDING_TTL_MS = 15 * 60 * 1000;
const RESPONSE_LIFETIME_MS = 5 * 60 * 1000;

export interface SamlSigningMaterial { privateKeyPem: string; certificatePem: string }

export interface SamlIdpOptions {
  port?: number;
  host?: string;
  /**
   * Exact mode: allowed AssertionConsumerServiceURLs, e.g. `<emulator>/api/authentication/saml/<connectionId>/acs`.
   * Use with `spEntityId`; or use `spPrefix` instead of both.
   */
  acsUrls?: string[];
  /** Exact mode: the SP entity id (the AuthnRequest Issuer and the assertion Audience), e.g. `<emulator>/api/authentication/saml/<connectionId>`. */
  spEntityId?: string;
  /**
   * Prefix mode (the demo, where connection ids exist only once an account is created): accepts an SP
   * whose entity id is `<spPrefix><one path segment of [A-Za-z0-9_-]>` and whose ACS URL is exactly
   * `<entity id>/acs`, e.g. spPrefix `<emulator>/api/authentication/saml/`. Must be an http(s) URL ending in `/`.
   */
  spPrefix?: string;
  users?: IdpUser[];
  /** Default: a fresh RSA-2048/SHA-256 self-signed certificate per start. */
  signing?: SamlSigningMaterial;
}

export interface RunningSamlIdp {
  /** Base URL, e.g. http://127.0.0.1:8891 */
  url: string;
  /** IdP entity id (`issuerUrl` of the connection): `<url>/metadata`. */
  entityId: string;
  /** HTTP-Redirect SSO endpoint (`authenticationUrl` of the connection). */
  ssoUrl: string;
  /** Signing certificate (`providerCertificate` of the connection). */
  certificatePem: string;
  metadataXml: string;
  close(): Promise<void>;
}

function toPem(label: string, der: ArrayBuffer): string {
  const body = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').trim();
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A self-signed RSA-2048 / SHA-256 signing certificate: digitalSignature only, not a CA, valid 1 year. */
export async function mintSamlSigningCertificate(commonName = 'Acme Corp SAML signing (local test)'): Promise<SamlSigningMaterial> {
  x509.cryptoProvider.set(webcrypto as Crypto);
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 60_000);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(16).toString('hex').replace(/^[89a-f]/, '1'),
    name: `CN=${commonName}`,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 365 * 24 * 3600 * 1000),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.BasicConstraintsExtension(false, undefined, true),
    ],
  });
  return {
    privateKeyPem: toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
    certificatePem: certificate.toString('pem'),
  };
}

const ATTRIBUTES_XML = '<saml:AttributeStatement>'
  + '<saml:Attribute Name="email" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue xsi:type="xs:string">{AttrEmail}</saml:AttributeValue></saml:Attribute>'
  + '<saml:Attribute Name="name" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue xsi:type="xs:string">{AttrName}</saml:AttributeValue></saml:Attribute>'
  + '</saml:AttributeStatement>';
const AUTHN_XML = '<saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{AssertionID}"><saml:AuthnContext>'
  + '<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>'
  + '</saml:AuthnContext></saml:AuthnStatement>';

// Submits the SAML POST form when scripts run; the visible button does the same without them.
const AUTOSUBMIT_JS = "const form = document.getElementById('saml-post');\nif (form) form.submit();\n";

/** samlify warns on every IdP without a SingleLogoutService; this test IdP has no logout on purpose. */
export function withoutSloWarning<T>(build: () => T): T {
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('missing endpoint of SingleLogoutService')) return;
    originalWarn(...args);
  };
  try {
    return build();
  } finally {
    console.warn = originalWarn;
  }
}

interface Pending { requestId: string; spEntityId: string; acsUrl: string; relayState?: string; createdAt: number }

const SP_SEGMENT = /^[A-Za-z0-9_-]{1,200}$/;

/** Which SPs the IdP answers: an exact entity id + ACS list, or one URL prefix (see SamlIdpOptions.spPrefix). */
function spPolicy(options: SamlIdpOptions): { acceptsIssuer(issuer: string): boolean; acsFor(issuer: string, requested?: string): string | undefined } {
  if (options.spPrefix !== undefined) {
    if (options.spEntityId !== undefined || options.acsUrls !== undefined) throw new Error('startSamlIdp takes either spPrefix or spEntityId + acsUrls, not both.');
    const prefix = options.spPrefix;
    let parsed: URL;
    try { parsed = new URL(prefix); } catch { throw new Error(`spPrefix must be an absolute URL, got ${JSON.stringify(prefix)}.`); }
    if (!/^https?:$/.test(parsed.protocol) || !prefix.endsWith('/') || parsed.search || parsed.hash || parsed.href !== prefix) {
      throw new Error(`spPrefix must be a normalized http(s) URL ending in "/", got ${JSON.stringify(prefix)}.`);
    }
    const acceptsIssuer = (issuer: string) => issuer.startsWith(prefix) && SP_SEGMENT.test(issuer.slice(prefix.length));
    return {
      acceptsIssuer,
      // The ACS is derived from the entity id; a request naming any other ACS is refused.
      acsFor: (issuer, requested) => {
        const expected = `${issuer}/acs`;
        return acceptsIssuer(issuer) && (requested === undefined || requested === expected) ? expected : undefined;
      },
    };
  }
  const acsUrls = options.acsUrls ?? [];
  if (acsUrls.length === 0 || !options.spEntityId) throw new Error('startSamlIdp needs spEntityId and at least one ACS URL (or spPrefix).');
  const allowed = new Set(acsUrls);
  return {
    acceptsIssuer: (issuer) => issuer === options.spEntityId,
    acsFor: (_issuer, requested) => {
      const acs = requested ?? acsUrls[0];
      return allowed.has(acs) ? acs : undefined;
    },
  };
}

/** The samlify SP object for one service provider (entity id + its one POST ACS). */
function serviceProviderFor(entityId: string, acsUrls: string[]) {
  return samlify.ServiceProvider({
    entityID: entityId,
    wantAssertionsSigned: true,
    assertionConsumerService: acsUrls.map((location) => ({ Binding: binding.post, Location: location })),
  });
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

// No form-action directive: the response page posts to the SP's ACS on another origin, which then
// redirects on to the application (Chromium applies form-action to the whole redirect chain).
function send(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function errorHtml(message: string): string {
  return idpPage('Sign-in error', `<h1>Sign-in error</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}

export async function startSamlIdp(options: SamlIdpOptions): Promise<RunningSamlIdp> {
  const host = options.host ?? '127.0.0.1';
  const users = options.users ?? ACME_USERS;
  const policy = spPolicy(options);
  const signing = options.signing ?? await mintSamlSigningCertificate();

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE'
      ? Object.assign(new Error(`Port ${options.port} on ${host} is already in use.`), { code: 'EADDRINUSE' }) : error));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const entityId = `${url}/metadata`;
  const ssoUrl = `${url}/sso`;

  const idp = withoutSloWarning(() => samlify.IdentityProvider({
    entityID: entityId,
    privateKey: signing.privateKeyPem,
    signingCert: signing.certificatePem,
    nameIDFormat: [NAMEID_EMAIL],
    requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    singleSignOnService: [{ Binding: binding.redirect, Location: ssoUrl }],
  }));
  // Only for reading AuthnRequests (samlify does not check the issuer there; this IdP does, below).
  const requestReader = options.spPrefix !== undefined
    ? serviceProviderFor(`${options.spPrefix}unknown`, [`${options.spPrefix}unknown/acs`])
    : serviceProviderFor(options.spEntityId!, options.acsUrls!);
  const metadataXml = idp.getMetadata();
  const pending = new Map<string, Pending>();

  const handleSso = async (res: ServerResponse, query: URLSearchParams) => {
    const samlRequest = query.get('SAMLRequest');
    if (!samlRequest) return send(res, 400, errorHtml('The request carries no SAMLRequest.'));
    let parsed: { extract: { request?: { id?: string; assertionConsumerServiceUrl?: string }; issuer?: string } };
    try {
      parsed = await idp.parseLoginRequest(requestReader, 'redirect', { query: Object.fromEntries(query), octetString: '' }) as typeof parsed;
    } catch (error) {
      return send(res, 400, errorHtml(`The AuthnRequest could not be read: ${(error as Error).message}`));
    }
    const requestId = parsed.extract.request?.id;
    const issuer = parsed.extract.issuer;
    if (!requestId) return send(res, 400, errorHtml('The AuthnRequest has no ID.'));
    if (!issuer || !policy.acceptsIssuer(issuer)) return send(res, 400, errorHtml(`Unknown service provider "${issuer ?? ''}".`));
    const acsUrl = policy.acsFor(issuer, parsed.extract.request?.assertionConsumerServiceUrl);
    if (!acsUrl) return send(res, 400, errorHtml('The AuthnRequest asks for an assertion consumer URL that is not registered.'));
    const uid = randomBytes(18).toString('base64url');
    pending.set(uid, { requestId, spEntityId: issuer, acsUrl, relayState: query.get('RelayState') ?? undefined, createdAt: Date.now() });
    send(res, 200, idpPage('Sign in to Acme Corp', `<h1>Sign in to Acme Corp</h1>
<p>An application wants you to sign in with SAML. Choose a test user:</p>
<form method="post" action="/sso/login">
<input type="hidden" name="uid" value="${escapeHtml(uid)}">
<ul aria-label="Test users">
${users.map((user) => `<li><button type="submit" name="sub" value="${escapeHtml(user.sub)}">${escapeHtml(user.name)} &lt;${escapeHtml(user.email)}&gt;</button></li>`).join('\n')}
</ul>
</form>
<p class="note">No password is needed: this identity provider exists only for local testing.</p>`));
  };

  const handleLogin = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req);
    const uid = form.get('uid') ?? '';
    const interaction = pending.get(uid);
    pending.delete(uid); // single use
    if (!interaction || Date.now() - interaction.createdAt > PENDING_TTL_MS) {
      return send(res, 400, errorHtml('This sign-in attempt is unknown or has expired. Go back to the application and start again.'));
    }
    const user = users.find((candidate) => candidate.sub === form.get('sub'));
    if (!user) return send(res, 400, errorHtml('Choose one of the listed users.'));
    const now = new Date();
    const later = new Date(now.getTime() + RESPONSE_LIFETIME_MS).toISOString();
    const responseId = `_${randomBytes(20).toString('hex')}`;
    const values = {
      ID: responseId,
      AssertionID: `_${randomBytes(20).toString('hex')}`,
      Destination: interaction.acsUrl,
      Audience: interaction.spEntityId,
      SubjectRecipient: interaction.acsUrl,
      Issuer: entityId,
      IssueInstant: now.toISOString(),
      StatusCode: samlify.Constants.StatusCode.Success,
      ConditionsNotBefore: now.toISOString(),
      ConditionsNotOnOrAfter: later,
      SubjectConfirmationDataNotOnOrAfter: later,
      NameIDFormat: NAMEID_EMAIL,
      NameID: user.email,
      InResponseTo: interaction.requestId,
      AttrEmail: user.email,
      AttrName: user.name,
    };
    const { context: samlResponse } = await idp.createLoginResponse(serviceProviderFor(interaction.spEntityId, [interaction.acsUrl]), { extract: { request: { id: interaction.requestId } } }, 'post', { ...user },
      (template: string) => ({
        id: responseId,
        context: samlify.SamlLib.replaceTagsByValue(template.replace('{AuthnStatement}', AUTHN_XML).replace('{AttributeStatement}', ATTRIBUTES_XML), values),
      }));
    send(res, 200, idpPage('Signing you in', `<h1>Signing you in</h1>
<form method="post" action="${escapeHtml(interaction.acsUrl)}" id="saml-post">
<input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}">
${interaction.relayState ? `<input type="hidden" name="RelayState" value="${escapeHtml(interaction.relayState)}">` : ''}
<p>You are signed in to Acme Corp as ${escapeHtml(user.name)}. Continue to return to the application.</p>
<button type="submit">Continue</button>
</form>
<script src="/assets/autosubmit.js"></script>`));
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const parsedUrl = new URL(req.url ?? '/', url);
    const route = `${req.method} ${parsedUrl.pathname}`;
    const work = route === 'GET /sso' ? handleSso(res, parsedUrl.searchParams)
      : route === 'POST /sso/login' ? handleLogin(req, res)
        : route === 'GET /metadata' ? Promise.resolve(send(res, 200, metadataXml, 'application/samlmetadata+xml; charset=utf-8'))
          : route === 'GET /assets/autosubmit.js' ? Promise.resolve(send(res, 200, AUTOSUBMIT_JS, 'text/javascript; charset=utf-8'))
            : Promise.resolve(send(res, 404, errorHtml('Unknown page.')));
    work.catch((error: Error) => {
      if (res.headersSent) return void res.end();
      send(res, 500, errorHtml(`The identity provider failed: ${error.message}`));
    });
  });

  return {
    url,
    entityId,
    ssoUrl,
    certificatePem: signing.certificatePem,
    metadataXml,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
