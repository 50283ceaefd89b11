import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/sso-config-form/define.js';
import type { SsoConfigFormElement } from '../../src/elements/sso-config-form/sso-config-form.js';
import { ssoConfigFormFr } from '../../src/elements/sso-config-form/sso-config-form.i18n.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { registerLocale } from '../../src/core/i18n.js';
import { resetLoginClients } from '../../src/core/login-client.js';
import type { SsoConfiguration } from '../../src/core/api/types.js';
import { FakeLoginClient } from './support/fake-login-client.js';
import { fakeFetch, json, problem, type RecordedRequest } from './support/fetch.js';
import * as certs from './fixtures/certificates.js';
import { parserLoader } from '../../src/core/x509/index.js';
import { oneEvent } from './support/events.js';
import { waitForUpdate } from './support/wait.js';

const ACCOUNT = 'acc_3mK9qTz1Lw8Rb2Xc';
const NOW = new Date('2026-06-01T00:00:00Z');
const SP = {
  redirectUrl: 'https://app.example.test/sso/callback',
  acsUrl: 'https://app.example.test/sso/saml/acs',
  entityId: 'https://app.example.test/sso/saml',
};
const notConfigured: SsoConfiguration = { accountId: ACCOUNT, configured: false, type: null, domains: [], serviceProvider: SP, updatedAt: null };
const oauth2Configured: SsoConfiguration = {
  accountId: ACCOUNT,
  configured: true,
  type: 'oauth2',
  domains: ['acme.com'],
  serviceProvider: SP,
  updatedAt: '2026-05-01T10:00:00Z',
  oauth2: {
    authorizationUrl: 'https://idp.acme.com/authorize',
    tokenUrl: 'https://idp.acme.com/token',
    clientId: 'client-123',
    clientSecretSet: true,
    scopes: ['openid', 'profile', 'email'],
    issuer: null,
  },
};
const samlConfigured: SsoConfiguration = {
  accountId: ACCOUNT,
  configured: true,
  type: 'saml',
  domains: ['acme.com'],
  serviceProvider: SP,
  updatedAt: '2026-05-01T10:00:00Z',
  saml: {
    ssoUrl: 'https://idp.acme.test/saml/sso/redirect',
    entityId: 'https://idp.acme.test/saml/metadata',
    certificate: {
      subject: 'CN=idp.acme.test, O=Acme Corp, C=US',
      issuer: 'CN=idp.acme.test, O=Acme Corp, C=US',
      fingerprintSha256: certs.goodRsaFingerprint,
      notBefore: '2025-01-01T00:00:00Z',
      notAfter: '2045-01-01T00:00:00Z',
    },
  },
};

type Handler = (request: RecordedRequest, index: number) => Response | Promise<Response>;

