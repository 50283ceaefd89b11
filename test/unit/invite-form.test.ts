import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/invite-form/define.js';
import type { InviteFormElement } from '../../src/elements/invite-form/invite-form.js';
import { inviteFormFr } from '../../src/elements/invite-form/invite-form.i18n.js';
import { parseEmails } from '../../src/elements/invite-form/invite-form.emails.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { registerLocale } from '../../src/core/i18n.js';
import { resetLoginClients } from '../../src/core/login-client.js';
import type { InviteResult, PendingInvite, Role } from '../../src/core/api/types.js';
import { FakeLoginClient } from './support/fake-login-client.js';
import { fakeFetch, json, problem, type RecordedRequest } from './support/fetch.js';
import { oneEvent } from './support/events.js';
import { waitForUpdate } from './support/wait.js';

const ACCOUNT = 'acc_3mK9qTz1Lw8Rb2Xc';
const API = 'https://api.example.test';
const ROLES: Role[] = [
  { roleId: 'member', name: 'Member', description: 'Uses the app; can’t change settings.' },
  { roleId: 'admin', name: 'Administrator', description: 'Manages people, SSO and billing.' },
  { roleId: 'viewer', name: 'Viewer', description: null },
];
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const invite = (id: string, email: string, roleId = 'member'): PendingInvite => ({
  inviteId: id,
  email,
  roleId,
  roleName: ROLES.find((r) => r.roleId === roleId)?.name ?? null,
  createdAt: new Date().toISOString(),
  expiresAt: inDays(7),
});

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

