import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/invite-accept/define.js';
import type { InviteAcceptElement, InviteScreen } from '../../src/elements/invite-accept/invite-accept.js';
import { INVITE_STORAGE_KEY } from '../../src/elements/invite-accept/invite-storage.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { resetLoginClients } from '../../src/core/login-client.js';
import { FakeLoginClient, sdkError } from './support/fake-login-client.js';
import { fakeFetch, json, problem, type Responder } from './support/fetch.js';
import { oneEvent } from './support/events.js';
import { sleep, waitFor } from './support/wait.js';

const INVITE = 'inv_Q2hhbmdlIHRoaXM';
const EXPIRES = '2030-05-17T14:30:00Z';
const ADA = { userId: 'google|ada', sub: 'google|ada', name: 'Ada Lovelace', email: 'ada@example.com' };
const preview = (status: string, accountName = 'Acme') => json({ inviteId: INVITE, accountName, status, expiresAt: EXPIRES });

describe('<invite-accept>', () => {
  let client: FakeLoginClient;
  let navigations: string[];
  let responder: Responder;
  let fetchFn: ReturnType<typeof fakeFetch>;
  let originalUrl: string;

  beforeEach(() => {
    originalUrl = location.href;
    sessionStorage.removeItem(INVITE_STORAGE_KEY);
    client = new FakeLoginClient();
    navigations = [];
    responder = () => preview('pending');
    fetchFn = fakeFetch((request, index) => responder(request, index));
    resetConfig();
    resetLoginClients();
    configure({
      loginHost: 'https://login.example.test',
      applicationId: 'app_test',
      apiBase: '/api',
      loginClientFactory: () => client,
      fetch: fetchFn,
      navigate: (url) => navigations.push(url),
    });
  });
  afterEach(() => {
    history.replaceState(history.state, '', originalUrl);
    sessionStorage.removeItem(INVITE_STORAGE_KEY);
    sinon.restore();
    resetConfig();
    resetLoginClients();
  });

  /** The test page's URL with extra query parameters (and a hash). */
  function pageWith(params: Record<string, string>, hash = ''): string {
    const url = new URL(originalUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    url.hash = hash;
    return url.href;
  }
  function openLink(params: Record<string, string> = { inviteId: INVITE }, hash = '') {
    history.replaceState(history.state, '', pageWith(params, hash));
  }
  async function render(template = html`<invite-accept></invite-accept>`): Promise<InviteAcceptElement> {
    const el = await fixture<InviteAcceptElement>(template);
    await waitFor(() => el.screen !== 'loading');
    await el.updateComplete;
    return el;
  }
  async function renderScreen(expected: InviteScreen, template?: ReturnType<typeof html>) {
    const el = await render(template);
    expect(el.screen).to.equal(expected);
    return el;
  }
  const $ = <T extends Element = HTMLElement>(el: InviteAcceptElement, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const heading = (el: InviteAcceptElement) => $(el, '[part~="heading"]').textContent.trim();
  const alertText = (el: InviteAcceptElement) => $(el, '[role=alert]').textContent.trim();
  const stored = () => JSON.parse(sessionStorage.getItem(INVITE_STORAGE_KEY) ?? 'null') as { inviteId: string; accepting: boolean } | null;
  const click = (el: InviteAcceptElement, part: string) => $<HTMLButtonElement>(el, `[part~="${part}"]`).click();

  describe('reading the invite id', () => {
    it('reads it from the URL, removes it from the address bar at once and keeps it for the return trip', async () => {
      openLink({ inviteId: INVITE, tab: 'team' }, '#welcome');
      const el = await fixture<InviteAcceptElement>(html`<invite-accept></invite-accept>`);
      expect(location.search).not.to.contain('inviteId');
      expect(new URLSearchParams(location.search).get('tab')).to.equal('team');
      expect(location.hash).to.equal('#welcome');
      expect(stored()).to.deep.equal({ inviteId: INVITE, accepting: false });
      await waitFor(() => el.screen === 'pending');
      expect(fetchFn.requests.map((r) => [r.method, new URL(r.url).pathname])).to.deep.equal([['GET', `/api/invites/${INVITE}`]]);
      expect(fetchFn.requests[0].headers.get('Authorization')).to.equal(null); // the preview is public
    });

    it('reads a custom parameter name and the invite-id attribute', async () => {
      openLink({ invite: INVITE });
      await renderScreen('pending', html`<invite-accept param="invite"></invite-accept>`);
      expect(location.search).not.to.contain(INVITE);
      await renderScreen('pending', html`<invite-accept invite-id=${INVITE}></invite-accept>`);
      expect(fetchFn.requests.at(-1)!.url).to.contain(INVITE);
    });

    it('shows the invalid-link screen for a malformed id, without any request', async () => {
      openLink({ inviteId: 'bad id<script>' });
      const el = await renderScreen('invalid');
      expect(location.search).not.to.contain('inviteId');
      expect(heading(el)).to.equal('This invitation link isn’t valid');
      expect(fetchFn.requests).to.have.length(0);
      expect(stored()).to.equal(null);
      const requested = oneEvent(el, 'invite-request-new');
      click(el, 'request-new');
      expect((await requested).detail).to.deep.equal({ inviteId: null, status: 'invalid' });
      await expect(el).to.be.accessible();
    });

    it('shows the invalid-link screen when there is no id at all', async () => {
      await renderScreen('invalid');
      expect(fetchFn.requests).to.have.length(0);
    });

    it('loads when the inviteId property is set after insertion (as frameworks do)', async () => {
      const el = await renderScreen('invalid');
      el.inviteId = INVITE;
      await waitFor(() => el.screen === 'pending');
      expect(fetchFn.requests.map((r) => new URL(r.url).pathname)).to.deep.equal([`/api/invites/${INVITE}`]);
    });
  });

  describe('screens', () => {
    it('is accessible while loading', async () => {
      openLink();
      responder = () => new Promise(() => {});
      const el = await fixture<InviteAcceptElement>(html`<invite-accept></invite-accept>`);
      expect(el.screen).to.equal('loading');
      expect($(el, '[role=status]').textContent).to.contain('Loading your invitation');
      await expect(el).to.be.accessible();
    });

    it('shows what the user is joining and when it expires', async () => {
      openLink();
      const el = await renderScreen('pending');
      expect(heading(el)).to.equal('Join Acme');
      const expected = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(EXPIRES));
      expect($(el, '[part~="expiry"]').textContent).to.equal(`This invitation expires on ${expected}.`);
      expect(el.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
      expect($(el, '[part~="accept"]').textContent.trim()).to.equal('Accept and sign in');
      await expect(el).to.be.accessible();
    });

    it('says who is signed in when someone else already has a session', async () => {
      client.signedIn = true;
      client.identity = ADA;
      openLink();
      const el = await renderScreen('pending');
      expect($(el, '[part~="notice"]').textContent).to.equal(
        'You’re signed in as ada@example.com. Accepting will sign you in again with the account this invite is for.',
      );
      await expect(el).to.be.accessible();
      click(el, 'accept');
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(client.authenticateCalls[0].clearUserDataBeforeLogin).to.equal(true);
      expect(client.logoutCalls).to.equal(0);
    });

    it('shows the not-found screen for a 404', async () => {
      openLink();
      responder = () => problem('not-found', 404);
      const el = await renderScreen('not-found');
      expect(heading(el)).to.equal('We couldn’t find this invitation');
      expect(stored()).to.equal(null);
      const requested = oneEvent(el, 'invite-request-new');
      click(el, 'request-new');
      expect((await requested).detail).to.deep.equal({ inviteId: INVITE, status: 'not-found' });
      await expect(el).to.be.accessible();
    });

    for (const [status, title] of [
      ['expired', 'This invitation has expired'],
      ['used', 'This invitation has already been used'],
      ['revoked', 'This invitation was withdrawn'],
    ] as const) {
      it(`shows the ${status} screen with a next step`, async () => {
        openLink();
        responder = () => preview(status);
        const el = await renderScreen(status);
        expect(heading(el)).to.equal(title);
        expect($(el, '[part~="body"]').textContent).to.contain('Acme');
        expect(el.shadowRoot!.querySelector('[part~="accept"]')).to.equal(null);
        const requested = oneEvent(el, 'invite-request-new');
        click(el, 'request-new');
        expect((await requested).detail).to.deep.equal({ inviteId: INVITE, status, accountName: 'Acme' });
        await expect(el).to.be.accessible();
      });
    }

    it('offers to sign in on a used invite, returning to success-url', async () => {
      openLink();
      responder = () => preview('used');
      const el = await renderScreen('used', html`<invite-accept success-url="/dashboard"></invite-accept>`);
      click(el, 'sign-in');
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(client.authenticateCalls[0]).to.deep.equal({ redirectUrl: new URL('/dashboard', location.href).href });
    });
  });

  describe('accepting', () => {
    it('fires invitation-accept, then signs in with the invite, returning to this page without the id', async () => {
      openLink({ inviteId: INVITE, tab: 'team' });
      const el = await renderScreen('pending');
      const intent = oneEvent(el, 'invitation-accept');
      click(el, 'accept');
      const event = await intent;
      const redirectUrl = pageWith({ tab: 'team' });
      expect(event.cancelable).to.equal(true);
      expect(event.detail).to.deep.equal({ inviteId: INVITE, accountName: 'Acme', redirectUrl });
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(client.authenticateCalls[0]).to.deep.equal({ inviteId: INVITE, redirectUrl, clearUserDataBeforeLogin: true });
      expect(redirectUrl).not.to.contain(INVITE);
      expect(stored()).to.deep.equal({ inviteId: INVITE, accepting: true });
    });

    it('does nothing when invitation-accept is cancelled', async () => {
      openLink();
      const el = await renderScreen('pending');
      el.addEventListener('invitation-accept', (e) => e.preventDefault());
      const intent = oneEvent(el, 'invitation-accept');
      click(el, 'accept');
      await intent;
      await sleep(20);
      expect(client.authenticateCalls).to.have.length(0);
    });

    it('shows the accepting state and starts one sign-in for a double click', async () => {
      openLink();
      client.authenticate = (options) => (client.authenticateCalls.push(options), new Promise(() => {}));
      const el = await renderScreen('pending');
      click(el, 'accept');
      click(el, 'accept');
      await el.updateComplete;
      click(el, 'accept');
      await sleep(20);
      expect(client.authenticateCalls).to.have.length(1);
      expect($(el, '[part~="accept"]').getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '[role=status]').textContent).to.contain('Taking you to sign in');
      await expect(el).to.be.accessible();
    });

    it('is usable again after coming back with the Back button', async () => {
      openLink();
      client.authenticate = (options) => (client.authenticateCalls.push(options), new Promise(() => {}));
      const el = await renderScreen('pending');
      click(el, 'accept');
      await el.updateComplete;
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await el.updateComplete;
      expect($(el, '[part~="accept"]').getAttribute('aria-disabled')).to.equal('false');
    });

    for (const [code, screen, failure] of [
      ['InviteExpired', 'expired', 'invite-expired'],
      ['InviteNotFound', 'not-found', 'invite-not-found'],
      ['InviteAlreadyUsed', 'used', 'invite-used'],
    ] as const) {
      it(`maps the login error ${code} to the ${screen} screen`, async () => {
        sinon.stub(console, 'warn');
        openLink();
        client.authenticateError = sdkError(code);
        const el = await renderScreen('pending');
        const failed = oneEvent(el, 'invitation-accept-failed');
        click(el, 'accept');
        const detail = (await failed).detail;
        expect(detail).to.include({ code: failure, inviteId: INVITE, sdkCode: code });
        await el.updateComplete;
        expect(el.screen).to.equal(screen);
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
      });
    }

    it('stays on the invite with an announced error when the login host is unreachable', async () => {
      sinon.stub(console, 'error');
      openLink();
      client.authenticateError = sdkError('AuthressSdkNetworkError', 'Failed to fetch');
      const el = await renderScreen('pending');
      const failed = oneEvent(el, 'invitation-accept-failed');
      click(el, 'accept');
      expect((await failed).detail.code).to.equal('login-host-unreachable');
      await el.updateComplete;
      expect(el.screen).to.equal('pending');
      expect(alertText(el)).to.contain('can’t reach the sign-in service');
      expect(alertText(el)).not.to.contain('Failed to fetch');
      expect(stored()).to.deep.equal({ inviteId: INVITE, accepting: false });
      await expect(el).to.be.accessible();
    });
  });

  describe('the return trip', () => {
    beforeEach(() => {
      sessionStorage.setItem(INVITE_STORAGE_KEY, JSON.stringify({ inviteId: INVITE, accepting: true }));
      client.signedIn = true;
      client.identity = ADA;
      responder = () => preview('used');
    });

    it('fires invitation-accepted once and shows a focused success panel', async () => {
      const accepted: CustomEvent[] = [];
      const listener = (e: Event) => accepted.push(e as CustomEvent);
      document.addEventListener('invitation-accepted', listener);
      try {
        const el = await renderScreen('accepted');
        await el.updateComplete;
        expect(heading(el)).to.equal('You’ve joined Acme');
        expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
        expect(accepted).to.have.length(1);
        expect(accepted[0].detail).to.deep.equal({
          inviteId: INVITE,
          accountName: 'Acme',
          user: { userId: 'google|ada', name: 'Ada Lovelace', email: 'ada@example.com' },
        });
        expect(stored()).to.equal(null);
        await expect(el).to.be.accessible();

        await renderScreen('invalid'); // a reload: nothing left to accept
        expect(accepted).to.have.length(1);
      } finally {
        document.removeEventListener('invitation-accepted', listener);
      }
    });

    it('goes to success-url', async () => {
      const el = await fixture<InviteAcceptElement>(html`<invite-accept success-url="/dashboard"></invite-accept>`);
      await oneEvent(el, 'invitation-accepted');
      expect(navigations).to.deep.equal([new URL('/dashboard', location.href).href]);
    });

    it('refuses an open redirect in success-url and shows the success panel', async () => {
      const warn = sinon.stub(console, 'warn');
      await renderScreen('accepted', html`<invite-accept success-url="https://evil.example/"></invite-accept>`);
      expect(navigations).to.have.length(0);
      expect(warn).to.have.been.calledWithMatch(/success-url/);
    });

    it('does not report an acceptance for a used invite opened fresh from the link', async () => {
      sessionStorage.removeItem(INVITE_STORAGE_KEY);
      openLink();
      const accepted = sinon.spy();
      document.addEventListener('invitation-accepted', accepted);
      try {
        await renderScreen('used');
        expect(accepted).not.to.have.been.called;
      } finally {
        document.removeEventListener('invitation-accepted', accepted);
      }
    });
  });

  describe('errors', () => {
    it('shows a retry screen on 503 and keeps the id for the retry', async () => {
      sinon.stub(console, 'warn');
      openLink();
      responder = () => problem('service-unavailable', 503, {}, { 'Retry-After': '0' });
      const el = await renderScreen('error');
      expect(fetchFn.requests).to.have.length(3); // automatic retries first
      expect(heading(el)).to.equal('We couldn’t load your invitation');
      expect(alertText(el)).to.contain('temporarily unavailable');
      await expect(el).to.be.accessible();

      responder = () => preview('pending');
      click(el, 'retry');
      await waitFor(() => el.screen === 'pending');
      expect(fetchFn.requests.at(-1)!.url).to.contain(INVITE);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
      expect(alertText(el)).to.equal('');
    });

    it('shows a retry screen on a network failure', async () => {
      sinon.stub(console, 'warn');
      openLink();
      responder = () => Promise.reject(new TypeError('Failed to fetch'));
      const el = await renderScreen('error');
      expect(alertText(el)).to.contain('couldn’t reach the server');
      expect(stored()?.inviteId).to.equal(INVITE);
    });

    it('times out after requestTimeoutMs', async () => {
      sinon.stub(console, 'warn');
      openLink();
      configure({
        requestTimeoutMs: 20,
        fetch: ((input: Request) =>
          new Promise((_, reject) => input.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch,
      });
      const el = await renderScreen('error');
      expect(alertText(el)).to.contain('took too long');
    });

    it('shows the wait on 429 with a long Retry-After, without retrying', async () => {
      sinon.stub(console, 'warn');
      openLink();
      responder = () => problem('rate-limited', 429, {}, { 'Retry-After': '120' });
      const el = await renderScreen('error');
      expect(alertText(el)).to.equal('Too many attempts. Try again in 120 seconds.');
      expect(fetchFn.requests).to.have.length(1);
    });

    it('reports a missing configuration instead of failing silently', async () => {
      const error = sinon.stub(console, 'error');
      openLink();
      configure({ apiBase: undefined });
      const el = await renderScreen('configuration-error');
      expect(alertText(el)).to.contain('isn’t set up correctly');
      expect(error).to.have.been.called;
      await expect(el).to.be.accessible();
    });
  });

  describe('i18n and theming', () => {
    it('speaks French inside lang="fr", dates included', async () => {
      const { registerLocale } = await import('../../src/core/i18n.js');
      const { inviteAcceptFr } = await import('../../src/elements/invite-accept/invite-accept.i18n.js');
      registerLocale('fr', { inviteAccept: inviteAcceptFr });
      openLink();
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><invite-accept></invite-accept></div>`);
      const el = wrapper.querySelector('invite-accept')!;
      await waitFor(() => el.screen === 'pending');
      await el.updateComplete;
      expect(heading(el)).to.equal('Rejoindre Acme');
      expect($(el, '[part~="accept"]').textContent.trim()).to.equal('Accepter et se connecter');
      const date = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(EXPIRES));
      expect($(el, '[part~="expiry"]').textContent).to.equal(`Cette invitation expire le ${date}.`);
      await expect(el).to.be.accessible();
    });

    it('lets any string be overridden', async () => {
      openLink();
      const el = await renderScreen('pending');
      el.i18n = { accept: 'Join now' };
      await el.updateComplete;
      expect($(el, '[part~="accept"]').textContent.trim()).to.equal('Join now');
    });

    it('switches palettes with theme and honours tokens', async () => {
      openLink();
      const el = await renderScreen('pending', html`<invite-accept theme="dark"></invite-accept>`);
      const button = $(el, '[part~="accept"]');
      const dark = getComputedStyle(button).backgroundColor;
      el.theme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(button).backgroundColor).not.to.equal(dark);
      el.style.setProperty('--invite-accept-button-background', 'rgb(1, 2, 3)');
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
    });
  });
});