describe('<sso-config-form>', () => {
  let client: FakeLoginClient;
  let fetchFn: ReturnType<typeof fakeFetch>;
  let onGet: Handler;
  let onPut: Handler;

  beforeEach(() => {
    client = new FakeLoginClient({ signedIn: true });
    onGet = () => json(notConfigured);
    onPut = (request) => json({ ...oauth2Configured, domains: (request.body as { domains: string[] }).domains });
    fetchFn = fakeFetch((request, index) => (request.method === 'GET' ? onGet(request, index) : onPut(request, index)));
    resetConfig();
    resetLoginClients();
    configure({ loginClientFactory: () => client, fetch: fetchFn, apiBase: 'https://api.example.test', loginHost: 'https://login.example.test', applicationId: 'app_test' });
  });
  afterEach(() => {
    sinon.restore();
    resetConfig();
    resetLoginClients();
  });

  async function render(template = html`<sso-config-form account-id=${ACCOUNT} .now=${NOW}></sso-config-form>`) {
    const el = await fixture<SsoConfigFormElement>(template);
    await waitForUpdate(el, () => !el.shadowRoot!.querySelector('[part~=loading]'));
    return el;
  }
  const $ = <T extends Element = HTMLElement>(el: SsoConfigFormElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
  const text = (el: SsoConfigFormElement, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const puts = () => fetchFn.requests.filter((r) => r.method === 'PUT');

  async function type(el: SsoConfigFormElement, id: string, value: string) {
    const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
  async function chooseType(el: SsoConfigFormElement, value: 'oauth2' | 'saml') {
    const radio = $<HTMLInputElement>(el, `input[name=type][value=${value}]`)!;
    radio.click();
    await el.updateComplete;
  }
  async function fillOauth2(el: SsoConfigFormElement, secret = 'shh-secret') {
    await type(el, 'authorizationUrl', 'https://idp.acme.com/authorize');
    await type(el, 'tokenUrl', 'https://idp.acme.com/token');
    await type(el, 'clientId', 'client-123');
    if (secret) await type(el, 'clientSecret', secret);
    await type(el, 'domains', 'Acme.com, acme.co.uk');
  }
  async function fillSaml(el: SsoConfigFormElement, certificate = certs.goodRsa) {
    await chooseType(el, 'saml');
    await type(el, 'ssoUrl', 'https://idp.acme.test/saml/sso');
    await type(el, 'entityId', 'https://idp.acme.test/saml/metadata');
    await type(el, 'certificate', certificate);
    await waitForUpdate(el, () => !text(el, 'form').includes('Checking the certificate'));
    await type(el, 'domains', 'acme.com');
  }
  async function submit(el: SsoConfigFormElement) {
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete; // the button is aria-disabled now, until the save settles
    await waitForUpdate(el, () => $(el, '[part~=submit-button]')?.getAttribute('aria-disabled') !== 'true');
    await el.updateComplete;
  }

  describe('loading', () => {
    it('shows a loading state, then the empty form with the service-provider values', async () => {
      let release!: () => void;
      onGet = () => new Promise((resolve) => (release = () => resolve(json(notConfigured))));
      const el = await fixture<SsoConfigFormElement>(html`<sso-config-form account-id=${ACCOUNT}></sso-config-form>`);
      expect(text(el, '[part~=loading]')).to.contain('Loading');
      await expect(el).to.be.accessible();
      release();
      await waitForUpdate(el, () => Boolean($(el, 'form')));
      expect(fetchFn.requests[0].url).to.equal(`https://api.example.test/accounts/${ACCOUNT}/sso`);
      expect(fetchFn.requests[0].headers.get('Authorization')).to.equal('Bearer test-access-token');
      expect(text(el, '[part~=intro]')).to.contain('isn’t set up yet');
      expect(text(el, '#sp-redirect')).to.equal(SP.redirectUrl);
      expect($<HTMLInputElement>(el, '#scopes')!.value).to.equal('openid profile email');
      await expect(el).to.be.accessible();
    });

    it('shows SAML values (ACS URL and entity ID) when SAML is chosen', async () => {
      const el = await render();
      await chooseType(el, 'saml');
      expect(text(el, '#sp-acs')).to.equal(SP.acsUrl);
      expect(text(el, '#sp-entity')).to.equal(SP.entityId);
      expect($(el, '#sp-redirect')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('moving the element in the DOM keeps unsaved edits (no reload)', async () => {
      const el = await render();
      await type(el, 'clientId', 'typed-but-not-saved');
      const before = fetchFn.requests.length;
      const host = document.createElement('div');
      el.parentElement!.append(host);
      host.append(el);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await el.updateComplete;
      expect(fetchFn.requests.length).to.equal(before);
      expect($<HTMLInputElement>(el, '#clientId')!.value).to.equal('typed-but-not-saved');
    });

    it('load failure: says so, fires sso-config-load-failed, and Retry loads again', async () => {
      onGet = () => problem('internal-error', 500);
      const failed = new Promise<Event>((resolve) => document.addEventListener('sso-config-load-failed', resolve, { once: true }));
      const el = await fixture<SsoConfigFormElement>(html`<sso-config-form account-id=${ACCOUNT}></sso-config-form>`);
      const event = (await failed) as CustomEvent<{ code: string; status: number }>;
      await el.updateComplete;
      expect(event.detail).to.deep.include({ code: 'internal-error', status: 500 });
      expect(text(el, '[part~=load-error]')).to.contain('couldn’t load');
      await expect(el).to.be.accessible();
      onGet = () => json(notConfigured);
      $<HTMLButtonElement>(el, '[part~=retry-button]')!.click();
      await waitForUpdate(el, () => Boolean($(el, 'form')));
    });

    it('403: a read-only message instead of the form', async () => {
      onGet = () => problem('forbidden', 403);
      const el = await render();
      expect($(el, 'form')).to.equal(null);
      expect(text(el, '[part~=forbidden]')).to.contain('can’t change single sign-on');
      await expect(el).to.be.accessible();
    });

    it('not signed in: offers Sign in, which returns to this page', async () => {
      client.signedIn = false;
      const el = await render();
      expect(fetchFn.requests).to.have.length(0);
      expect(text(el, '[part~=sign-in]')).to.contain('Sign in to manage');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~=sign-in-button]')!.click();
      expect(client.authenticateCalls).to.deep.equal([{ redirectUrl: location.href }]);
    });
  });

  describe('copy buttons', () => {
    it('copies a value and announces "Copied"', async () => {
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      const el = await render();
      $<HTMLButtonElement>(el, '[part~=copy-button]')!.click();
      await waitForUpdate(el, () => text(el, '[part~=status]') === 'Copied');
      expect(write).to.have.been.calledOnceWith(SP.redirectUrl);
      expect($(el, '[part~=copy-button]')!.getAttribute('aria-label')).to.equal('Copy Redirect URL');
    });

    it('a rejected clipboard says how to copy by hand', async () => {
      sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
      const el = await render();
      $<HTMLButtonElement>(el, '[part~=copy-button]')!.click();
      await waitForUpdate(el, () => text(el, '[part~=status]').includes('Couldn’t copy'));
    });
  });

  describe('OAuth2 / OIDC', () => {
    it('validates before saving: https URLs, required fields, secret, domains; focuses the first', async () => {
      const el = await render();
      await type(el, 'authorizationUrl', 'http://idp.acme.com/authorize');
      await type(el, 'domains', 'gmail.com, not a domain!');
      const failed = oneEvent(el, 'sso-config-save-failed');
      await submit(el);
      expect((await failed).detail.code).to.equal('invalid-input');
      expect(puts()).to.have.length(0);
      expect(text(el, '#authorizationUrl-error')).to.equal('Use an https:// URL.');
      expect(text(el, '#tokenUrl-error')).to.equal('This field is required.');
      expect(text(el, '#clientId-error')).to.equal('This field is required.');
      expect(text(el, '#clientSecret-error')).to.equal('Enter the client secret.');
      expect(text(el, '#domains-error')).to.contain('gmail.com: Public email domains');
      expect(text(el, '#domains-error')).to.contain('not: Enter a domain');
      expect(el.shadowRoot!.activeElement?.id).to.equal('authorizationUrl');
      expect($(el, '#authorizationUrl')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#authorizationUrl')!.getAttribute('aria-describedby')).to.contain('authorizationUrl-error');
      expect(text(el, '[part~=error]')).to.equal('Some fields need your attention.');
      await expect(el).to.be.accessible();
    });

    it('http://localhost is refused unless allow-insecure-loopback is set', async () => {
      const el = await render();
      await fillOauth2(el);
      await type(el, 'tokenUrl', 'http://localhost:9000/token');
      await submit(el);
      expect(text(el, '#tokenUrl-error')).to.contain('only in development');
      expect(puts()).to.have.length(0);

      const dev = await render(html`<sso-config-form account-id=${ACCOUNT} allow-insecure-loopback></sso-config-form>`);
      await fillOauth2(dev);
      await type(dev, 'tokenUrl', 'http://127.0.0.1:9000/token');
      await submit(dev);
      expect(puts()).to.have.length(1);
    });

    it('saves: intent event without the secret, request with it, saved event, success focused', async () => {
      const el = await render();
      await fillOauth2(el, 'CANARY-s3cr3t-7f1');
      const intent = oneEvent(el, 'sso-config-save');
      const saved = oneEvent(el, 'sso-config-saved');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      const detail = (await intent).detail;
      expect(detail).to.deep.equal({
        type: 'oauth2',
        domains: ['acme.com', 'acme.co.uk'],
        authorizationUrl: 'https://idp.acme.com/authorize',
        tokenUrl: 'https://idp.acme.com/token',
        clientId: 'client-123',
        scopes: ['openid', 'profile', 'email'],
        clientSecretChanged: true,
      });
      expect(JSON.stringify(detail)).not.to.contain('CANARY');
      expect((await saved).detail.oauth2?.clientSecretSet).to.equal(true);
      await waitForUpdate(el, () => Boolean($(el, '[part~=success]')));
      expect(puts()[0].url).to.equal(`https://api.example.test/accounts/${ACCOUNT}/sso`);
      expect((puts()[0].body as { clientSecret: string }).clientSecret).to.equal('CANARY-s3cr3t-7f1');
      expect(text(el, '[part~=success]')).to.equal('Single sign-on settings saved.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~=success]'));
      // The secret is gone from the DOM, from every input and from the element's state.
      expect(el.shadowRoot!.innerHTML).not.to.contain('CANARY');
      for (const input of el.shadowRoot!.querySelectorAll('input, textarea')) {
        expect((input as HTMLInputElement).value).not.to.contain('CANARY');
      }
      const state = el as unknown as Record<string, unknown>;
      expect(JSON.stringify([state['values'], state['fieldErrors'], state['config']])).not.to.contain('CANARY');
      expect(text(el, '[part~=secret-status]')).to.contain('Secret: set');
      await expect(el).to.be.accessible();
      // Replacing again starts from an empty input: the old value is nowhere to come back from.
      $<HTMLButtonElement>(el, '[part~=replace-secret-button]')!.click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#clientSecret')!.value).to.equal('');
    });

    it('replacing a stored secret: sent once, then gone from the DOM', async () => {
      onGet = () => json(oauth2Configured);
      const el = await render();
      $<HTMLButtonElement>(el, '[part~=replace-secret-button]')!.click();
      await el.updateComplete;
      await type(el, 'clientSecret', 'CANARY-rotated-99');
      const intent = oneEvent(el, 'sso-config-save');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      expect((await intent).detail.clientSecretChanged).to.equal(true);
      await waitForUpdate(el, () => Boolean($(el, '[part~=success]')));
      expect((puts()[0].body as { clientSecret: string }).clientSecret).to.equal('CANARY-rotated-99');
      expect(el.shadowRoot!.innerHTML).not.to.contain('CANARY');
      expect($(el, '#clientSecret')).to.equal(null);
      for (const input of el.shadowRoot!.querySelectorAll('input, textarea')) expect((input as HTMLInputElement).value).not.to.contain('CANARY');
    });

    it('configured: shows "Secret: set"; saving without replacing omits the secret', async () => {
      onGet = () => json(oauth2Configured);
      const el = await render();
      expect(text(el, '[part~=secret-status]')).to.contain('Secret: set');
      expect($(el, '#clientSecret')).to.equal(null);
      expect($<HTMLInputElement>(el, '#clientId')!.value).to.equal('client-123');
      expect($<HTMLInputElement>(el, '#domains')!.value).to.equal('acme.com');
      await expect(el).to.be.accessible();
      const intent = oneEvent(el, 'sso-config-save');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      expect((await intent).detail.clientSecretChanged).to.equal(false);
      await waitForUpdate(el, () => puts().length === 1);
      expect(puts()[0].body).not.to.have.property('clientSecret');
    });

    it('Replace secret reveals an empty password input with autocomplete=off', async () => {
      onGet = () => json(oauth2Configured);
      const el = await render();
      $<HTMLButtonElement>(el, '[part~=replace-secret-button]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      const input = $<HTMLInputElement>(el, '#clientSecret')!;
      expect(input.type).to.equal('password');
      expect(input.autocomplete).to.equal('off');
      expect(input.value).to.equal('');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect($(el, '[part~=replace-secret-button]')!.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('cancelling sso-config-save sends nothing', async () => {
      const el = await render();
      await fillOauth2(el);
      el.addEventListener('sso-config-save', (e) => e.preventDefault(), { once: true });
      await submit(el);
      expect(puts()).to.have.length(0);
    });

    it('a double submit sends one request, and the button is aria-disabled while saving', async () => {
      let release!: () => void;
      onPut = () => new Promise((resolve) => (release = () => resolve(json(oauth2Configured))));
      const el = await render();
      await fillOauth2(el);
      const form = $<HTMLFormElement>(el, 'form')!;
      form.requestSubmit();
      form.requestSubmit();
      await waitForUpdate(el, () => puts().length === 1);
      form.requestSubmit();
      expect($(el, '[part~=submit-button]')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, '[part~=status]')).to.contain('Saving');
      await expect(el).to.be.accessible();
      release();
      await waitForUpdate(el, () => Boolean($(el, '[part~=success]')));
      expect(puts()).to.have.length(1);
    });

    it('422 field errors land on their fields, the first is focused, input is kept', async () => {
      onPut = () =>
        problem('validation-failed', 422, {
          errors: [
            { pointer: '/tokenUrl', code: 'url-not-public', detail: '<img src=x onerror=alert(1)>' },
            { pointer: '/domains/1', code: 'invalid-domain' },
          ],
        });
      const el = await render();
      await fillOauth2(el);
      const failed = oneEvent(el, 'sso-config-save-failed');
      await submit(el);
      expect((await failed).detail).to.deep.include({ code: 'validation-failed', status: 422 });
      expect(text(el, '#tokenUrl-error')).to.contain('private or local network');
      expect(text(el, '#domains-error')).to.equal('acme.co.uk: Enter a domain like company.com.');
      expect(el.shadowRoot!.activeElement?.id).to.equal('tokenUrl');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect($<HTMLInputElement>(el, '#tokenUrl')!.value).to.equal('https://idp.acme.com/token');
      await expect(el).to.be.accessible();
    });

    it('422 url-unresolvable gets its own message, in English and French', async () => {
      onPut = () => problem('validation-failed', 422, { errors: [{ pointer: '/tokenUrl', code: 'url-unresolvable' }] });
      const el = await render();
      await fillOauth2(el);
      await submit(el);
      expect(text(el, '#tokenUrl-error')).to.equal('This host name doesn’t resolve to a public address.');
      const { errorMessagesFr } = await import('../../src/locales/errors.fr.js');
      expect(errorMessagesFr.fieldCodes['url-unresolvable']).to.equal('Ce nom d’hôte ne correspond à aucune adresse publique.');
      expect(errorMessagesFr.stillProcessing).to.contain('réessayez');
    });

    it('409 sso-domain-taken lands on the domains field', async () => {
      onPut = () => problem('sso-domain-taken', 409, { errors: [{ pointer: '/domains/0', code: 'domain-taken' }] });
      const el = await render();
      await fillOauth2(el);
      const failed = oneEvent(el, 'sso-config-save-failed');
      await submit(el);
      expect((await failed).detail.code).to.equal('sso-domain-taken');
      expect(text(el, '#domains-error')).to.equal('acme.com: Another account already uses this domain.');
      expect(el.shadowRoot!.activeElement?.id).to.equal('domains');
      await expect(el).to.be.accessible();
    });

    it('409 sso-domain-taken without errors[] still lands on the domains field', async () => {
      onPut = () => problem('sso-domain-taken', 409);
      const el = await render();
      await fillOauth2(el);
      await submit(el);
      expect(text(el, '#domains-error')).to.equal('Another account already uses this domain.');
    });

    it('a server error keeps everything typed and says so in the alert', async () => {
      onPut = () => problem('forbidden', 403);
      const el = await render();
      await fillOauth2(el, 'kept-secret');
      await submit(el);
      expect(text(el, '[part~=error]')).to.contain('permission');
      expect($<HTMLInputElement>(el, '#clientSecret')!.value).to.equal('kept-secret');
      expect($<HTMLInputElement>(el, '#clientId')!.value).to.equal('client-123');
      await expect(el).to.be.accessible();
    });

    it('signed out at save time: says so and offers Sign in', async () => {
      const el = await render();
      await fillOauth2(el);
      client.signedIn = false;
      await submit(el);
      expect(text(el, '[part~=error]')).to.contain('You need to sign in');
      $<HTMLButtonElement>(el, '[part~=error] [part~=sign-in-button]')!.click();
      expect(client.authenticateCalls).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('SAML', () => {
    it('configured SAML: shows the stored certificate summary', async () => {
      onGet = () => json(samlConfigured);
      const el = await render();
      expect($<HTMLInputElement>(el, 'input[value=saml]')!.checked).to.equal(true);
      expect(text(el, '[part~=certificate-summary]')).to.contain('CN=idp.acme.test');
      expect(text(el, '[part~=certificate-summary]')).to.contain(certs.goodRsaFingerprint);
      expect($<HTMLInputElement>(el, '#ssoUrl')!.value).to.equal('https://idp.acme.test/saml/sso/redirect');
      await expect(el).to.be.accessible();
    });

    it('a good certificate shows subject, issuer, fingerprint and dates, and saves as PEM', async () => {
      const el = await render();
      await fillSaml(el);
      const summary = text(el, '[part~=certificate-summary]');
      expect(summary).to.contain('CN=idp.acme.test, O=Acme Corp, C=US');
      expect(summary).to.contain(certs.goodRsaFingerprint);
      expect(summary).to.contain('2045');
      expect($(el, '#certificate')!.getAttribute('aria-invalid')).to.equal('false');
      await expect(el).to.be.accessible();
      onPut = () => json(samlConfigured);
      await submit(el);
      expect(puts()).to.have.length(1);
      const body = puts()[0].body as { type: string; certificate: string; ssoUrl: string };
      expect(body.type).to.equal('saml');
      expect(body.certificate).to.match(/^-----BEGIN CERTIFICATE-----\n/);
    });

    const rejected: [string, string, string][] = [
      ['a private key', certs.privateKey, 'This is a private key'],
      ['garbage', certs.garbage, 'isn’t a valid X.509 certificate'],
      ['an expired certificate', certs.expired, 'has expired'],
      ['a not-yet-valid certificate', certs.notYetValid, 'isn’t valid yet'],
      ['an RSA-1024 certificate', certs.rsa1024, 'key is too weak'],
      ['a SHA-1 signed certificate', certs.sha1Signed, 'weak algorithm'],
    ];
    for (const [name, pem, message] of rejected) {
      it(`${name} gets a precise message and blocks saving`, async () => {
        const el = await render();
        await fillSaml(el, pem);
        expect(text(el, '#certificate-error')).to.contain(message);
        expect($(el, '#certificate')!.getAttribute('aria-invalid')).to.equal('true');
        await submit(el);
        expect(puts()).to.have.length(0);
        expect(el.shadowRoot!.activeElement?.id).to.equal('certificate');
        await expect(el).to.be.accessible();
      });
    }

    it('a certificate expiring within 30 days gets a warning, not an error', async () => {
      const el = await render(html`<sso-config-form account-id=${ACCOUNT} .now=${certs.EXPIRING_SOON_NOW}></sso-config-form>`);
      await fillSaml(el, certs.expiringSoon);
      expect(text(el, '[part~=certificate-warning]')).to.equal('This certificate expires in 10 days. Ask your IT team for the new one.');
      expect(text(el, '#certificate-error')).to.equal('');
      expect($(el, '#certificate')!.getAttribute('aria-describedby')).to.contain('certificate-warning');
      await expect(el).to.be.accessible();
      await submit(el);
      expect(puts()).to.have.length(1);
    });

    it('an EC P-256 certificate is accepted', async () => {
      const el = await render();
      await fillSaml(el, certs.goodEc);
      expect(text(el, '#certificate-error')).to.equal('');
      expect(text(el, '[part~=certificate-summary]')).to.contain('CN=ec.acme.test');
    });

    it('pasting metadata XML fills SSO URL, entity ID and certificate (never the XML)', async () => {
      const el = await render();
      await chooseType(el, 'saml');
      await type(el, 'certificate', certs.samlMetadata);
      await waitForUpdate(el, () => Boolean($(el, '[part~=certificate-summary]')));
      expect($<HTMLInputElement>(el, '#ssoUrl')!.value).to.equal('https://idp.acme.test/saml/sso/redirect');
      expect($<HTMLInputElement>(el, '#entityId')!.value).to.equal('https://idp.acme.test/saml/metadata');
      const certificate = $<HTMLTextAreaElement>(el, '#certificate')!.value;
      expect(certificate).to.match(/^-----BEGIN CERTIFICATE-----/);
      expect(certificate.replace(/\s+/g, '')).to.equal(certs.goodRsa.replace(/\s+/g, ''));
      expect(el.shadowRoot!.innerHTML).not.to.contain('EntityDescriptor');
      expect(text(el, '[part~=status]')).to.contain('Filled in the SSO URL');
      expect(text(el, '[part~=certificate-summary]')).to.contain(certs.goodRsaFingerprint);
      await expect(el).to.be.accessible();
    });

    it('broken metadata XML gets a clear message', async () => {
      const el = await render();
      await chooseType(el, 'saml');
      await type(el, 'certificate', '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><oops>');
      expect(text(el, '#certificate-error')).to.contain('can’t be read');
    });

    it('server certificate errors land on the certificate field', async () => {
      onPut = () => problem('validation-failed', 422, { errors: [{ pointer: '/certificate', code: 'certificate-weak-key' }] });
      const el = await render();
      await fillSaml(el);
      await submit(el);
      expect(text(el, '#certificate-error')).to.contain('key is too weak');
      expect(el.shadowRoot!.activeElement?.id).to.equal('certificate');
    });

    it('the certificate parser failing to load is no verdict: no error, and the certificate can be saved', async () => {
      sinon.stub(parserLoader, 'load').rejects(new TypeError('Failed to fetch dynamically imported module'));
      sinon.stub(console, 'warn');
      const el = await render();
      await fillSaml(el);
      expect(text(el, '#certificate-error')).to.equal('');
      expect($(el, '#certificate')!.getAttribute('aria-invalid')).to.equal('false');
      onPut = () => json(samlConfigured);
      await submit(el);
      expect(puts()).to.have.length(1);
      expect((puts()[0].body as { certificate: string }).certificate).to.equal(certs.goodRsa.trim());
      await expect(el).to.be.accessible();
    });

    it('a failing fingerprint (no WebCrypto) does not leave the check on "checking"', async () => {
      sinon.stub(crypto.subtle, 'digest').rejects(new Error('WebCrypto unavailable'));
      sinon.stub(console, 'warn');
      const el = await render();
      await chooseType(el, 'saml');
      await type(el, 'certificate', certs.goodRsa);
      await waitForUpdate(el, () => !text(el, 'form').includes('Checking the certificate'), 1000);
      expect(text(el, '#certificate-error')).to.equal('');
    });

    /** Holds the parser load until `release()`: the check is still running meanwhile. */
    function slowParser() {
      const real = parserLoader.load;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      sinon.stub(parserLoader, 'load').callsFake(() => gate.then(real));
      return () => release();
    }

    it('clearing the certificate field while it is checked: the late result does not land', async () => {
      const el = await render();
      await chooseType(el, 'saml');
      const release = slowParser();
      await type(el, 'certificate', certs.expired);
      await type(el, 'certificate', '');
      release();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect(text(el, '#certificate-error')).to.equal('');
      expect(Boolean($(el, '[part~=certificate-summary]'))).to.equal(false);
    });

    it('metadata without a certificate while a pasted one is checked: the late result does not land', async () => {
      const el = await render();
      await chooseType(el, 'saml');
      const release = slowParser();
      await type(el, 'certificate', certs.goodRsa);
      await type(el, 'certificate', certs.samlMetadata.replace(/<md:KeyDescriptor[\s\S]*?<\/md:KeyDescriptor>/g, ''));
      const message = text(el, '#certificate-error');
      expect(message).not.to.equal('');
      release();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect(text(el, '#certificate-error')).to.equal(message);
      expect(Boolean($(el, '[part~=certificate-summary]'))).to.equal(false);
    });

    it('account-id changing while the certificate is checked: nothing is saved to the new account, which loads', async () => {
      const OTHER = 'acc_Other000000000';
      const el = await render();
      await fillSaml(el);
      let releaseGet!: () => void;
      onGet = () => new Promise((resolve) => (releaseGet = () => resolve(json({ ...notConfigured, accountId: OTHER }))));
      await type(el, 'certificate', certs.goodEc); // a new check starts; save waits for it
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      el.accountId = OTHER; // before the check settles; B's configuration is still on its way
      await waitForUpdate(el, () => !text(el, 'form').includes('Checking the certificate') && fetchFn.requests.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the check has settled: the save went on (or not)
      releaseGet();
      await waitForUpdate(el, () => Boolean($(el, 'form')));
      expect(puts()).to.have.length(0);
      expect(fetchFn.requests.at(-1)!.url).to.equal(`https://api.example.test/accounts/${OTHER}/sso`);
      expect(Boolean($(el, '[part~=loading]'))).to.equal(false);
      expect(Boolean($(el, 'form'))).to.equal(true);
    });
  });

  describe('i18n', () => {
    it('speaks French inside lang="fr", including server field codes', async () => {
      registerLocale('fr', { ssoConfigForm: ssoConfigFormFr });
      onPut = () => problem('sso-domain-taken', 409, { errors: [{ pointer: '/domains/0', code: 'domain-taken' }] });
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><sso-config-form account-id=${ACCOUNT}></sso-config-form></div>`);
      const el = wrapper.querySelector('sso-config-form')!;
      await waitForUpdate(el, () => Boolean($(el, 'form')));
      expect(text(el, 'legend')).to.equal('Type de fournisseur d’identité');
      expect(text(el, '[part~=submit-button]')).to.equal('Enregistrer les paramètres SSO');
      await fillOauth2(el);
      await submit(el);
      expect(text(el, '#domains-error')).to.match(/^acme\.com : /);
      expect(text(el, '#domains-error')).not.to.contain('Another account');
      await expect(el).to.be.accessible();
    });
  });
});
