// GET/PUT /accounts/{accountId}/sso: one Authress connection (con_{accountId}) and one tenant
// (tenantId = accountId) per account. The client secret goes to Authress and nowhere else.
import type { Hono } from 'hono';
import { AuthressStatusError, type ConnectionBody } from '../authress.js';
import { checkCertificate, type CertificateInfo } from '../certificate.js';
import type { SsoRow } from '../db.js';
import { checkDomain, normalizeDomain } from '../domains.js';
import { ProblemError, validationFailed, type FieldProblem } from '../problems.js';
import { accountIdParam, authenticate, json, readJson, type Env } from '../request.js';
import { createKeyedLock } from '../serialize.js';
import type { Services } from '../services.js';
import { checkIdpUrl } from '../url-guard.js';

interface OAuth2Input { type: 'oauth2'; domains: string[]; authorizationUrl: string; tokenUrl: string; clientId: string; clientSecret?: string; scopes?: string[]; issuer?: string }
interface SamlInput { type: 'saml'; domains: string[]; ssoUrl: string; entityId: string; certificate: string }
type SsoInput = OAuth2Input | SamlInput;

interface OAuth2Stored { authorizationUrl: string; tokenUrl: string; clientId: string; scopes: string[]; issuer: string | null }
interface SamlStored { ssoUrl: string; entityId: string; certificate: CertificateInfo }

const DEFAULT_SCOPES = ['openid', 'profile', 'email'];
/** Authress limits tenantLookupIdentifier to 64 characters. */
const LOOKUP_IDENTIFIER_MAX = 64;

export const connectionIdFor = (accountId: string) => `con_${accountId}`;

/** What the customer's IT admin enters in their IdP (the emulator's convention; real Authress shows the same in its portal). */
export function serviceProvider(authressUrl: string, accountId: string) {
  const saml = `${authressUrl}/api/authentication/saml/${connectionIdFor(accountId)}`;
  return { redirectUrl: `${authressUrl}/api/authentication/oauth/callback`, acsUrl: `${saml}/acs`, entityId: saml };
}

function view(s: Services, accountId: string, row: SsoRow | undefined) {
  const base = { accountId, serviceProvider: serviceProvider(s.config.authressUrl, accountId) };
  if (!row) return { ...base, configured: false, type: null, domains: [], updatedAt: null };
  const settings = JSON.parse(row.settings_json) as OAuth2Stored | SamlStored;
  const domains = s.db.sso.domainsOf(accountId).sort();
  const common = { ...base, configured: true, type: row.type, domains, updatedAt: new Date(row.updated_at).toISOString() };
  return row.type === 'oauth2'
    ? { ...common, oauth2: { ...(settings as OAuth2Stored), clientSecretSet: row.client_secret_set === 1 } }
    : { ...common, saml: settings as SamlStored };
}

