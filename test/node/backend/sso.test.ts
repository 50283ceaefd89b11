// SSO save validation: SSRF guard, certificates, domains, and the write-only client secret.
import 'reflect-metadata';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { after, before, test } from 'node:test';
import * as x509 from '@peculiar/x509';
import { AuthressClient } from '../../../demo/backend/sdk.js';
import { SECRET_CANARY, captured, createAccount, oauth2Body, setup, type Harness } from './helpers.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

let h: Harness;
let owner: string;
let accountId: string;
before(async () => {
  // Production settings: no loopback exception.
  h = await setup({ backend: { allowLoopbackIdp: false } });
  owner = await h.token('google|it-admin@bigco.test');
  accountId = await createAccount(h, owner, 'BigCo');
});
after(async () => { await h.close(); });

const save = (body: unknown, id = accountId, token = owner) => h.api('PUT', `/accounts/${id}/sso`, { token, body });
const publicOauth = (overrides: Record<string, unknown> = {}) => oauth2Body(['bigco.test'], {
  authorizationUrl: 'https://idp.bigco.example/authorize', tokenUrl: 'https://idp.bigco.example/token', ...overrides,
});

test('SSRF: IdP URLs must be https to public unicast hosts, in every spelling', async () => {
  const table: Array<[string, string]> = [
    ['http://idp.example.com/token', 'url-not-https'],
    ['https://127.0.0.1/token', 'url-not-public'],
    ['https://[::1]/token', 'url-not-public'],
    ['https://169.254.169.254/latest/meta-data', 'url-not-public'],
    ['https://2130706433/', 'url-not-public'],
    ['https://0177.0.0.1/', 'url-not-public'],
    ['https://0x7f.1/', 'url-not-public'],
    ['https://127.1/', 'url-not-public'],
    ['https://[::ffff:127.0.0.1]/', 'url-not-public'],
    ['https://0.0.0.0/', 'url-not-public'],
    ['https://100.64.0.1/', 'url-not-public'],
    ['https://[fd00::1]/', 'url-not-public'],
    ['https://[fe80::1]/', 'url-not-public'],
    ['https://localhost/token', 'url-not-public'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'url-not-public'],
    ['https://internal.example.net/token', 'url-not-public'],
    ['https://mixed.example.net/token', 'url-not-public'],
    ['https://user:pw@idp.example.com/token', 'url-has-credentials'],
    ['https://idp.example.com@127.0.0.1/token', 'url-has-credentials'],
    ['javascript:alert(1)', 'url-not-https'],
    ['file:///etc/passwd', 'url-not-https'],
    ['https://nowhere.invalid/token', 'url-unresolvable'],
    ['not a url', 'invalid-url'],
  ];
  for (const [url, code] of table) {
    const res = await save(publicOauth({ tokenUrl: url }));
    assert.equal(res.status, 422, `${url}: ${res.text}`);
    assert.equal(res.body.type, 'urn:authress-onboarding:problem:validation-failed');
    assert.deepEqual(res.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/tokenUrl', code]], url);
  }
  assert.equal(h.emu.state.connections().length, 0, 'nothing reached Authress');
  assert.ok(h.logs.some((line) => line.includes('"idp-url-rejected"')), 'SSRF rejections are logged');
  const ok = await save(publicOauth());
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.oauth2.issuer, null);
});

test('the loopback dev flag admits only loopback, never private addresses', async () => {
  const dev = await setup({ emulator: h.emu, backend: { allowLoopbackIdp: true } });
  try {
    const token = await dev.token('google|dev@devco.test');
    const id = await createAccount(dev, token, 'DevCo');
    assert.equal((await dev.api('PUT', `/accounts/${id}/sso`, { token, body: oauth2Body(['devco.test']) })).status, 200);
    const priv = await dev.api('PUT', `/accounts/${id}/sso`, { token, body: oauth2Body(['devco.test'], { tokenUrl: 'http://10.0.0.5/token' }) });
    assert.equal(priv.body.errors[0].code, 'url-not-https');
    const privHttps = await dev.api('PUT', `/accounts/${id}/sso`, { token, body: oauth2Body(['devco.test'], { tokenUrl: 'https://10.0.0.5/token' }) });
    assert.equal(privHttps.body.errors[0].code, 'url-not-public');
  } finally {
    await dev.close();
  }
});