describe('<invite-form>', () => {
  let client: FakeLoginClient;
  let fetchFn: ReturnType<typeof fakeFetch>;
  let routes: Record<string, Handler>;
  let pending: PendingInvite[];

  beforeEach(() => {
    client = new FakeLoginClient({ signedIn: true });
    pending = [invite('inv_aaaaaaaa1', 'grace@acme.com'), invite('inv_bbbbbbbb2', 'linus@acme.com', 'admin')];
    routes = {
      'GET /roles': () => json({ roles: ROLES }),
      'GET /invites': () => json({ invites: pending }),
      'POST /invites': (request) => {
        const body = request.body as { emails: string[] };
        return json({ results: body.emails.map<InviteResult>((email) => ({ email, status: 'sent', inviteId: `inv_${email.replace(/\W/g, '')}xxxxxxxx` })) });
      },
      'DELETE /invites/*': () => new Response(null, { status: 204 }),
    };
    fetchFn = fakeFetch((request) => {
      const path = new URL(request.url).pathname.replace(/^\/accounts\/[^/]+/, '');
      const key = `${request.method} ${path.replace(/^\/invites\/.+$/, '/invites/*')}`;
      const handler = routes[key];
      if (!handler) throw new Error(`unexpected ${key}`);
      return handler(request);
    });
    resetConfig();
    resetLoginClients();
    configure({ loginClientFactory: () => client, fetch: fetchFn, apiBase: API, loginHost: 'https://login.example.test', applicationId: 'app_test' });
  });
  afterEach(() => {
    resetConfig();
    resetLoginClients();
  });

  async function render(template = html`<invite-form account-id=${ACCOUNT}></invite-form>`) {
    const el = await fixture<InviteFormElement>(template);
    await waitForUpdate(el, () => !$(el, '[part~=loading]') && !text(el, '[part~=pending]').includes('Loading'));
    return el;
  }
  const $ = <T extends Element = HTMLElement>(el: InviteFormElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
  const $$ = <T extends Element = HTMLElement>(el: InviteFormElement, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
  const text = (el: InviteFormElement, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const posts = () => fetchFn.requests.filter((r) => r.method === 'POST');
  const deletes = () => fetchFn.requests.filter((r) => r.method === 'DELETE');

  async function pickRole(el: InviteFormElement, roleId: string) {
    $<HTMLInputElement>(el, `input[name=role][value=${roleId}]`)!.click();
    await el.updateComplete;
  }
  async function typeEmails(el: InviteFormElement, value: string) {
    const area = $<HTMLTextAreaElement>(el, '#emails')!;
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
  async function submit(el: InviteFormElement) {
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    await waitForUpdate(el, () => $(el, '[part~=submit-button]')?.getAttribute('aria-disabled') !== 'true');
    await el.updateComplete;
  }

  describe('loading', () => {
    it('loads roles and pending invites; roles are radio cards with descriptions', async () => {
      const el = await render();
      expect(fetchFn.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.have.members([
        `GET /accounts/${ACCOUNT}/roles`,
        `GET /accounts/${ACCOUNT}/invites`,
      ]);
      expect(text(el, 'legend')).to.equal('Role');
      const member = $<HTMLInputElement>(el, 'input[value=member]')!;
      expect(member.getAttribute('aria-describedby')).to.equal('role-0-description');
      expect(text(el, '#role-0-description')).to.contain('can’t change settings');
      expect($<HTMLTextAreaElement>(el, '#emails')!.getAttribute('autocomplete')).to.equal('off');
      expect($$(el, '[part~=pending-item]')).to.have.length(2);
      expect(text(el, '[part~=pending-item]')).to.contain('grace@acme.com');
      expect(text(el, '[part~=pending-item]')).to.contain('Role: Member');
      expect(text(el, '[part~=pending-item]')).to.contain('Expires in 7 days');
      await expect(el).to.be.accessible();
    });

    it('role ids never collide: `a:b` vs `a_b`, and a role named `error` vs the role error', async () => {
      routes['GET /roles'] = () =>
        json({
          roles: [
            { roleId: 'a:b', name: 'A colon B', description: 'First.' },
            { roleId: 'a_b', name: 'A underscore B', description: 'Second.' },
            { roleId: 'error', name: 'Error', description: null },
          ],
        });
      const el = await render();
      await typeEmails(el, 'ada@acme.com');
      await submit(el); // no role chosen: the role error shows
      const ids = $$(el, '[id]').map((node) => node.id);
      expect(new Set(ids).size).to.equal(ids.length);
      const radios = $$<HTMLInputElement>(el, 'input[name=role]');
      expect(new Set(radios.map((r) => r.id)).size).to.equal(3);
      expect(text(el, `#${radios[1].getAttribute('aria-describedby')}`)).to.equal('Second.');
      await expect(el).to.be.accessible();
    });

    it('is accessible while loading', async () => {
      routes['GET /roles'] = () => new Promise(() => {});
      const el = await fixture<InviteFormElement>(html`<invite-form account-id=${ACCOUNT}></invite-form>`);
      expect(text(el, '[part~=loading]')).to.contain('Loading');
      await expect(el).to.be.accessible();
    });

    it('load failure: message, event, Retry', async () => {
      routes['GET /roles'] = () => problem('internal-error', 500);
      const failed = new Promise<CustomEvent>((resolve) => document.addEventListener('invite-load-failed', (e) => resolve(e as CustomEvent), { once: true }));
      const el = await render();
      expect((await failed).detail).to.deep.include({ code: 'internal-error', status: 500 });
      expect(text(el, '[part~=load-error]')).to.contain('couldn’t load');
      await expect(el).to.be.accessible();
      routes['GET /roles'] = () => json({ roles: ROLES });
      $<HTMLButtonElement>(el, '[part~=retry-button]')!.click();
      await waitForUpdate(el, () => Boolean($(el, 'form')));
    });

    it('403: no-permission message instead of the form', async () => {
      routes['GET /roles'] = () => problem('forbidden', 403);
      routes['GET /invites'] = () => problem('forbidden', 403);
      const el = await render();
      expect($(el, 'form')).to.equal(null);
      expect(text(el, '[part~=forbidden]')).to.contain('can’t invite people');
      await expect(el).to.be.accessible();
    });

    it('no grantable roles: explains', async () => {
      routes['GET /roles'] = () => json({ roles: [] });
      const el = await render();
      expect($(el, 'form')).to.equal(null);
      expect(text(el, '[part~=no-roles]')).to.contain('You can’t grant any role in this account');
      await expect(el).to.be.accessible();
    });

    it('not signed in: sign-in offer', async () => {
      client.signedIn = false;
      const el = await render();
      expect(text(el, '[part~=sign-in]')).to.contain('Sign in to invite');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~=sign-in-button]')!.click();
      expect(client.authenticateCalls).to.deep.equal([{ redirectUrl: location.href }]);
    });

    it('reloads when account-id changes', async () => {
      const el = await render();
      const before = fetchFn.requests.length;
      el.accountId = 'acc_other0000001';
      await waitForUpdate(el, () => fetchFn.requests.length === before + 2);
      expect(fetchFn.requests.slice(before).every((r) => r.url.includes('acc_other0000001'))).to.equal(true);
    });

    it('a new account-id starts clean: nothing typed, answered or keyed for the previous account survives', async () => {
      routes['POST /invites'] = (request) => {
        const body = request.body as { emails: string[] };
        return json({ results: body.emails.map<InviteResult>((email) => ({ email, status: email.startsWith('bad') ? 'invalid' : 'sent' })) });
      };
      const el = await render();
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com, bad@acme.com');
      await submit(el);
      expect($(el, '[part~=summary]')).to.exist;
      $<HTMLButtonElement>(el, '[data-invite-id=inv_aaaaaaaa1] [part~=revoke-button]')!.click();
      await el.updateComplete;
      routes['POST /invites'] = () => problem('internal-error', 500);
      await typeEmails(el, 'alan@acme.com');
      await submit(el); // fails: keeps a key for the retry
      pending = [];
      el.accountId = 'acc_other0000001';
      await waitForUpdate(el, () => Boolean($(el, 'form')) && Boolean($(el, '[part~=pending-empty]')));
      expect($<HTMLTextAreaElement>(el, '#emails')!.value).to.equal('');
      expect(Boolean($(el, '[part~=summary]'))).to.equal(false);
      expect(Boolean($(el, '[part~=results]'))).to.equal(false);
      expect(text(el, '#emails-error')).to.equal('');
      expect(text(el, '[part~=error]')).to.equal('');
      expect(Boolean($(el, '[part~=confirm]'))).to.equal(false);
      expect(Boolean($(el, 'input[name=role]:checked'))).to.equal(false);
      await pickRole(el, 'member');
      await typeEmails(el, 'alan@acme.com');
      const keys = posts().map((r) => r.headers.get('Idempotency-Key'));
      await submit(el);
      expect(posts().at(-1)!.url).to.contain('acc_other0000001');
      expect(keys).not.to.include(posts().at(-1)!.headers.get('Idempotency-Key'));
    });

    it('the idempotency key is dropped when a reload changes the role', async () => {
      routes['POST /invites'] = () => problem('internal-error', 500);
      const el = await render();
      await pickRole(el, 'admin');
      await typeEmails(el, 'ada@acme.com');
      await submit(el);
      routes['GET /roles'] = () => json({ roles: [ROLES[0]] }); // admin is no longer grantable: member is chosen
      await el.load();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, 'input[value=member]')!.checked).to.equal(true);
      await submit(el);
      const keys = posts().map((r) => r.headers.get('Idempotency-Key'));
      expect(keys).to.have.length(2);
      expect(keys[1]).not.to.equal(keys[0]);
    });

    it('moving the element in the DOM keeps what was typed (no reload)', async () => {
      const el = await render();
      await pickRole(el, 'admin');
      await typeEmails(el, 'ada@acme.com');
      const before = fetchFn.requests.length;
      const host = document.createElement('div');
      el.parentElement!.append(host);
      host.append(el);
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 20));
      await el.updateComplete;
      expect(fetchFn.requests.length).to.equal(before);
      expect($<HTMLTextAreaElement>(el, '#emails')!.value).to.equal('ada@acme.com');
      expect($<HTMLInputElement>(el, 'input[value=admin]')!.checked).to.equal(true);
      await submit(el); // and it still works after the move
      await waitForUpdate(el, () => Boolean($(el, '[part~=summary]')));
      expect(posts()).to.have.length(1);
    });

    it('moved while still loading: loads again', async () => {
      let release!: () => void;
      routes['GET /roles'] = () => new Promise((resolve) => (release = () => resolve(json({ roles: ROLES }))));
      const el = await fixture<InviteFormElement>(html`<invite-form account-id=${ACCOUNT}></invite-form>`);
      await waitForUpdate(el, () => fetchFn.requests.length === 2);
      routes['GET /roles'] = () => json({ roles: ROLES });
      const host = document.createElement('div');
      el.parentElement!.append(host);
      host.append(el);
      release();
      await waitForUpdate(el, () => Boolean($(el, 'form')));
    });

    it('pending list: empty and failed states', async () => {
      pending = [];
      const el = await render();
      expect(text(el, '[part~=pending-empty]')).to.equal('No pending invitations.');
      routes['GET /invites'] = () => problem('internal-error', 500);
      const failing = await render();
      expect(text(failing, '[part~=pending]')).to.contain('couldn’t load the pending');
      await expect(failing).to.be.accessible();
    });
  });

  describe('addresses', () => {
    it('parses commas, semicolons, spaces, new lines and Name <email>; trims, lower-cases, dedupes', () => {
      const parsed = parseEmails(' Ada@Acme.com, grace@acme.com;linus@acme.com\n"Lovelace, Ada" <ADA@acme.com>  Alan Turing <alan@acme.com>\nnot-an-email , bob@');
      expect(parsed.valid).to.deep.equal(['ada@acme.com', 'grace@acme.com', 'linus@acme.com', 'alan@acme.com']);
      expect(parsed.invalid).to.deep.equal(['not-an-email', 'bob@']);
    });

    it('invalid entries are listed under the field and block sending', async () => {
      const el = await render();
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com, nope, grace@acme');
      const failed = oneEvent(el, 'invite-send-failed');
      await submit(el);
      expect((await failed).detail.code).to.equal('invalid-input');
      expect(posts()).to.have.length(0);
      expect($$(el, '[part~=invalid-list] li').map((li) => li.textContent)).to.deep.equal(['nope', 'grace@acme']);
      expect(text(el, '#emails-error')).to.contain('These 2 entries aren’t email addresses');
      expect($(el, '#emails')!.getAttribute('aria-describedby')).to.contain('emails-invalid');
      expect(el.shadowRoot!.activeElement?.id).to.equal('emails');
      expect($<HTMLTextAreaElement>(el, '#emails')!.value).to.equal('ada@acme.com, nope, grace@acme');
      await expect(el).to.be.accessible();
    });

    it('marks invalid entries when leaving the field', async () => {
      const el = await render();
      await typeEmails(el, 'ada@acme.com oops');
      $(el, '#emails')!.dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect(text(el, '[part~=invalid-list]')).to.equal('oops');
    });

    it('more than 50 addresses: says so and sends nothing', async () => {
      const el = await render();
      await pickRole(el, 'member');
      await typeEmails(el, Array.from({ length: 51 }, (_, i) => `user${i}@acme.com`).join('\n'));
      const failed = oneEvent(el, 'invite-send-failed');
      await submit(el);
      expect((await failed).detail.code).to.equal('too-many');
      expect(text(el, '#emails-error')).to.contain('up to 50 people at a time; you entered 51');
      expect(posts()).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('requires a role and at least one address; focuses the role first', async () => {
      const el = await render();
      await submit(el);
      expect(text(el, '#role-error')).to.equal('Choose a role.');
      expect(text(el, '#emails-error')).to.equal('Enter at least one email address.');
      expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('role');
      await expect(el).to.be.accessible();
    });
  });

  describe('sending', () => {
    it('sends: intent with counts only, request, all-sent summary, list refreshed', async () => {
      const el = await render();
      await pickRole(el, 'admin');
      await typeEmails(el, 'Ada@Acme.com\nalan@acme.com');
      expect(text(el, '[part~=submit-button]')).to.equal('Send 2 invitations');
      const intent = oneEvent(el, 'invite-send');
      const sent = oneEvent(el, 'invite-sent');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      expect((await intent).detail).to.deep.equal({ roleId: 'admin', count: 2 });
      expect((await sent).detail).to.deep.equal({ roleId: 'admin', sent: 2, alreadyPending: 0, invalid: 0, failed: 0 });
      await waitForUpdate(el, () => Boolean($(el, '[part~=summary]')));
      expect(posts()[0].body).to.deep.equal({ emails: ['ada@acme.com', 'alan@acme.com'], roleId: 'admin' });
      expect(posts()[0].headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      expect(text(el, '[part~=summary]')).to.equal('All 2 invitations sent.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~=summary]'));
      expect($<HTMLTextAreaElement>(el, '#emails')!.value).to.equal('');
      await waitForUpdate(el, () => fetchFn.requests.filter((r) => r.method === 'GET' && r.url.endsWith('/invites')).length === 2);
      await expect(el).to.be.accessible();
    });

    it('mixed results: per-address list, failed + invalid kept in the field, sent removed', async () => {
      routes['POST /invites'] = () =>
        json({
          results: [
            { email: 'ada@acme.com', status: 'sent', inviteId: 'inv_ada0000001' },
            { email: 'grace@acme.com', status: 'already_pending' },
            { email: 'weird@acme.com', status: 'invalid', problemType: 'urn:authress-onboarding:problem:invalid-email' },
            { email: 'alan@acme.com', status: 'failed', problemType: 'urn:authress-onboarding:problem:invite-failed' },
          ],
        });
      const el = await render();
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com, grace@acme.com, weird@acme.com, alan@acme.com');
      const sent = oneEvent(el, 'invite-sent');
      await submit(el);
      expect((await sent).detail).to.deep.equal({ roleId: 'member', sent: 1, alreadyPending: 1, invalid: 1, failed: 1 });
      expect(text(el, '[part~=summary]')).to.equal('1 sent, 1 already pending, 1 invalid, 1 failed.');
      expect($(el, '[part~=summary]')!.getAttribute('role')).to.equal('status');
      const rows = $$(el, '[part~=result]').map((li) => [li.dataset['status'], li.textContent.replace(/\s+/g, ' ').trim()]);
      expect(rows).to.deep.equal([
        ['sent', 'ada@acme.com Sent'],
        ['already_pending', 'grace@acme.com Already invited (pending)'],
        ['invalid', 'weird@acme.com Not a valid email address'],
        ['failed', 'alan@acme.com Not sent: try again'],
      ]);
      expect($<HTMLTextAreaElement>(el, '#emails')!.value).to.equal('weird@acme.com\nalan@acme.com');
      expect(text(el, '#emails-error')).to.contain('still in the field');
      await expect(el).to.be.accessible();
    });

    it('while sending: aria-disabled, status announced, and a double submit sends once', async () => {
      let release!: () => void;
      routes['POST /invites'] = (request) =>
        new Promise((resolve) => (release = () => resolve(json({ results: (request.body as { emails: string[] }).emails.map((email) => ({ email, status: 'sent' })) }))));
      const el = await render();
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com');
      const form = $<HTMLFormElement>(el, 'form')!;
      form.requestSubmit();
      form.requestSubmit();
      await waitForUpdate(el, () => posts().length === 1);
      form.requestSubmit();
      await el.updateComplete;
      expect($(el, '[part~=submit-button]')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, '[part~=status]')).to.equal('Sending 1 invitation…');
      await expect(el).to.be.accessible();
      release();
      await waitForUpdate(el, () => Boolean($(el, '[part~=summary]')));
      expect(posts()).to.have.length(1);
    });

    it('idempotency key: reused when retrying the same submission, new after an edit', async () => {
      routes['POST /invites'] = () => problem('internal-error', 500);
      const el = await render();
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com');
      await submit(el);
      await submit(el);
      expect(text(el, '[part~=error]')).to.contain('Something went wrong'); // a 500 is generic, not "unavailable
      expect($<HTMLTextAreaElement>(el, '#emails')!.value).to.equal('ada@acme.com');
      await typeEmails(el, 'ada@acme.com, alan@acme.com');
      await submit(el);
      const keys = posts().map((r) => r.headers.get('Idempotency-Key'));
      expect(keys).to.have.length(3);
      expect(keys[0]).to.equal(keys[1]);
      expect(keys[2]).not.to.equal(keys[0]);
    });

    it('cancelling invite-send sends nothing', async () => {
      const el = await render();
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com');
      el.addEventListener('invite-send', (e) => e.preventDefault(), { once: true });
      await submit(el);
      expect(posts()).to.have.length(0);
    });

    it('403 role-not-grantable lands on the role field', async () => {
      routes['POST /invites'] = () => problem('role-not-grantable', 403, { errors: [{ pointer: '/roleId', code: 'role-not-grantable' }] });
      const el = await render();
      await pickRole(el, 'admin');
      await typeEmails(el, 'ada@acme.com');
      const failed = oneEvent(el, 'invite-send-failed');
      await submit(el);
      expect((await failed).detail).to.deep.include({ code: 'role-not-grantable', status: 403 });
      expect(text(el, '#role-error')).to.equal('You can’t grant this role.');
      expect($(el, '[part~=roles]')!.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement?.getAttribute('value')).to.equal('admin');
      expect($<HTMLTextAreaElement>(el, '#emails')!.value).to.equal('ada@acme.com');
      await expect(el).to.be.accessible();
    });

    it('signed out at send time: says so and offers Sign in', async () => {
      const el = await render();
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com');
      client.signedIn = false;
      await submit(el);
      expect(text(el, '[part~=error]')).to.contain('You need to sign in');
      expect($(el, '[part~=error] [part~=sign-in-button]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('events never carry addresses', async () => {
      const details: unknown[] = [];
      const el = await render();
      for (const type of ['invite-send', 'invite-sent', 'invite-send-failed']) el.addEventListener(type, (e) => details.push((e as CustomEvent).detail));
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com');
      await submit(el);
      expect(details.length).to.be.greaterThan(1);
      expect(JSON.stringify(details)).not.to.contain('@');
    });
  });

  describe('revoking', () => {
    it('inline confirm, revoke, event, row removed, focus to the next row', async () => {
      const el = await render();
      const first = $<HTMLButtonElement>(el, '[data-invite-id=inv_aaaaaaaa1] [part~=revoke-button]')!;
      expect(first.getAttribute('aria-label')).to.equal('Revoke the invitation for grace@acme.com');
      first.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(text(el, '[part~=confirm]')).to.contain('Revoke the invitation for grace@acme.com?');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~=cancel-button]'));
      await expect(el).to.be.accessible();
      pending = pending.slice(1);
      const revoked = oneEvent(el, 'invite-revoked');
      $<HTMLButtonElement>(el, '[part~=confirm-button]')!.click();
      expect((await revoked).detail).to.deep.equal({ inviteId: 'inv_aaaaaaaa1' });
      await el.updateComplete;
      expect(deletes()[0].url).to.equal(`${API}/accounts/${ACCOUNT}/invites/inv_aaaaaaaa1`);
      expect($$(el, '[part~=pending-item]')).to.have.length(1);
      expect(text(el, '[part~=status]')).to.equal('Invitation for grace@acme.com revoked.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-invite-id=inv_bbbbbbbb2] [part~=revoke-button]'));
      await expect(el).to.be.accessible();
    });

    it('Cancel returns to the row and focuses its Revoke button', async () => {
      const el = await render();
      $<HTMLButtonElement>(el, '[data-invite-id=inv_bbbbbbbb2] [part~=revoke-button]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~=cancel-button]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '[part~=confirm]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-invite-id=inv_bbbbbbbb2] [part~=revoke-button]'));
      expect(deletes()).to.have.length(0);
    });

    it('revoking the last one moves focus to the list heading', async () => {
      pending = [invite('inv_only00001', 'solo@acme.com')];
      const el = await render();
      $<HTMLButtonElement>(el, '[part~=revoke-button]')!.click();
      await el.updateComplete;
      pending = [];
      const revoked = oneEvent(el, 'invite-revoked');
      $<HTMLButtonElement>(el, '[part~=confirm-button]')!.click();
      await revoked;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~=pending-heading]'));
      await waitForUpdate(el, () => Boolean($(el, '[part~=pending-empty]')));
    });

    it('revoke failure: message on the row and invite-revoke-failed', async () => {
      routes['DELETE /invites/*'] = () => problem('internal-error', 500);
      const el = await render();
      $<HTMLButtonElement>(el, '[part~=revoke-button]')!.click();
      await el.updateComplete;
      const failed = oneEvent(el, 'invite-revoke-failed');
      $<HTMLButtonElement>(el, '[part~=confirm-button]')!.click();
      expect((await failed).detail).to.deep.include({ inviteId: 'inv_aaaaaaaa1', code: 'internal-error' });
      await el.updateComplete;
      expect(text(el, '[data-invite-id=inv_aaaaaaaa1]')).to.contain('couldn’t revoke');
      expect($$(el, '[part~=pending-item]')).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('a stale pending list never brings back a revoked row', async () => {
      const el = await render();
      let releaseOld!: () => void;
      const old = pending;
      routes['GET /invites'] = () => new Promise((resolve) => (releaseOld = () => resolve(json({ invites: old }))));
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com');
      await submit(el); // refreshes the list: this answer is slow, and contains grace
      routes['GET /invites'] = () => json({ invites: pending });
      pending = pending.slice(1);
      $<HTMLButtonElement>(el, '[data-invite-id=inv_aaaaaaaa1] [part~=revoke-button]')!.click();
      await el.updateComplete;
      const revoked = oneEvent(el, 'invite-revoked');
      $<HTMLButtonElement>(el, '[part~=confirm-button]')!.click();
      await revoked;
      await waitForUpdate(el, () => fetchFn.requests.filter((r) => r.method === 'GET' && r.url.endsWith('/invites')).length === 3);
      await new Promise((resolve) => setTimeout(resolve, 20));
      releaseOld();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await el.updateComplete;
      expect(Boolean($(el, '[data-invite-id=inv_aaaaaaaa1]'))).to.equal(false);
      expect($$(el, '[part~=pending-item]')).to.have.length(1);
    });

    for (const [name, answer] of [
      ['409 invite-not-pending (accepted meanwhile)', () => problem('invite-not-pending', 409)],
      ['404 (gone)', () => problem('not-found', 404)],
    ] as const) {
      it(`${name}: the row leaves the list, which is refreshed`, async () => {
        routes['DELETE /invites/*'] = answer;
        const el = await render();
        $<HTMLButtonElement>(el, '[data-invite-id=inv_aaaaaaaa1] [part~=revoke-button]')!.click();
        await el.updateComplete;
        const gets = fetchFn.requests.length;
        pending = pending.slice(1);
        const failed = oneEvent(el, 'invite-revoke-failed');
        $<HTMLButtonElement>(el, '[part~=confirm-button]')!.click();
        expect((await failed).detail).to.deep.include({ inviteId: 'inv_aaaaaaaa1' });
        await waitForUpdate(el, () => fetchFn.requests.length === gets + 2);
        await el.updateComplete;
        expect(Boolean($(el, '[data-invite-id=inv_aaaaaaaa1]'))).to.equal(false);
        expect(el.shadowRoot!.textContent).not.to.contain('couldn’t revoke');
        expect($$(el, '[part~=pending-item]')).to.have.length(1);
        expect(el.shadowRoot!.activeElement === $(el, '[data-invite-id=inv_bbbbbbbb2] [part~=revoke-button]')).to.equal(true);
        await expect(el).to.be.accessible();
      });
    }

    it('while revoking, the confirm button is aria-disabled and a second click does nothing', async () => {
      let release!: () => void;
      routes['DELETE /invites/*'] = () => new Promise((resolve) => (release = () => resolve(new Response(null, { status: 204 }))));
      const el = await render();
      $<HTMLButtonElement>(el, '[part~=revoke-button]')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~=confirm-button]')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~=confirm-button]')!.click();
      expect($(el, '[part~=confirm-button]')!.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      pending = pending.slice(1);
      release();
      await waitForUpdate(el, () => $$(el, '[part~=pending-item]').length === 1);
      expect(deletes()).to.have.length(1);
    });
  });

  describe('i18n', () => {
    it('speaks French inside lang="fr", dates included', async () => {
      registerLocale('fr', { inviteForm: inviteFormFr });
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><invite-form account-id=${ACCOUNT}></invite-form></div>`);
      const el = wrapper.querySelector('invite-form')!;
      await waitForUpdate(el, () => Boolean($(el, '[part~=pending-item]')));
      expect(text(el, 'legend')).to.equal('Rôle');
      expect(text(el, '[part~=pending-heading]')).to.equal('Invitations en attente');
      expect(text(el, '[part~=pending-item]')).to.contain('Expire dans 7 jours');
      await pickRole(el, 'member');
      await typeEmails(el, 'ada@acme.com');
      await submit(el);
      expect(text(el, '[part~=summary]')).to.equal('Invitation envoyée.');
      await expect(el).to.be.accessible();
    });
  });
});
