import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { resetLoginClients } from '../../src/core/login-client.js';
import type { SsoConfiguration } from '../../src/core/api/types.js';
import { FakeLoginClient } from './support/fake-login-client.js';
import { fakeFetch, json } from './support/fetch.js';
import { oneEvent } from './support/events.js';
import { waitForUpdate } from './support/wait.js';

/**
 * Every element, driven only by real key presses (Tab, typing, Space, arrows, Enter) through the
 * browser's input pipeline, not by clicks or DOM calls: the keyboard path of each step works.
 * Intent events are cancelled so nothing is sent.
 */
const ACCOUNT = 'acc_3mK9qTz1Lw8Rb2Xc';
const SP = { redirectUrl: 'https://login.example.test/cb', acsUrl: 'https://login.example.test/acs', entityId: 'https://login.example.test/sp' };
const notConfigured: SsoConfiguration = { accountId: ACCOUNT, configured: false, type: null, domains: [], serviceProvider: SP, updatedAt: null };

describe('keyboard only', () => {
  let client: FakeLoginClient;

  beforeEach(() => {
    client = new FakeLoginClient({ signedIn: true, identity: { userId: 'google|ada', sub: 'google|ada', name: 'Ada', email: 'ada@example.com' } });
    const fetchFn = fakeFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/accounts') return json({ accounts: [] });
      if (path.endsWith('/sso')) return json(notConfigured);
      if (path.endsWith('/roles')) return json({ roles: [{ roleId: 'Editor', name: 'Editor', description: 'Edits' }, { roleId: 'Viewer', name: 'Viewer', description: null }] });
      if (path.endsWith('/invites')) return json({ invites: [] });
      if (path.startsWith('/api/invites/')) return json({ inviteId: 'inv_12345678abc', accountName: 'Acme', status: 'pending', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
      throw new Error(`unexpected ${request.method} ${path}`);
    });
    resetConfig();
    resetLoginClients();
    configure({ loginClientFactory: () => client, fetch: fetchFn, apiBase: '/api', loginHost: 'https://login.example.test', applicationId: 'app_test', navigate: () => {} });
  });
  afterEach(() => {
    resetConfig();
    resetLoginClients();
  });

  const active = (el: Element) => el.shadowRoot!.activeElement;
  const cancel = (event: Event) => event.preventDefault();

  it('<signup-button>: Tab reaches the button, Enter starts login', async () => {
    client.signedIn = false;
    const el = await fixture(html`<signup-button></signup-button>`);
    el.addEventListener('signup-start', cancel);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.tagName).to.equal('BUTTON');
    const start = oneEvent(el, 'signup-start');
    await sendKeys({ press: 'Enter' });
    await start;
  });

  it('<signup-button mode="sso">: Tab, type the work email, Enter', async () => {
    client.signedIn = false;
    const el = await fixture(html`<signup-button mode="sso"></signup-button>`);
    el.addEventListener('signup-start', cancel);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('type')).to.equal('email');
    await sendKeys({ type: 'bob@acme.test' });
    const start = oneEvent(el, 'signup-start');
    await sendKeys({ press: 'Enter' });
    expect((await start).detail.tenantLookupIdentifier).to.equal('acme.test');
  });

  it('<create-account-form>: type the account name, Enter submits', async () => {
    const el = await fixture(html`<create-account-form></create-account-form>`);
    await waitForUpdate(el as never, () => Boolean(el.shadowRoot!.querySelector('#account-name')));
    el.addEventListener('account-create', cancel);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('account-name');
    await sendKeys({ type: 'Globex' });
    const intent = oneEvent(el, 'account-create');
    await sendKeys({ press: 'Enter' });
    expect((await intent).detail.accountName).to.equal('Globex');
  });

  it('<sso-config-form>: fill the OAuth2 fields with Tab and typing, Enter submits', async () => {
    const el = await fixture(html`<sso-config-form account-id=${ACCOUNT}></sso-config-form>`);
    await waitForUpdate(el as never, () => Boolean(el.shadowRoot!.querySelector('form')));
    el.addEventListener('sso-config-save', cancel);
    const typeInto = async (id: string, text: string) => {
      (el.shadowRoot!.querySelector(`#${id}`) as HTMLElement).focus();
      await sendKeys({ type: text });
    };
    await typeInto('authorizationUrl', 'https://idp.acme.com/authorize');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('tokenUrl');
    await sendKeys({ type: 'https://idp.acme.com/token' });
    await typeInto('clientId', 'client-1');
    await typeInto('clientSecret', 's3cret');
    await typeInto('domains', 'acme.com');
    const intent = oneEvent(el, 'sso-config-save');
    await sendKeys({ press: 'Enter' });
    const detail = (await intent).detail as unknown as Record<string, unknown>;
    expect(detail['type']).to.equal('oauth2');
    expect(detail['tokenUrl']).to.equal('https://idp.acme.com/token');
    expect(JSON.stringify(detail)).not.to.contain('s3cret');
  });

  it('<invite-form>: arrows pick the role, Tab to Send, Enter sends', async () => {
    const el = await fixture(html`<invite-form account-id=${ACCOUNT}></invite-form>`);
    await waitForUpdate(el as never, () => Boolean(el.shadowRoot!.querySelector('input[name=role]')));
    el.addEventListener('invite-send', cancel);
    (el.shadowRoot!.querySelector('input[name=role]') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    expect((active(el) as HTMLInputElement).value).to.equal('Viewer');
    expect((active(el) as HTMLInputElement).checked).to.equal(true);
    (el.shadowRoot!.querySelector('textarea') as HTMLElement).focus();
    await sendKeys({ type: 'bob@acme.test' });
    await sendKeys({ press: 'Enter' }); // a new line in the list, not a submission
    await sendKeys({ type: 'carol@acme.test' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('type')).to.equal('submit');
    const intent = oneEvent(el, 'invite-send');
    await sendKeys({ press: 'Enter' });
    expect((await intent).detail).to.include({ roleId: 'Viewer', count: 2 });
  });

  it('<invite-accept>: Tab reaches "Accept and sign in", Space accepts', async () => {
    client.signedIn = false;
    const el = await fixture(html`<invite-accept invite-id="inv_12345678abc"></invite-accept>`);
    await waitForUpdate(el as never, () => Boolean(el.shadowRoot!.querySelector('[part~=accept]')));
    el.addEventListener('invitation-accept', cancel);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.contain('accept');
    const intent = oneEvent(el, 'invitation-accept');
    await sendKeys({ press: 'Space' });
    expect((await intent).detail.inviteId).to.equal('inv_12345678abc');
  });
});
