// SSO through a real SAML exchange: the emulator as a node-saml service provider, the local Acme
// SAML IdP (samlify) on the other side, driven with plain fetch and manual redirects.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { AuthressClient } from '@authress/sdk';
import { decodeJwt } from 'jose';
import samlify from 'samlify';
import type { RunningEmulator } from '../../../demo/authress-emulator/index.js';
import {
  mintSamlSigningCertificate, startSamlIdp, type RunningSamlIdp, type SamlSigningMaterial,
} from '../../../demo/corporate-idp/index.js';
import { withoutSloWarning } from '../../../demo/corporate-idp/saml.js';
import { APP_ORIGIN, beginLogin, exchangeCode, startEmulator } from './helpers.js';

const CONNECTION_ID = 'con_acme_saml';

const form = (body: Record<string, string>) => ({
  method: 'POST', redirect: 'manual' as const,
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body),
});

const hidden = (html: string, name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1]?.replace(/&amp;/g, '&');

describe('SSO through a SAML2 connection', () => {
  let emulator: RunningEmulator;
  let idp: RunningSamlIdp;
  let rogueIdp: RunningSamlIdp;
  let trusted: SamlSigningMaterial;
  let sdk: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  let spEntityId: string;
  let acsUrl: string;

  before(async () => {
    emulator = await startEmulator();
    spEntityId = `${emulator.url}/api/authentication/saml/${CONNECTION_ID}`;
    acsUrl = `${spEntityId}/acs`;
    trusted = await mintSamlSigningCertificate();
    idp = await startSamlIdp({ port: 0, acsUrls: [acsUrl], spEntityId, signing: trusted });
    // Same SP registration, its own freshly minted certificate: signatures the emulator must refuse.
    rogueIdp = await startSamlIdp({ port: 0, acsUrls: [acsUrl], spEntityId });
    sdk = new AuthressClient({ authressApiUrl: emulator.url }, emulator.accessKey);
    await sdk.connections.createConnection({
      connectionId: CONNECTION_ID, type: 'SAML2', authenticationUrl: idp.ssoUrl, issuerUrl: idp.entityId, providerCertificate: idp.certificatePem,
    });
    await sdk.tenants.createTenant({
      tenantId: 'acme', tenantLookupIdentifier: 'acme.test', data: { name: 'Acme Corp' },
      connection: { connectionId: CONNECTION_ID }, domains: [{ domain: 'acme.test' }],
    });
  });
  after(async () => { await rogueIdp.close(); await idp.close(); await emulator.close(); });

  /** POST /api/authentication → hosted login → 302 to the IdP with an AuthnRequest. */
  const startSaml = async () => {
    const login = await beginLogin(emulator, { tenantLookupIdentifier: 'acme.test' });
    const response = await fetch(login.authenticationUrl, { redirect: 'manual' });
    assert.equal(response.status, 302);
    const redirect = new URL(response.headers.get('location')!);
    assert.equal(`${redirect.origin}${redirect.pathname}`, idp.ssoUrl);
    assert.equal(redirect.searchParams.get('RelayState'), login.authenticationRequestId);
    const authnRequest = inflateRawSync(Buffer.from(redirect.searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
    return { login, redirect, requestId: authnRequest.match(/ID="([^"]+)"/)![1], authnRequest };
  };

  /** Walks the IdP's pages as `sub` and returns the auto-post form's fields. */
  const signInAtIdp = async (redirect: URL, sub: string, via: RunningSamlIdp = idp) => {
    const page = await fetch(`${via.ssoUrl}${redirect.search}`);
    const html = await page.text();
    assert.equal(page.status, 200, html);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/, 'no inline script');
    const posted = await fetch(`${via.url}/sso/login`, form({ uid: hidden(html, 'uid')!, sub }));
    const result = await posted.text();
    assert.equal(posted.status, 200, result);
    assert.equal(result.match(/<form method="post" action="([^"]+)"/)?.[1], acsUrl);
    assert.match(result, /<button type="submit">Continue<\/button>/);
    return { SAMLResponse: hidden(result, 'SAMLResponse')!, RelayState: hidden(result, 'RelayState')! };
  };

  const postToAcs = async (fields: Record<string, string>) => {
    const response = await fetch(acsUrl, form(fields));
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  };

  /** A response signed with the trusted key but built by the test, to vary one field at a time. */
  const forge = async (requestId: string, { audience = spEntityId, assertionId = `_${randomBytes(16).toString('hex')}`, recipient = acsUrl, shiftMs = 0, issuer = idp.entityId } = {}) => {
    const signer = withoutSloWarning(() => samlify.IdentityProvider({
      entityID: issuer, privateKey: trusted.privateKeyPem, signingCert: trusted.certificatePem,
      nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
      requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: idp.ssoUrl }],
    }));
    const sp = samlify.ServiceProvider({
      entityID: audience, wantAssertionsSigned: true,
      assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: acsUrl }],
    });
    const now = new Date(Date.now() + shiftMs);
    const later = new Date(now.getTime() + 5 * 60_000).toISOString();
    const values = {
      ID: `_${randomBytes(16).toString('hex')}`, AssertionID: assertionId, Destination: acsUrl, Audience: audience, SubjectRecipient: recipient,
      Issuer: issuer, IssueInstant: now.toISOString(), StatusCode: samlify.Constants.StatusCode.Success,
      ConditionsNotBefore: now.toISOString(), ConditionsNotOnOrAfter: later, SubjectConfirmationDataNotOnOrAfter: later,
      NameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', NameID: 'carol@acme.test', InResponseTo: requestId,
      AuthnStatement: '', AttributeStatement: '',
    };
    const { context } = await signer.createLoginResponse(sp, { extract: { request: { id: requestId } } }, 'post', {},
      (template: string) => ({ id: values.ID, context: samlify.SamlLib.replaceTagsByValue(template, values) }));
    return context;
  };

  it('signs bob in through the IdP, with the tenant membership and an email id_token', async () => {
    const { login, redirect } = await startSaml();
    const fields = await signInAtIdp(redirect, 'bob');
    assert.equal(fields.RelayState, login.authenticationRequestId);
    const back = await postToAcs(fields);
    assert.equal(back.status, 302, back.html);
    const target = new URL(back.location!);
    assert.equal(target.origin, APP_ORIGIN);
    const exchanged = await exchangeCode(emulator, login, target.searchParams.get('code')!);
    assert.equal(exchanged.status, 200);
    const id = decodeJwt(exchanged.body.id_token);
    assert.equal(id.sub, `${CONNECTION_ID}|bob@acme.test`);
    assert.equal(id.email, 'bob@acme.test');
    assert.equal(id.name, 'Bob Builder');
    assert.equal(id['azp'], CONNECTION_ID);
    assert.ok(emulator.state.tenants().find((t) => t.tenantId === 'acme')?.members.includes(`${CONNECTION_ID}|bob@acme.test`));

    const replay = await postToAcs(fields);
    assert.equal(replay.status, 400, 'a replayed SAMLResponse is refused');
    assert.match(replay.html, /SAML response was rejected/);
  });

  it('consumes an invite for the tenant through the SAML sign-in, like the OAuth path', async () => {
    const inviteId = (await sdk.invites.createInvite({
      tenantId: 'acme', statements: [{ roles: ['Editor'], resources: [{ resourceUri: 'Accounts/acme' }] }],
    })).data.inviteId as string;
    const login = await beginLogin(emulator, { inviteId });
    const response = await fetch(login.authenticationUrl, { redirect: 'manual' });
    const back = await postToAcs(await signInAtIdp(new URL(response.headers.get('location')!), 'carol'));
    assert.equal(back.status, 302, back.html);
    const invite = emulator.state.invites().find((candidate) => candidate.inviteId === inviteId);
    assert.equal(invite?.status, 'used');
    assert.equal(invite?.usedBy, `${CONNECTION_ID}|carol@acme.test`);
  });

  it('refuses an assertion whose NameID was changed after signing', async () => {
    const { redirect } = await startSaml();
    const fields = await signInAtIdp(redirect, 'eve');
    const xml = Buffer.from(fields.SAMLResponse, 'base64').toString('utf8');
    const tampered = xml.replace(/(<saml:NameID[^>]*>)eve@other\.test</, '$1alice@acme.test<');
    assert.notEqual(tampered, xml);
    const result = await postToAcs({ ...fields, SAMLResponse: Buffer.from(tampered).toString('base64') });
    assert.equal(result.status, 400);
    assert.match(result.html, /Invalid signature/);
  });

  it('refuses a response signed with another certificate', async () => {
    const { redirect } = await startSaml();
    const result = await postToAcs(await signInAtIdp(redirect, 'alice', rogueIdp));
    assert.equal(result.status, 400);
    assert.match(result.html, /Invalid signature/);
  });

  it('refuses a wrong audience, recipient or issuer, and an InResponseTo of another sign-in', async () => {
    const first = await startSaml();
    const wrongAudience = await postToAcs({ SAMLResponse: await forge(first.requestId, { audience: 'http://127.0.0.1:1/another-sp' }), RelayState: first.login.authenticationRequestId });
    assert.equal(wrongAudience.status, 400);
    assert.match(wrongAudience.html, /audience/i);

    const second = await startSaml();
    const wrongRecipient = await postToAcs({ SAMLResponse: await forge(second.requestId, { recipient: 'http://127.0.0.1:1/acs' }), RelayState: second.login.authenticationRequestId });
    assert.equal(wrongRecipient.status, 400);
    assert.match(wrongRecipient.html, /another recipient/);

    const fourth = await startSaml();
    const otherIssuer = await postToAcs({ SAMLResponse: await forge(fourth.requestId, { issuer: 'http://127.0.0.1:1/other-idp' }), RelayState: fourth.login.authenticationRequestId });
    assert.equal(otherIssuer.status, 400);
    assert.match(otherIssuer.html, /issued by another identity provider/);

    const third = await startSaml();
    const crossed = await postToAcs({ SAMLResponse: await forge(third.requestId), RelayState: first.login.authenticationRequestId });
    assert.equal(crossed.status, 400, 'RelayState and InResponseTo must belong to the same sign-in');
    assert.match(crossed.html, /InResponseTo/);
  });

  it('allows up to 2 minutes of clock skew, not more', async () => {
    const skewed = async (shiftMs: number) => {
      const { requestId, login } = await startSaml();
      return postToAcs({ SAMLResponse: await forge(requestId, { shiftMs }), RelayState: login.authenticationRequestId });
    };
    const early = await skewed(3 * 60_000);
    assert.equal(early.status, 400);
    assert.match(early.html, /not yet valid/);
    const expired = await skewed(-8 * 60_000); // NotOnOrAfter 3 minutes ago
    assert.equal(expired.status, 400);
    assert.match(expired.html, /expired|No valid subject confirmation/); // node-saml checks SubjectConfirmationData NotOnOrAfter first
    assert.equal((await skewed(90_000)).status, 302, 'an IdP clock 90 s ahead is tolerated');
  });

  it('uses each assertion ID once, even inside a fresh, correctly answered request', async () => {
    const assertionId = `_${randomBytes(16).toString('hex')}`;
    const first = await startSaml();
    const accepted = await postToAcs({ SAMLResponse: await forge(first.requestId, { assertionId }), RelayState: first.login.authenticationRequestId });
    assert.equal(accepted.status, 302, accepted.html);
    const second = await startSaml();
    const reused = await postToAcs({ SAMLResponse: await forge(second.requestId, { assertionId }), RelayState: second.login.authenticationRequestId });
    assert.equal(reused.status, 400);
    assert.match(reused.html, /already been used/);
  });

  it('refuses a user whose email domain is not one of the tenant domains', async () => {
    const { redirect } = await startSaml();
    const result = await postToAcs(await signInAtIdp(redirect, 'eve'));
    assert.equal(result.status, 403);
    assert.match(result.html, /eve@other\.test is not part of Acme Corp/);
  });

  it('publishes IdP and SP metadata and serves pages without inline scripts', async () => {
    const idpMetadata = await fetch(`${idp.url}/metadata`);
    assert.equal(idpMetadata.status, 200);
    assert.equal(await idpMetadata.text(), idp.metadataXml);
    assert.match(idp.metadataXml, /entityID="[^"]+\/metadata"/);
    const spMetadata = await fetch(spEntityId);
    assert.equal(spMetadata.status, 200);
    assert.match(await spMetadata.text(), new RegExp(`Location="${acsUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    const script = await fetch(`${idp.url}/assets/autosubmit.js`);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.match(script.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });
});

describe('the SAML IdP in prefix mode (the demo: connection ids exist only after sign-up)', () => {
  let emulator: RunningEmulator;
  let idp: RunningSamlIdp;
  let sdk: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  let prefix: string;
  const connectionId = 'con_acc_prefixmode01';

  before(async () => {
    emulator = await startEmulator();
    prefix = `${emulator.url}/api/authentication/saml/`;
    idp = await startSamlIdp({ port: 0, spPrefix: prefix, users: [{ sub: 'dana', email: 'dana@prefix.test', name: 'Dana Prefix' }] });
    sdk = new AuthressClient({ authressApiUrl: emulator.url }, emulator.accessKey);
    // Created after the IdP started: the IdP was never told about this connection.
    await sdk.connections.createConnection({
      connectionId, type: 'SAML2', authenticationUrl: idp.ssoUrl, issuerUrl: idp.entityId, providerCertificate: idp.certificatePem,
    });
    await sdk.tenants.createTenant({
      tenantId: 'prefix', tenantLookupIdentifier: 'prefix.test', data: { name: 'Prefix Inc' },
      connection: { connectionId }, domains: [{ domain: 'prefix.test' }],
    });
  });
  after(async () => { await idp.close(); await emulator.close(); });

  /** A hand-built AuthnRequest over HTTP-Redirect, to vary the issuer and the ACS URL. */
  const askIdp = async (issuer: string, acs?: string) => {
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(16).toString('hex')}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${idp.ssoUrl}"${acs ? ` AssertionConsumerServiceURL="${acs}"` : ''} ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`;
    const query = new URLSearchParams({ SAMLRequest: deflateRawSync(Buffer.from(xml)).toString('base64'), RelayState: 'r1' });
    const response = await fetch(`${idp.ssoUrl}?${query}`);
    return { status: response.status, html: await response.text() };
  };

  it('signs a user in for a connection created after the IdP started', async () => {
    const login = await beginLogin(emulator, { tenantLookupIdentifier: 'prefix.test' });
    const redirect = new URL((await fetch(login.authenticationUrl, { redirect: 'manual' })).headers.get('location')!);
    const page = await (await fetch(`${idp.ssoUrl}${redirect.search}`)).text();
    assert.match(page, /Dana Prefix/);
    const posted = await (await fetch(`${idp.url}/sso/login`, form({ uid: hidden(page, 'uid')!, sub: 'dana' }))).text();
    const acs = `${prefix}${connectionId}/acs`;
    assert.equal(posted.match(/<form method="post" action="([^"]+)"/)?.[1], acs);
    const samlResponse = Buffer.from(hidden(posted, 'SAMLResponse')!, 'base64').toString('utf8');
    assert.match(samlResponse, new RegExp(`<saml:Audience>${prefix}${connectionId}</saml:Audience>`));
    const back = await fetch(acs, form({ SAMLResponse: hidden(posted, 'SAMLResponse')!, RelayState: hidden(posted, 'RelayState')! }));
    assert.equal(back.status, 302, await back.text());
    const exchanged = await exchangeCode(emulator, login, new URL(back.headers.get('location')!).searchParams.get('code')!);
    assert.equal(decodeJwt(exchanged.body.id_token).sub, `${connectionId}|dana@prefix.test`);
  });

  it('accepts an SP under the prefix only with its own ACS, and refuses foreign ones', async () => {
    const entity = `${prefix}con_acc_other`;
    assert.equal((await askIdp(entity, `${entity}/acs`)).status, 200);
    assert.equal((await askIdp(entity)).status, 200, 'no ACS in the request: <entity id>/acs');

    const foreignAcs = await askIdp(entity, 'http://127.0.0.1:1/steal/acs');
    assert.equal(foreignAcs.status, 400);
    assert.match(foreignAcs.html, /assertion consumer URL that is not registered/);
    assert.equal((await askIdp(entity, `${prefix}con_acc_another/acs`)).status, 400, 'the ACS of another SP under the prefix');
    assert.equal((await askIdp(entity, `${entity}/acs?x=1`)).status, 400);

    for (const issuer of ['http://127.0.0.1:1/api/authentication/saml/con_x', `${prefix}`, `${prefix}con_x/acs`, `${prefix}../con_x`, `${prefix}con_x?y=1`]) {
      const result = await askIdp(issuer, `${issuer}/acs`);
      assert.equal(result.status, 400, issuer);
      assert.match(result.html, /Unknown service provider/);
    }
  });

  it('refuses unsafe prefixes and mixed modes at start', async () => {
    await assert.rejects(startSamlIdp({ port: 0, spPrefix: 'http://127.0.0.1:1/saml' }), /ending in "\/"/);
    await assert.rejects(startSamlIdp({ port: 0, spPrefix: 'javascript:alert(1)/' }), /http\(s\)/);
    await assert.rejects(startSamlIdp({ port: 0, spPrefix: `${prefix}`, spEntityId: `${prefix}con_x` }), /either spPrefix/);
    await assert.rejects(startSamlIdp({ port: 0 }), /needs spEntityId/);
  });
});
