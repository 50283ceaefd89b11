import { expect } from '@open-wc/testing';
import { checkCertificate, containsPrivateKey, pemToDer } from '../../src/core/x509/index.js';
import { looksLikeXml, parseSamlMetadata } from '../../src/elements/sso-config-form/saml-metadata.js';
import * as certs from './fixtures/certificates.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('src/core/x509 checkCertificate', () => {
  it('summarises a good RSA-2048 SHA-256 certificate', async () => {
    const result = await checkCertificate(certs.goodRsa, { now: NOW });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.summary.subject).to.equal('CN=idp.acme.test, O=Acme Corp, C=US');
    expect(result.summary.issuer).to.equal('CN=idp.acme.test, O=Acme Corp, C=US');
    expect(result.summary.fingerprintSha256).to.equal(certs.goodRsaFingerprint);
    expect(result.summary.fingerprintSha256).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.summary.notBefore.toISOString()).to.equal('2025-01-01T00:00:00.000Z');
    expect(result.summary.notAfter.toISOString()).to.equal('2045-01-01T00:00:00.000Z');
    expect(result.summary.keyType).to.equal('rsa');
    expect(result.summary.keyBits).to.equal(2048);
    expect(result.expiresInDays).to.equal(undefined);
    expect(result.pem.replace(/\s+/g, '')).to.equal(certs.goodRsa.replace(/\s+/g, ''));
  });

  it('accepts a good EC P-256 certificate', async () => {
    const result = await checkCertificate(certs.goodEc, { now: NOW });
    expect(result.ok).to.equal(true);
    if (result.ok) expect([result.summary.keyType, result.summary.keyBits]).to.deep.equal(['ec', 256]);
  });

  it('warns (without failing) when the certificate ends within 30 days', async () => {
    const result = await checkCertificate(certs.expiringSoon, { now: certs.EXPIRING_SOON_NOW });
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.expiresInDays).to.equal(10);
  });

  const failures: [string, string, string][] = [
    ['a private key', certs.privateKey, 'certificate-private-key'],
    ['a private key next to a certificate', `${certs.goodRsa}\n${certs.privateKey}`, 'certificate-private-key'],
    ['garbage in PEM armour', certs.garbage, 'certificate-invalid'],
    ['plain text', 'hello world', 'certificate-invalid'],
    ['an empty string', '', 'certificate-invalid'],
    ['a truncated certificate', certs.goodRsa.slice(0, 400) + '\n-----END CERTIFICATE-----', 'certificate-invalid'],
    ['an expired certificate', certs.expired, 'certificate-expired'],
    ['a not-yet-valid certificate', certs.notYetValid, 'certificate-not-yet-valid'],
    ['an RSA-1024 key', certs.rsa1024, 'certificate-weak-key'],
    ['a SHA-1 signature', certs.sha1Signed, 'certificate-weak-signature'],
  ];
  for (const [name, text, code] of failures) {
    it(`rejects ${name} with ${code}`, async () => {
      const result = await checkCertificate(text, { now: NOW });
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.code).to.equal(code);
    });
  }

  it('the "good" certificate is expired once its notAfter passes (the now seam decides)', async () => {
    const result = await checkCertificate(certs.goodRsa, { now: new Date('2046-01-01T00:00:00Z') });
    expect(result.ok ? 'ok' : result.code).to.equal('certificate-expired');
  });

  it('reads bare base64 (as in SAML metadata)', async () => {
    const body = certs.goodRsa.replace(/-----[^-]+-----/g, '');
    expect(pemToDer(body)).to.be.instanceOf(Uint8Array);
    expect((await checkCertificate(body, { now: NOW })).ok).to.equal(true);
  });

  it('detects every private key armour', () => {
    for (const kind of ['', 'RSA ', 'EC ', 'ENCRYPTED ']) {
      expect(containsPrivateKey(`-----BEGIN ${kind}PRIVATE KEY-----\nabc`)).to.equal(true);
    }
    expect(containsPrivateKey(certs.goodRsa)).to.equal(false);
  });
});

describe('SAML metadata import', () => {
  it('reads entity id, the HTTP-Redirect SSO URL and the signing certificate', () => {
    const result = parseSamlMetadata(certs.samlMetadata);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.values.entityId).to.equal('https://idp.acme.test/saml/metadata');
    expect(result.values.ssoUrl).to.equal('https://idp.acme.test/saml/sso/redirect');
    expect(result.values.certificate).to.equal(certs.goodRsa.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  });

  it('falls back to HTTP-POST and to a KeyDescriptor without use', () => {
    const xml = certs.samlMetadata
      .replace(/<md:SingleSignOnService Binding="[^"]*HTTP-Redirect"[^>]*\/>/, '')
      .replace('use="encryption"', 'use="other"')
      .replace('use="signing"', '');
    const result = parseSamlMetadata(xml);
    expect(result.ok && result.values.ssoUrl).to.equal('https://idp.acme.test/saml/sso/post');
    expect(result.ok && result.values.certificate?.slice(0, 10)).to.equal(certs.goodRsa.split('\n')[1].slice(0, 10));
  });

  it('rejects broken XML and XML that is not IdP metadata', () => {
    expect(parseSamlMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">')).to.deep.equal({ ok: false, reason: 'not-xml' });
    expect(parseSamlMetadata('<root><IDPSSODescriptor/></root>')).to.deep.equal({ ok: false, reason: 'not-idp-metadata' });
  });

  it('tells XML from PEM', () => {
    expect(looksLikeXml(certs.samlMetadata)).to.equal(true);
    expect(looksLikeXml('  <md:EntityDescriptor>')).to.equal(true);
    expect(looksLikeXml(certs.goodRsa)).to.equal(false);
  });
});
