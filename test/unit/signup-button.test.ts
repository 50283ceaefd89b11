import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/signup-button/define.js';
import type { SignupButtonElement } from '../../src/elements/signup-button/signup-button.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { resetLoginClients } from '../../src/core/login-client.js';
import { FakeLoginClient, sdkError } from './support/fake-login-client.js';
import { oneEvent } from './support/events.js';

const LOGIN_HOST = 'https://login.example.test';

describe('<signup-button>', () => {
  let client: FakeLoginClient;
  let navigations: string[];

  beforeEach(() => {
    client = new FakeLoginClient();
    navigations = [];
    resetConfig();
    resetLoginClients();
    configure({ loginClientFactory: () => client, navigate: (url) => navigations.push(url) });
  });
  afterEach(() => {
    resetConfig();
    resetLoginClients();
  });

  async function render(template = html`<signup-button login-host=${LOGIN_HOST} application-id="app_test"></signup-button>`) {
    const el = await fixture<SignupButtonElement>(template);
    return el;
  }
  const button = (el: SignupButtonElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
  const alertText = (el: SignupButtonElement) => el.shadowRoot!.querySelector('[role=alert]')!.textContent.trim();

  describe('accessibility', () => {
    it('is accessible when idle', async () => {
      await expect(await render()).to.be.accessible();
    });

    it('is accessible in SSO mode, with a field error, pending and failed', async () => {
      const el = await render(html`<signup-button mode="sso" login-host=${LOGIN_HOST} application-id="app_test"></signup-button>`);
      await expect(el).to.be.accessible();
      button(el).click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      const failing = await render();
      client.authenticateError = sdkError('AuthressSdkNetworkError');
      button(failing).click();
      await oneEvent(failing, 'signup-failed');
      await failing.updateComplete;
      await expect(failing).to.be.accessible();
    });

    it('is accessible while pending, and says so to screen readers', async () => {
      client.authenticate = () => new Promise(() => {}); // never settles: stays pending
      const el = await render();
      button(el).click();
      await el.updateComplete;
      expect(button(el).getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Taking you to sign in');
      await expect(el).to.be.accessible();
    });

    it('has a real button that delegates focus, with the slotted label as its name', async () => {
      const el = await render(html`<signup-button login-host=${LOGIN_HOST} application-id="app_test">Start free trial</signup-button>`);
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(button(el));
      expect(el.textContent).to.equal('Start free trial');
    });
  });

  describe('options reach authenticate()', () => {
    it('uses the hosted login and the current page by default', async () => {
      const el = await render();
      const start = oneEvent(el, 'signup-start');
      button(el).click();
      expect((await start).detail.redirectUrl).to.equal(location.href);
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(client.authenticateCalls[0]).to.deep.equal({ redirectUrl: location.href });
    });

    it('passes connection-id, tenant-lookup-identifier and an absolute redirect-url', async () => {
      const el = await render(
        html`<signup-button login-host=${LOGIN_HOST} application-id="app_test" connection-id="google" tenant-lookup-identifier="acme.test" redirect-url="/onboarding?step=1"></signup-button>`,
      );
      button(el).click();
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(client.authenticateCalls[0]).to.deep.equal({
        redirectUrl: new URL('/onboarding?step=1', location.href).href,
        connectionId: 'google',
        tenantLookupIdentifier: 'acme.test',
      });
    });

    it('in SSO mode sends the work email domain as tenantLookupIdentifier', async () => {
      const el = await render(html`<signup-button mode="sso" login-host=${LOGIN_HOST} application-id="app_test"></signup-button>`);
      const input = el.shadowRoot!.querySelector('input')!;
      input.value = '  Bob@ACME.test ';
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(client.authenticateCalls[0]).to.deep.equal({ redirectUrl: location.href, tenantLookupIdentifier: 'acme.test' });
    });

    it('submits the SSO form with Enter', async () => {
      const el = await render(html`<signup-button mode="sso" login-host=${LOGIN_HOST} application-id="app_test"></signup-button>`);
      const input = el.shadowRoot!.querySelector('input')!;
      input.value = 'bob@acme.test';
      // Implicit submission: pressing Enter in the only text field submits the form.
      input.form!.requestSubmit();
      await waitFor(() => client.authenticateCalls.length === 1);
    });

    it('navigates itself when the SDK returns the login URL without navigating', async () => {
      client.authenticateResult = { authenticationUrl: `${LOGIN_HOST}/login?x=1`, authenticationRequestId: 'r1' };
      const el = await render();
      button(el).click();
      await waitFor(() => navigations.length === 1);
      expect(navigations[0]).to.equal(`${LOGIN_HOST}/login?x=1`);
    });

    it('uses page-wide defaults from configure()', async () => {
      configure({ loginHost: LOGIN_HOST, applicationId: 'app_page' });
      let seen: { loginHost: string; applicationId: string } | undefined;
      configure({ loginClientFactory: (settings) => ((seen = settings), client) });
      const el = await render(html`<signup-button></signup-button>`);
      button(el).click();
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(seen).to.deep.equal({ loginHost: LOGIN_HOST, applicationId: 'app_page' });
    });
  });

  describe('existing session', () => {
    it('skips the login and goes to the redirect URL', async () => {
      client.signedIn = true;
      const el = await render(html`<signup-button login-host=${LOGIN_HOST} application-id="app_test" redirect-url="/app"></signup-button>`);
      const found = oneEvent(el, 'signup-session-found');
      button(el).click();
      const event = await found;
      expect(event.detail.redirectUrl).to.equal(new URL('/app', location.href).href);
      expect(event.detail.user?.userId).to.equal('google|ada@example.com');
      await waitFor(() => navigations.length === 1);
      expect(navigations[0]).to.equal(new URL('/app', location.href).href);
      expect(client.authenticateCalls).to.have.length(0);
    });

    it('returns to idle once a configure({ navigate }) seam (an SPA router) has navigated', async () => {
      client.signedIn = true;
      const el = await render(html`<signup-button login-host=${LOGIN_HOST} application-id="app_test" redirect-url="/app"></signup-button>`);
      button(el).click();
      await waitFor(() => navigations.length === 1);
      await el.updateComplete;
      expect(button(el).getAttribute('aria-disabled')).to.equal('false');
      expect(Boolean(el.shadowRoot!.querySelector('[part~=spinner]'))).to.equal(false);
    });

    it('returns to idle after location.assign to a hash of this page (no unload)', async () => {
      const before = location.href;
      configure({ navigate: undefined }); // the default: location.assign
      client.signedIn = true;
      try {
        const el = await render(html`<signup-button login-host=${LOGIN_HOST} application-id="app_test" redirect-url="#welcome"></signup-button>`);
        button(el).click();
        await waitFor(() => location.hash === '#welcome');
        await el.updateComplete;
        expect(button(el).getAttribute('aria-disabled')).to.equal('false');
      } finally {
        history.replaceState(history.state, '', before);
      }
    });

    it('lets the app take over by cancelling signup-session-found', async () => {
      client.signedIn = true;
      const el = await render();
      el.addEventListener('signup-session-found', (e) => e.preventDefault());
      button(el).click();
      await oneEvent(el, 'signup-session-found');
      await el.updateComplete;
      expect(navigations).to.have.length(0);
      expect(button(el).getAttribute('aria-disabled')).to.equal('false');
    });

    it('logs in anyway with force-login', async () => {
      client.signedIn = true;
      const el = await render(html`<signup-button login-host=${LOGIN_HOST} application-id="app_test" force-login></signup-button>`);
      button(el).click();
      await waitFor(() => client.authenticateCalls.length === 1);
    });
  });

  describe('events and pending state', () => {
    it('does nothing when signup-start is cancelled', async () => {
      const el = await render();
      el.addEventListener('signup-start', (e) => e.preventDefault());
      const start = oneEvent(el, 'signup-start');
      button(el).click();
      expect((await start).cancelable).to.equal(true);
      await el.updateComplete;
      expect(client.authenticateCalls).to.have.length(0);
    });

    it('starts one login for a double click', async () => {
      let release!: () => void;
      client.authenticate = (options) => {
        client.authenticateCalls.push(options);
        return new Promise((resolve) => (release = () => resolve(null)));
      };
      const el = await render();
      button(el).click();
      button(el).click();
      await el.updateComplete;
      button(el).click();
      await waitFor(() => client.authenticateCalls.length >= 1);
      await new Promise((r) => setTimeout(r, 20));
      expect(client.authenticateCalls).to.have.length(1);
      release();
    });

    it('shows and announces an error when the login host is unreachable', async () => {
      client.authenticateError = sdkError('AuthressSdkNetworkError', 'Failed to fetch');
      const el = await render();
      const failed = oneEvent(el, 'signup-failed');
      button(el).click();
      const event = await failed;
      expect(event.detail.code).to.equal('login-host-unreachable');
      await el.updateComplete;
      expect(alertText(el)).to.contain('can’t reach the sign-in service');
      expect(alertText(el)).not.to.contain('Failed to fetch'); // technical text stays in the console
      expect(button(el).getAttribute('aria-disabled')).to.equal('false');
    });

    it('reports bad configuration instead of failing silently', async () => {
      resetConfig();
      const el = await render(html`<signup-button></signup-button>`);
      const failed = oneEvent(el, 'signup-failed');
      button(el).click();
      expect((await failed).detail.code).to.equal('configuration-error');
      await el.updateComplete;
      expect(alertText(el)).to.contain('isn’t set up correctly');
    });

    it('rejects a login host without a scheme', async () => {
      configure({ loginClientFactory: undefined });
      const el = await render(html`<signup-button login-host="127.0.0.1:8888" application-id="app_test"></signup-button>`);
      const failed = oneEvent(el, 'signup-failed');
      button(el).click();
      expect((await failed).detail.code).to.equal('configuration-error');
    });

    it('puts "no SSO for this domain" on the email field and focuses it', async () => {
      client.authenticateError = sdkError('TenantNotFound', 'Tenant not found');
      const el = await render(html`<signup-button mode="sso" login-host=${LOGIN_HOST} application-id="app_test"></signup-button>`);
      const input = el.shadowRoot!.querySelector('input')!;
      input.value = 'ann@unknown.test';
      const failed = oneEvent(el, 'signup-failed');
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      expect((await failed).detail.code).to.equal('sso-not-found');
      await el.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#email-error')!.textContent).to.contain('unknown.test');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(input.getAttribute('aria-describedby')).to.contain('email-error');
    });

    it('announces an email error: in the alert region, and focus lands once the field shows it', async () => {
      const el = await render(html`<signup-button mode="sso" login-host=${LOGIN_HOST} application-id="app_test"></signup-button>`);
      const input = el.shadowRoot!.querySelector('input')!;
      input.value = 'not-an-email';
      let invalidWhenFocused = '';
      input.addEventListener('focus', () => (invalidWhenFocused = input.getAttribute('aria-invalid') ?? ''), { once: true });
      const failed = oneEvent(el, 'signup-failed');
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      const message = (await failed).detail.message;
      await el.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement === input).to.equal(true);
      expect(invalidWhenFocused).to.equal('true');
      expect(el.shadowRoot!.querySelector('#email-error')!.textContent).to.equal(message);
      expect(alertText(el)).to.equal(message);
      input.value = 'ann@acme.test';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
    });

    it('refuses an invalid work email without calling Authress', async () => {
      const el = await render(html`<signup-button mode="sso" login-host=${LOGIN_HOST} application-id="app_test"></signup-button>`);
      el.shadowRoot!.querySelector('input')!.value = 'not-an-email';
      const failed = oneEvent(el, 'signup-failed');
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      expect((await failed).detail.code).to.equal('invalid-email');
      expect(client.authenticateCalls).to.have.length(0);
    });
  });

  describe('i18n and theming', () => {
    it('speaks French inside lang="fr" once the locale is registered', async () => {
      const { registerFrench } = await import('../../src/locales/fr.js');
      registerFrench();
      const el = await fixture<SignupButtonElement>(
        html`<div lang="fr"><signup-button login-host=${LOGIN_HOST} application-id="app_test"></signup-button></div>`,
      ).then((div) => div.querySelector('signup-button')!);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('slot')!.textContent).to.equal('S’inscrire');
    });

    it('lets any string be overridden', async () => {
      const el = await render();
      el.i18n = { label: 'Create your workspace' };
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('slot')!.textContent).to.equal('Create your workspace');
    });

    it('switches to the dark palette with theme="dark" and honours tokens', async () => {
      const el = await render(html`<signup-button theme="dark" login-host=${LOGIN_HOST} application-id="app_test"></signup-button>`);
      const dark = getComputedStyle(button(el)).backgroundColor;
      el.theme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(button(el)).backgroundColor).not.to.equal(dark);
      el.style.setProperty('--onb-color-accent', 'rgb(1, 2, 3)');
      expect(getComputedStyle(button(el)).backgroundColor).to.equal('rgb(1, 2, 3)');
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out waiting for condition');
    await new Promise((r) => setTimeout(r, 5));
  }
}