async function mintCertificate(options: { bits?: number; hash?: string; ec?: boolean; notBefore?: Date; notAfter?: Date } = {}) {
  const algorithm = options.ec
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', hash: options.hash ?? 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: options.bits ?? 2048 };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0a1b2c',
    name: 'CN=idp.bigco.test, O=BigCo',
    notBefore: options.notBefore ?? new Date(Date.now() - 86_400_000),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * 86_400_000),
    signingAlgorithm: options.ec ? { name: 'ECDSA', hash: 'SHA-256' } : algorithm,
    keys: keys,
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  return { pem: cert.toString('pem'), privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----`, cert };
}

const samlBody = (certificate: string, overrides: Record<string, unknown> = {}) => ({
  type: 'saml', domains: ['bigco.test'], ssoUrl: 'https://idp.bigco.example/saml/sso', entityId: 'https://idp.bigco.example/entity', certificate, ...overrides,
});

test('SAML: certificates are parsed and weak, expired or wrong ones refused with distinct codes', async () => {
  const good = await mintCertificate();
  const [expired, early, weak, sha1, ec] = await Promise.all([
    mintCertificate({ notBefore: new Date(Date.now() - 20 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) }),
    mintCertificate({ notBefore: new Date(Date.now() + 86_400_000) }),
    mintCertificate({ bits: 1024 }),
    mintCertificate({ hash: 'SHA-1' }),
    mintCertificate({ ec: true }),
  ]);
  const cases: Array<[string, string]> = [
    ['-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----', 'certificate-invalid'],
    ['hello world', 'certificate-invalid'],
    [good.privateKeyPem, 'certificate-private-key'],
    [`${good.pem}\n${good.privateKeyPem}`, 'certificate-private-key'],
    [expired.pem, 'certificate-expired'],
    [early.pem, 'certificate-not-yet-valid'],
    [weak.pem, 'certificate-weak-key'],
    [sha1.pem, 'certificate-weak-signature'],
  ];
  for (const [certificate, code] of cases) {
    const res = await save(samlBody(certificate));
    assert.equal(res.status, 422, `${code}: ${res.text}`);
    assert.deepEqual(res.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/certificate', code]]);
  }
  const saved = await save(samlBody(good.pem));
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.body.type, 'saml');
  assert.equal(saved.body.saml.certificate.fingerprintSha256, (await good.cert.getThumbprint('SHA-256').then((b) => Buffer.from(b).toString('hex').toUpperCase().match(/../g)!.join(':'))));
  assert.match(saved.body.saml.certificate.subject, /CN=idp\.bigco\.test/);
  const connection = h.emu.state.connections().find((c) => c.connectionId === `con_${accountId}`)!;
  assert.equal(connection.type, 'SAML2');
  assert.equal(connection.authenticationUrl, 'https://idp.bigco.example/saml/sso');
  assert.equal(connection.issuerUrl, 'https://idp.bigco.example/entity');
  assert.match(String(connection.providerCertificate), /^-----BEGIN CERTIFICATE-----/);
  // Bare base64 (as some IdPs display it) and EC P-256 are fine.
  const bare = good.pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  assert.equal((await save(samlBody(bare))).status, 200);
  assert.equal((await save(samlBody(ec.pem))).status, 200);

  // Switching back to OAuth2 needs a secret again: the SAML save cleared it.
  const { clientSecret: _drop, ...noSecret } = publicOauth();
  const missing = await save(noSecret);
  assert.deepEqual(missing.body.errors.map((e: { code: string }) => e.code), ['client-secret-required']);
});

test('domains: syntax, public webmail, and one account per domain', async () => {
  const bad = await save(publicOauth({ domains: ['gmail.com', 'localhost', '10.0.0.1', 'Outlook.COM'] }));
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]),
    [['/domains/0', 'public-email-domain'], ['/domains/1', 'invalid-domain'], ['/domains/2', 'invalid-domain'], ['/domains/3', 'public-email-domain']]);
  const syntax = await save(publicOauth({ domains: ['not_a_domain'] }));
  assert.deepEqual(syntax.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/domains/0', 'invalid-domain']]);

  assert.equal((await save(publicOauth({ domains: ['bigco.test', 'bigco-eu.test'] }))).status, 200);
  const rivalToken = await h.token('google|rival@rival.test');
  const rival = await createAccount(h, rivalToken, 'Rival');
  const taken = await save(publicOauth({ domains: ['rival.test', 'BIGCO-EU.test'] }), rival, rivalToken);
  assert.equal(taken.status, 409);
  assert.equal(taken.body.type, 'urn:authress-onboarding:problem:sso-domain-taken');
  assert.deepEqual(taken.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/domains/1', 'domain-taken']]);
  assert.equal(h.emu.state.tenants().some((t) => t.tenantId === rival), false, 'nothing reached Authress');
  // Once BigCo drops the domain, it is free again.
  assert.equal((await save(publicOauth({ domains: ['bigco.test'] }))).status, 200);
  assert.equal((await save(publicOauth({ domains: ['rival.test', 'bigco-eu.test'] }), rival, rivalToken)).status, 200);
});

const pairs = (res: { body: { errors: Array<{ pointer: string; code: string }> } }) => res.body.errors.map((e) => [e.pointer, e.code]);

test('a domain Authress already routes to a tenant we do not know → 409 sso-domain-taken, never 500', async () => {
  // A tenant created outside this backend (another deployment, the Authress portal) holds ghost.test.
  const service = new AuthressClient({ authressApiUrl: h.emu.url }, h.emu.accessKey);
  await service.tenants.createTenant({ tenantId: 'ten_outside', tenantLookupIdentifier: 'ghost.test', domains: [{ domain: 'ghost.test' }, { domain: 'ghost-eu.test' }] });
  const token = await h.token('google|admin@haunted.test');
  const haunted = await createAccount(h, token, 'Haunted');

  // First save (create → 409 for the lookup identifier, and the tenant id does not exist).
  const first = await save(publicOauth({ domains: ['ghost.test'] }), haunted, token);
  assert.equal(first.status, 409, first.text);
  assert.equal(first.body.type, 'urn:authress-onboarding:problem:sso-domain-taken');
  assert.deepEqual(pairs(first), [['/domains/0', 'domain-taken']]);
  const none = await h.api('GET', `/accounts/${haunted}/sso`, { token });
  assert.equal(none.body.configured, false);
  assert.deepEqual(none.body.domains, [], 'the local claim was released');
  assert.ok(h.logs.some((line) => line.includes('"sso-domain-taken-at-authress"')));

  // The connection of the failed attempt exists at Authress: create → 409 → confirmed → update.
  const ok = await save(publicOauth({ domains: ['haunted.test'] }), haunted, token);
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(h.emu.state.tenants().find((t) => t.tenantId === haunted)?.domains, [{ domain: 'haunted.test' }]);

  // Later save (update → 409 for a domain): same answer, and the earlier configuration stands.
  const later = await save(publicOauth({ domains: ['haunted.test', 'ghost-eu.test'] }), haunted, token);
  assert.equal(later.status, 409, later.text);
  assert.deepEqual(pairs(later), [['/domains/0', 'domain-taken']]);
  assert.deepEqual((await h.api('GET', `/accounts/${haunted}/sso`, { token })).body.domains, ['haunted.test']);
  assert.deepEqual(h.emu.state.tenants().find((t) => t.tenantId === haunted)?.domains, [{ domain: 'haunted.test' }]);
  assert.deepEqual(h.emu.state.tenants().find((t) => t.tenantId === 'ten_outside')?.domains, [{ domain: 'ghost.test' }, { domain: 'ghost-eu.test' }]);
  // The domain is free in our database, so another account is refused by Authress, not by us.
  assert.equal((await save(publicOauth({ domains: ['ghost-eu.test'] }), accountId)).status, 409);
});

test('a tenant that exists at Authress but not in our database is updated, not reported as taken', async () => {
  const token = await h.token('google|admin@stale.test');
  const stale = await createAccount(h, token, 'Stale');
  const service = new AuthressClient({ authressApiUrl: h.emu.url }, h.emu.accessKey);
  await service.tenants.createTenant({ tenantId: stale, tenantLookupIdentifier: 'stale-old.test', domains: [{ domain: 'stale-old.test' }] });
  const res = await save(publicOauth({ domains: ['stale.test'] }), stale, token);
  assert.equal(res.status, 200, res.text);
  const tenant = h.emu.state.tenants().find((t) => t.tenantId === stale);
  assert.equal(tenant?.tenantLookupIdentifier, 'stale.test');
  assert.deepEqual(tenant?.domains, [{ domain: 'stale.test' }]);
});

test('concurrent saves of one account run one after the other: local domains match the Authress tenant', async () => {
  // The first tenant write of each round is held back, so if the two saves interleaved, the other
  // save would overtake it at Authress and the two sides would end up with different domains.
  const sdk = new AuthressClient({ authressApiUrl: h.emu.url }, h.emu.accessKey);
  let holdNextTenantWrite = false;
  const held = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A) => {
    if (holdNextTenantWrite) {
      holdNextTenantWrite = false;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return fn(...args);
  };
  sdk.tenants.createTenant = held(sdk.tenants.createTenant.bind(sdk.tenants));
  sdk.tenants.updateTenant = held(sdk.tenants.updateTenant.bind(sdk.tenants));
  const racy = await setup({ emulator: h.emu, backend: { allowLoopbackIdp: false }, deps: { authressClient: sdk } });
  try {
    const token = await racy.token('google|admin@racy.test');
    const racyId = await createAccount(racy, token, 'Racy');
    for (const round of [1, 2]) {
      holdNextTenantWrite = true;
      const bodies = [[`racy-a${round}.test`], [`racy-b${round}.test`, `racy-c${round}.test`]].map((domains) => publicOauth({ domains }));
      const responses = await Promise.all(bodies.map((body) => racy.api('PUT', `/accounts/${racyId}/sso`, { token, body })));
      assert.deepEqual(responses.map((r) => r.status), [200, 200], responses.map((r) => r.text).join('\n'));
      const local = (await racy.api('GET', `/accounts/${racyId}/sso`, { token })).body.domains as string[];
      const remote = h.emu.state.tenants().find((t) => t.tenantId === racyId)?.domains?.map((d) => d.domain).sort();
      assert.deepEqual(local, remote, `round ${round}: every domain claimed locally is routed by Authress`);
      assert.ok([[`racy-a${round}.test`], [`racy-b${round}.test`, `racy-c${round}.test`]].some((set) => JSON.stringify(set) === JSON.stringify(local)), `one save wins whole: ${local.join(',')}`);
    }
  } finally {
    await racy.close();
  }
});

test('validation: unknown fields, wrong types and first-save secret are reported by pointer', async () => {
  const token = await h.token('google|fresh@fresh.test');
  const fresh = await createAccount(h, token, 'Fresh');
  const { clientSecret: _drop, ...noSecret } = publicOauth({ domains: ['fresh.test'] });
  const missing = await save(noSecret, fresh, token);
  assert.deepEqual(missing.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/clientSecret', 'client-secret-required']]);
  const extra = await save({ ...publicOauth({ domains: ['fresh.test'] }), isAdmin: true }, fresh, token);
  assert.deepEqual(extra.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/isAdmin', 'unknown-field']]);
  const wrongType = await save({ type: 'ldap', domains: ['fresh.test'] }, fresh, token);
  assert.equal(wrongType.status, 422);
  assert.equal(wrongType.body.errors[0].pointer, '/type');
});

test('the client secret never appears in any response or log line', () => {
  assert.ok(captured.length > 20);
  assert.ok(!captured.join('\n').includes(SECRET_CANARY));
  assert.ok(!h.logs.join('\n').includes(SECRET_CANARY));
  assert.ok(h.emu.state.connections().some((c) => c.clientSecret === SECRET_CANARY), 'but Authress has it');
});