export function registerSsoRoutes(app: Hono<Env>, s: Services): void {
  const ssoSaves = createKeyedLock();

  app.get('/accounts/:accountId/sso', async (c) => {
    c.set('operationId', 'getSsoConfiguration');
    const userId = await authenticate(c, s);
    const accountId = accountIdParam(c);
    await s.access.requireAccount(userId, accountId, s.contract.permissionFor('getSsoConfiguration'));
    return json(200, view(s, accountId, s.db.sso.get(accountId)));
  });

  app.put('/accounts/:accountId/sso', async (c) => {
    c.set('operationId', 'saveSsoConfiguration');
    const userId = await authenticate(c, s);
    const accountId = accountIdParam(c);
    const account = await s.access.requireAccount(userId, accountId, s.contract.permissionFor('saveSsoConfiguration'));
    const input = await readJson<SsoInput>(c, s, 'SsoConfigurationInput');
    // Saves of one account run one at a time: two interleaved saves would both claim their domain
    // sets here while Authress keeps only the last tenant, leaving a domain claimed by nobody's config.
    const release = await ssoSaves(accountId);
    try {
      const existing = s.db.sso.get(accountId);

      // ---- validation: collect every field problem, then answer once -------------------------
      const errors: FieldProblem[] = [];
      const domains = [...new Set(input.domains.map(normalizeDomain))];
      input.domains.forEach((raw, i) => {
        const code = checkDomain(normalizeDomain(raw));
        if (code) errors.push({ pointer: `/domains/${i}`, code, detail: code === 'public-email-domain' ? 'Public email domains cannot route to a company identity provider.' : 'Not a domain name.' });
      });
      if (domains[0] && domains[0].length > LOOKUP_IDENTIFIER_MAX && !errors.some((e) => e.pointer === '/domains/0')) {
        errors.push({ pointer: '/domains/0', code: 'too-long', detail: `The first domain is the tenant lookup identifier (at most ${LOOKUP_IDENTIFIER_MAX} characters).` });
      }
      const guard = { allowLoopback: s.config.allowLoopbackIdp, resolve: s.resolve, timeoutMs: s.config.dnsTimeoutMs };
      const urlFields: Array<[string, string | undefined]> = input.type === 'oauth2'
        ? [['/authorizationUrl', input.authorizationUrl], ['/tokenUrl', input.tokenUrl], ['/issuer', input.issuer]]
        : [['/ssoUrl', input.ssoUrl]];
      const urlCodes = await Promise.all(urlFields.map(([, url]) => (url === undefined ? Promise.resolve(undefined) : checkIdpUrl(url, guard))));
      urlFields.forEach(([pointer, url], i) => {
        const code = urlCodes[i];
        if (code) {
          s.log('warn', 'idp-url-rejected', { accountId, field: pointer, code, host: safeHost(url!) });
          errors.push({ pointer, code, detail: URL_DETAILS[code] });
        }
      });
      let certificate: { pem: string; info: CertificateInfo } | undefined;
      if (input.type === 'oauth2') {
        const secretStored = existing?.type === 'oauth2' && existing.client_secret_set === 1;
        if (!input.clientSecret && !secretStored) errors.push({ pointer: '/clientSecret', code: 'client-secret-required', detail: 'Enter the client secret.' });
      } else {
        const checked = checkCertificate(input.certificate, new Date(s.now()));
        if (checked.ok) certificate = checked;
        else errors.push({ pointer: '/certificate', code: checked.code, detail: CERTIFICATE_DETAILS[checked.code] });
      }
      if (errors.length > 0) throw validationFailed(errors);

      // ---- one account per domain: claimed atomically before anything reaches Authress --------
      const previousDomains = s.db.sso.domainsOf(accountId);
      const claim = s.db.sso.claimDomains(accountId, domains);
      if (claim.taken.length > 0) {
        throw new ProblemError('sso-domain-taken', {
          errors: claim.taken.map((domain) => ({ pointer: `/domains/${input.domains.findIndex((raw) => normalizeDomain(raw) === domain)}`, code: 'domain-taken', detail: 'Another account already uses this domain.' })),
        });
      }

      const connectionId = connectionIdFor(accountId);
      const connection: ConnectionBody = input.type === 'oauth2'
        ? {
          connectionId,
          type: 'OAUTH2',
          authenticationUrl: input.authorizationUrl,
          tokenUrl: input.tokenUrl,
          issuerUrl: input.issuer ?? new URL(input.authorizationUrl).origin,
          clientId: input.clientId,
          // Omitted when unchanged: Authress keeps the stored secret (we never hold it to send back).
          ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}),
          defaultConnectionProperties: { scope: (input.scopes ?? DEFAULT_SCOPES).join(' ') },
          data: { tenantId: accountId, name: account.name },
        }
        : {
          connectionId,
          type: 'SAML2',
          authenticationUrl: input.ssoUrl,
          issuerUrl: input.entityId,
          providerCertificate: certificate!.pem,
          data: { tenantId: accountId, name: account.name },
        };
      try {
        await s.authress.saveConnection(connection, existing !== undefined);
        await s.authress.saveTenant({
          tenantId: accountId,
          tenantLookupIdentifier: domains[0],
          data: { name: account.name },
          connection: { connectionId },
          domains: domains.map((domain) => ({ domain })),
        }, existing !== undefined);
      } catch (error) {
        s.db.sso.releaseDomains(accountId, claim.claimed);
        if (error instanceof AuthressStatusError && error.status === 409 && (error.operation === 'createTenant' || error.operation === 'updateTenant')) {
          // Authress routes the lookup identifier (the first domain) or a domain to another tenant,
          // one our database does not know of. It does not say which: point at the first domain.
          s.log('warn', 'sso-domain-taken-at-authress', { accountId, domains: domains.length });
          throw new ProblemError('sso-domain-taken', {
            errors: [{ pointer: '/domains/0', code: 'domain-taken', detail: 'Another account already uses this domain.' }],
          });
        }
        throw error;
      }
      s.db.sso.releaseDomains(accountId, previousDomains.filter((domain) => !domains.includes(domain)));

      const settings: OAuth2Stored | SamlStored = input.type === 'oauth2'
        ? { authorizationUrl: input.authorizationUrl, tokenUrl: input.tokenUrl, clientId: input.clientId, scopes: input.scopes ?? DEFAULT_SCOPES, issuer: input.issuer ?? null }
        : { ssoUrl: input.ssoUrl, entityId: input.entityId, certificate: certificate!.info };
      s.db.sso.upsert({
        account_id: accountId,
        type: input.type,
        settings_json: JSON.stringify(settings),
        client_secret_set: input.type === 'oauth2' && (input.clientSecret !== undefined || existing?.client_secret_set === 1) ? 1 : 0,
        updated_at: s.now(),
      });
      s.log('info', 'sso-saved', { accountId, type: input.type, domains: domains.length, secretChanged: input.type === 'oauth2' && input.clientSecret !== undefined });
      return json(200, view(s, accountId, s.db.sso.get(accountId)));
    } finally {
      release();
    }
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '(unparsable)';
  }
}

const URL_DETAILS: Record<string, string> = {
  'invalid-url': 'Enter an absolute URL.',
  'url-not-https': 'The URL must start with https://.',
  'url-has-credentials': 'The URL must not contain a user name or password.',
  'url-not-public': 'The host must be a public internet address.',
  'url-unresolvable': 'The host name could not be resolved.',
};

const CERTIFICATE_DETAILS: Record<string, string> = {
  'certificate-invalid': 'Paste the PEM X.509 certificate (-----BEGIN CERTIFICATE-----).',
  'certificate-private-key': 'This is a private key. Paste the certificate instead, and treat the key as exposed.',
  'certificate-expired': 'The certificate has expired.',
  'certificate-not-yet-valid': 'The certificate is not valid yet.',
  'certificate-weak-key': 'The key is too weak (RSA needs 2048 bits or more, EC 256 bits or more).',
  'certificate-weak-signature': 'The certificate is signed with SHA-1 or MD5.',
};
