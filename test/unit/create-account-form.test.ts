import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/create-account-form/define.js';
import type { CreateAccountFormElement } from '../../src/elements/create-account-form/create-account-form.js';
import type { FieldError } from '../../src/elements/create-account-form/create-account-form.events.js';
import type { ExtraField } from '../../src/elements/create-account-form/extra-fields.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { resetLoginClients } from '../../src/core/login-client.js';
import { FakeLoginClient } from './support/fake-login-client.js';
import { fakeFetch, json, problem, type RecordedRequest, type Responder } from './support/fetch.js';
import { oneEvent } from './support/events.js';
import { sleep, waitFor as waitWithin } from './support/wait.js';

/** These tests have always allowed 2 s (the shared default is 3 s). */
const waitFor = (condition: () => boolean) => waitWithin(condition, 2000);

const LOGIN_HOST = 'https://login.example.test';
const ADA = { userId: 'google|ada', sub: 'google|ada', name: 'Ada Lovelace', email: 'ada@example.com' };
const CREATED = {
  account: { accountId: 'acc_1', name: 'Acme', contactName: 'Ada Lovelace', contactEmail: 'ada@example.com', fields: {}, createdAt: '2026-01-01T00:00:00Z' },
  role: 'Authress:Owner',
};
const EXTRA_FIELDS: ExtraField[] = [
  {
    name: 'companySize',
    label: 'Company size',
    type: 'select',
    required: true,
    options: [
      { value: '1-10', label: '1–10' },
      { value: '11-50', label: '11–50' },
    ],
  },
  { name: 'vatId', label: 'VAT number', type: 'text', pattern: '[A-Z]{2}[0-9]{8,12}', maxlength: 40, hint: 'Two letters, then digits.' },
  { name: 'seats', label: 'Seats', type: 'number', min: 1 },
  { name: 'terms', label: 'I accept the terms', type: 'checkbox', required: true },
];

describe('<create-account-form>', () => {
  let client: FakeLoginClient;
  let navigations: string[];
  let postResponder: Responder;
  let accounts: unknown[];
  let fetchFn: ReturnType<typeof fakeFetch>;

  beforeEach(() => {
    client = new FakeLoginClient({ signedIn: true, identity: ADA });
    navigations = [];
    accounts = [];
    postResponder = () => json(CREATED, 201);
    fetchFn = fakeFetch((request, index) => {
      if (request.method === 'GET' && request.url.endsWith('/api/accounts')) return json({ accounts });
      if (request.method === 'POST' && request.url.endsWith('/api/accounts')) return postResponder(request, index);
      return problem('not-found', 404);
    });
    resetConfig();
    resetLoginClients();
    configure({
      loginHost: LOGIN_HOST,
      applicationId: 'app_test',
      apiBase: '/api',
      loginClientFactory: () => client,
      fetch: fetchFn,
      navigate: (url) => navigations.push(url),
    });
  });
  afterEach(() => {
    sinon.restore();
    resetConfig();
    resetLoginClients();
  });

  async function render(template = html`<create-account-form></create-account-form>`): Promise<CreateAccountFormElement> {
    const el = await fixture<CreateAccountFormElement>(template);
    await waitFor(() => !el.shadowRoot!.querySelector('[part~="loading"]'));
    await el.updateComplete;
    return el;
  }
  const renderWithFields = () => render(html`<create-account-form .fields=${EXTRA_FIELDS}></create-account-form>`);
  const $ = <T extends Element = HTMLInputElement>(el: CreateAccountFormElement, selector: string) =>
    el.shadowRoot!.querySelector<T>(selector)!;
  const alertText = (el: CreateAccountFormElement) => $(el, '[role=alert]').textContent.trim();
  const posts = () => fetchFn.requests.filter((r) => r.method === 'POST');
  const keyOf = (request: RecordedRequest) => request.headers.get('Idempotency-Key');
  const submit = (el: CreateAccountFormElement) => $<HTMLFormElement>(el, 'form').requestSubmit();
  function type(el: CreateAccountFormElement, id: string, value: string) {
    const input = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  function fillValidExtras(el: CreateAccountFormElement) {
    type(el, 'field-companySize', '11-50');
    $(el, '#field-terms').checked = true;
  }

  describe('accessibility', () => {
    it('is accessible with the form and extra fields', async () => {
      const el = await renderWithFields();
      await expect(el).to.be.accessible();
    });

    it('is accessible while loading', async () => {
      client.userSessionExists = () => new Promise(() => {});
      const el = await fixture<CreateAccountFormElement>(html`<create-account-form></create-account-form>`);
      expect($(el, '[part~="loading"]')).to.exist;
      expect($(el, '[role=status]').textContent).to.contain('Getting things ready');
      await expect(el).to.be.accessible();
    });

    it('is accessible with field errors, pending, failed and succeeded', async () => {
      const el = await renderWithFields();
      submit(el);
      await el.updateComplete;
      expect($(el, '#field-companySize').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      let release!: (response: Response) => void;
      postResponder = () => new Promise((resolve) => (release = resolve));
      type(el, 'account-name', 'Acme');
      fillValidExtras(el);
      submit(el);
      await waitFor(() => posts().length === 1);
      await el.updateComplete;
      expect($(el, '[part~="submit"]').getAttribute('aria-disabled')).to.equal('true');
      expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();

      release(problem('internal-error', 500));
      await oneEvent(el, 'account-create-failed');
      await el.updateComplete;
      await expect(el).to.be.accessible();

      postResponder = () => json(CREATED, 201);
      const created = oneEvent(el, 'account-created');
      submit(el);
      await created;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('is accessible signed out, with existing accounts and with a configuration error', async () => {
      client.signedIn = false;
      await expect(await render()).to.be.accessible();
      client.signedIn = true;
      accounts = [{ accountId: 'acc_9', name: 'Globex', role: 'Authress:Owner' }];
      await expect(await render()).to.be.accessible();
      const error = sinon.stub(console, 'error');
      await expect(await render(html`<create-account-form fields="not json"></create-account-form>`)).to.be.accessible();
      expect(error).to.have.been.called;
    });
  });

  describe('rendering and prefill', () => {
    it('prefills contact name and email from the identity after the session check', async () => {
      let sessionChecked = false;
      client.userSessionExists = () => ((sessionChecked = true), Promise.resolve(true));
      const identity = client.getUserIdentity.bind(client);
      client.getUserIdentity = () => (sessionChecked ? identity() : null);
      const el = await render();
      expect($(el, '#contact-name').value).to.equal('Ada Lovelace');
      expect($(el, '#contact-email').value).to.equal('ada@example.com');
      expect($(el, '#account-name').value).to.equal('');
    });

    it('uses the autocomplete tokens organization, name and email, with labels', async () => {
      const el = await render();
      expect($(el, '#account-name').autocomplete).to.equal('organization');
      expect($(el, '#contact-name').autocomplete).to.equal('name');
      expect($(el, '#contact-email').autocomplete).to.equal('email');
      expect($(el, 'label[for=account-name]').textContent).to.equal('Account name');
    });

    it('renders extra fields from the JSON attribute', async () => {
      const el = await render(html`<create-account-form fields=${JSON.stringify(EXTRA_FIELDS)}></create-account-form>`);
      const select = $<HTMLSelectElement>(el, '#field-companySize');
      expect(select.tagName).to.equal('SELECT');
      expect([...select.options].map((o) => o.value)).to.deep.equal(['', '1-10', '11-50']);
      expect($(el, '#field-terms').type).to.equal('checkbox');
      expect($(el, 'label[for=field-vatId]').textContent).to.equal('VAT number (optional)');
      expect($(el, '#field-vatId\\.hint').textContent).to.equal('Two letters, then digits.');
      expect($(el, '#field-vatId').getAttribute('maxlength')).to.equal('40');
    });

    it('gives every control, hint and error its own id, also for names like `vat` and `vat-hint`', async () => {
      const el = await render(
        html`<create-account-form
          .fields=${[
            { name: 'vat', label: 'VAT', hint: 'Two letters, then digits.' },
            { name: 'vat-hint', label: 'Where did you hear of us?', hint: 'Optional.' },
            { name: 'vat-error', label: 'Other' },
          ]}
        ></create-account-form>`,
      );
      const ids = [...el.shadowRoot!.querySelectorAll('[id]')].map((node) => node.id);
      expect(ids.length).to.be.greaterThan(6);
      expect(new Set(ids).size).to.equal(ids.length);
      const vat = $(el, '#field-vat');
      expect(el.shadowRoot!.getElementById(vat.getAttribute('aria-describedby')!)!.textContent).to.equal('Two letters, then digits.');
      await expect(el).to.be.accessible();
    });

    it('submit() with a broken fields declaration sends nothing', async () => {
      sinon.stub(console, 'error');
      const el = await render(html`<create-account-form fields="not json"></create-account-form>`);
      // The notice hides the loading state: let the session check and account list settle first.
      await waitFor(() => fetchFn.requests.some((r) => r.method === 'GET'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await el.submit();
      expect(posts()).to.have.length(0);
    });

    for (const [name, attribute] of [
      ['invalid JSON', '[{"name":'],
      ['a bad name', '[{"name":"1bad","label":"x"}]'],
      ['an unknown type', '[{"name":"a","label":"x","type":"date"}]'],
      ['a select without options', '[{"name":"a","label":"x","type":"select"}]'],
      ['more than 20 fields', JSON.stringify(Array.from({ length: 21 }, (_, i) => ({ name: `f${i}`, label: `F${i}` })))],
    ] as const) {
      it(`shows a configuration error for ${name} instead of crashing`, async () => {
        const error = sinon.stub(console, 'error');
        const el = await render(html`<create-account-form fields=${attribute}></create-account-form>`);
        expect(error).to.have.been.calledWithMatch(/<create-account-form>/);
        expect(el.shadowRoot!.querySelector('form')).to.equal(null);
        expect($(el, '[part~="notice"]').textContent).to.contain('isn’t set up correctly');
      });
    }
  });

  describe('validation', () => {
    it('validates built-in fields, focuses the first problem and sends nothing', async () => {
      const el = await render();
      type(el, 'contact-email', 'not-an-email');
      submit(el);
      await el.updateComplete;
      await el.updateComplete;
      const name = $(el, '#account-name');
      expect(el.shadowRoot!.activeElement).to.equal(name);
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(name.getAttribute('aria-describedby')).to.contain('account-name-error');
      expect($(el, '#account-name-error').textContent).to.equal('This field is required.');
      expect($(el, '#contact-email-error').textContent).to.contain('name@company.com');
      expect(alertText(el)).to.equal('2 fields need your attention.');
      expect(posts()).to.have.length(0);
    });

    it('validates extra fields: required select, pattern, number and checkbox', async () => {
      const el = await renderWithFields();
      type(el, 'account-name', 'Acme');
      type(el, 'field-vatId', 'nope');
      type(el, 'field-seats', '0');
      submit(el);
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '#field-companySize\\.error').textContent).to.equal('Choose an option.');
      expect($(el, '#field-vatId\\.error').textContent).to.equal('This isn’t in the expected format.');
      expect($(el, '#field-seats\\.error').textContent).to.equal('Enter 1 or more.');
      expect($(el, '#field-terms\\.error').textContent).to.equal('Check this box to continue.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#field-companySize'));
      expect(posts()).to.have.length(0);
    });

    it('clears a field’s error when the user edits it', async () => {
      const el = await render();
      submit(el);
      await el.updateComplete;
      type(el, 'account-name', 'A');
      await el.updateComplete;
      expect($(el, '#account-name').getAttribute('aria-invalid')).to.equal('false');
      expect($(el, '#account-name-error').textContent).to.equal('');
    });
  });

  describe('submission', () => {
    it('fires account-create with the body, posts it typed with a key and a token, then account-created', async () => {
      const el = await renderWithFields();
      type(el, 'account-name', '  Acme  ');
      type(el, 'field-vatId', 'FR12345678');
      type(el, 'field-seats', '12');
      fillValidExtras(el);
      const intent = oneEvent(el, 'account-create');
      const created = oneEvent(el, 'account-created');
      submit(el);
      const expected = {
        accountName: 'Acme',
        contactName: 'Ada Lovelace',
        contactEmail: 'ada@example.com',
        fields: { companySize: '11-50', vatId: 'FR12345678', seats: 12, terms: true },
      };
      const intentEvent = await intent;
      expect(intentEvent.cancelable).to.equal(true);
      expect(intentEvent.detail).to.deep.equal(expected);
      expect((await created).detail).to.deep.equal({ account: CREATED.account, role: 'Authress:Owner' });
      expect(posts()).to.have.length(1);
      expect(posts()[0].body).to.deep.equal(expected);
      expect(keyOf(posts()[0])).to.match(/^[0-9a-f-]{36}$/);
      expect(posts()[0].headers.get('Authorization')).to.equal('Bearer test-access-token');
    });

    it('sends an unchecked optional checkbox as false and leaves empty optional fields out', async () => {
      const el = await render(
        html`<create-account-form .fields=${[{ name: 'news', label: 'Send me news', type: 'checkbox' }, { name: 'site', label: 'Website', type: 'url' }]}></create-account-form>`,
      );
      type(el, 'account-name', 'Acme');
      submit(el);
      await waitFor(() => posts().length === 1);
      expect(posts()[0].body).to.deep.include({ fields: { news: false } });
    });

    it('shows a success panel with a focused heading when success-url is not set', async () => {
      const el = await render();
      type(el, 'account-name', 'Acme');
      submit(el);
      await oneEvent(el, 'account-created');
      await el.updateComplete;
      await el.updateComplete;
      const heading = $(el, '[part~="success-heading"]');
      expect(heading.textContent).to.equal('Acme is ready');
      expect(el.shadowRoot!.activeElement).to.equal(heading);
      expect(navigations).to.have.length(0);
    });

    it('navigates to success-url', async () => {
      const el = await render(html`<create-account-form success-url="/welcome?x=1"></create-account-form>`);
      type(el, 'account-name', 'Acme');
      submit(el);
      await oneEvent(el, 'account-created');
      await waitFor(() => navigations.length === 1);
      expect(navigations[0]).to.equal(new URL('/welcome?x=1', location.href).href);
    });

    it('refuses an open redirect in success-url, warns and stays', async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await render(html`<create-account-form success-url="//evil.example/steal"></create-account-form>`);
      type(el, 'account-name', 'Acme');
      submit(el);
      await oneEvent(el, 'account-created');
      await el.updateComplete;
      expect(navigations).to.have.length(0);
      expect(warn).to.have.been.calledWithMatch(/success-url/);
      expect($(el, '[part~="success-heading"]')).to.exist;
    });

    it('sends nothing when account-create is cancelled', async () => {
      const el = await render();
      el.addEventListener('account-create', (e) => e.preventDefault());
      type(el, 'account-name', 'Acme');
      const intent = oneEvent(el, 'account-create');
      submit(el);
      await intent;
      await sleep(20);
      expect(posts()).to.have.length(0);
    });

    it('sends one request for a double submit', async () => {
      let release!: (response: Response) => void;
      postResponder = () => new Promise((resolve) => (release = resolve));
      const el = await render();
      type(el, 'account-name', 'Acme');
      submit(el);
      submit(el);
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~="submit"]').click();
      await sleep(30);
      expect(posts()).to.have.length(1);
      release(json(CREATED, 201));
      await oneEvent(el, 'account-created');
    });
  });

  describe('failures', () => {
    it('keeps what the user typed after a network failure, retried with the same key', async () => {
      postResponder = () => Promise.reject(new TypeError('Failed to fetch'));
      const el = await renderWithFields();
      type(el, 'account-name', 'Acme');
      type(el, 'field-vatId', 'FR12345678');
      fillValidExtras(el);
      const failed = oneEvent(el, 'account-create-failed');
      submit(el);
      const detail = (await failed).detail;
      expect(detail).to.deep.equal({ code: 'network-error', message: detail.message, fieldErrors: [] });
      await el.updateComplete;
      expect(alertText(el)).to.contain('couldn’t reach the server');
      expect($(el, '#account-name').value).to.equal('Acme');
      expect($(el, '#field-vatId').value).to.equal('FR12345678');
      expect($(el, '#field-companySize').value).to.equal('11-50');
      expect($(el, '#field-terms').checked).to.equal(true);
      expect(posts().length).to.equal(3); // first attempt and two automatic retries
      expect(new Set(posts().map(keyOf)).size).to.equal(1);
      expect($(el, '[part~="submit"]').getAttribute('aria-disabled')).to.equal('false');
    });

    it('times out after requestTimeoutMs', async () => {
      configure({
        requestTimeoutMs: 20,
        // Lists accounts at once; the POST never answers.
        fetch: (async (input: Request) =>
          input.method === 'GET'
            ? json({ accounts: [] })
            : new Promise((_, reject) => input.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch,
      });
      const el = await render();
      type(el, 'account-name', 'Acme');
      const failed = oneEvent(el, 'account-create-failed');
      submit(el);
      expect((await failed).detail.code).to.equal('timeout');
      await el.updateComplete;
      expect(alertText(el)).to.contain('took too long');
    });

    it('offers to sign in on 401 and returns to this page', async () => {
      postResponder = () => problem('unauthenticated', 401);
      const el = await render();
      type(el, 'account-name', 'Acme');
      const failed = oneEvent(el, 'account-create-failed');
      submit(el);
      expect((await failed).detail).to.include({ code: 'unauthenticated', status: 401 });
      await el.updateComplete;
      expect(alertText(el)).to.contain('Sign in again');
      expect($(el, '#account-name').value).to.equal('Acme');
      $<HTMLButtonElement>(el, '[part~="sign-in"]').click();
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(client.authenticateCalls[0]).to.deep.equal({ redirectUrl: location.href });
    });

    it('says so and offers to sign in when nobody is signed in', async () => {
      client.signedIn = false;
      const el = await render();
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      expect($(el, '[part~="notice"]').textContent).to.contain('Sign in to create your account');
      $<HTMLButtonElement>(el, '[part~="sign-in"]').click();
      await waitFor(() => client.authenticateCalls.length === 1);
      expect(client.authenticateCalls[0]).to.deep.equal({ redirectUrl: location.href });
      expect(fetchFn.requests).to.have.length(0);
    });

    it('retries 409 idempotency-key-in-flight automatically with the same key', async () => {
      postResponder = () => (posts().length === 1 ? problem('idempotency-key-in-flight', 409, {}, { 'Retry-After': '0' }) : json(CREATED, 201));
      const el = await render();
      type(el, 'account-name', 'Acme');
      const created = oneEvent(el, 'account-created');
      submit(el);
      await created;
      expect(posts()).to.have.length(2);
      expect(keyOf(posts()[1])).to.equal(keyOf(posts()[0]));
    });

    it('puts 422 field errors on their fields, focuses the first and announces', async () => {
      postResponder = () =>
        problem('validation-failed', 422, {
          errors: [
            { pointer: '/contactEmail', code: 'invalid-email', detail: '<img src=x onerror=alert(1)>' },
            { pointer: '/fields/vatId', code: 'invalid-value' },
          ],
        });
      const el = await renderWithFields();
      type(el, 'account-name', 'Acme');
      fillValidExtras(el);
      const failed = oneEvent(el, 'account-create-failed');
      submit(el);
      const detail = (await failed).detail;
      expect(detail.code).to.equal('validation-failed');
      expect(detail.status).to.equal(422);
      expect(detail.fieldErrors.map((e: FieldError) => [e.pointer, e.code])).to.deep.equal([
        ['/contactEmail', 'invalid-email'],
        ['/fields/vatId', 'invalid-value'],
      ]);
      await el.updateComplete;
      await el.updateComplete;
      const email = $(el, '#contact-email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#contact-email-error').textContent).to.contain('name@company.com');
      expect($(el, '#field-vatId\\.error').textContent).to.equal('This value isn’t allowed.');
      expect(el.shadowRoot!.activeElement).to.equal(email);
      expect(alertText(el)).to.equal('Some fields need your attention.');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('shows the wait from a long Retry-After on 429 and does not retry by itself', async () => {
      postResponder = () => problem('rate-limited', 429, {}, { 'Retry-After': '60' });
      const el = await render();
      type(el, 'account-name', 'Acme');
      const failed = oneEvent(el, 'account-create-failed');
      submit(el);
      expect((await failed).detail.code).to.equal('rate-limited');
      await el.updateComplete;
      expect(alertText(el)).to.equal('Too many attempts. Try again in 60 seconds.');
      await sleep(30);
      expect(posts()).to.have.length(1);
    });

    it('retries a 503 with the same idempotency key and succeeds', async () => {
      postResponder = () => (posts().length === 1 ? problem('service-unavailable', 503, {}, { 'Retry-After': '0' }) : json(CREATED, 201));
      const el = await render();
      type(el, 'account-name', 'Acme');
      const created = oneEvent(el, 'account-created');
      submit(el);
      await created;
      expect(posts()).to.have.length(2);
      expect(keyOf(posts()[0])).to.be.a('string');
      expect(keyOf(posts()[1])).to.equal(keyOf(posts()[0]));
    });

    it('a 500 internal-error says "something went wrong", and a 405 too', async () => {
      for (const answer of [problem('internal-error', 500), problem('method-not-allowed', 405)]) {
        postResponder = () => answer;
        const el = await render();
        type(el, 'account-name', 'Acme');
        const failed = oneEvent(el, 'account-create-failed');
        submit(el);
        await failed;
        expect(alertText(el)).to.equal('Something went wrong. Try again.');
      }
    });

    it('idempotency-key-in-flight after the automatic retries: "still being processed"', async () => {
      postResponder = () => problem('idempotency-key-in-flight', 409, {}, { 'Retry-After': '0' });
      const el = await render();
      type(el, 'account-name', 'Acme');
      const failed = oneEvent(el, 'account-create-failed');
      submit(el);
      expect((await failed).detail.message).to.equal('Your request is still being processed — try again in a moment.');
      expect(posts()).to.have.length(3);
      expect(alertText(el)).to.contain('still being processed');
    });

    it('reuses the key when the user retries unchanged, and makes a new one after an edit', async () => {
      postResponder = () => problem('service-unavailable', 503, {}, { 'Retry-After': '0' });
      const el = await render();
      type(el, 'account-name', 'Acme');
      let failed = oneEvent(el, 'account-create-failed');
      submit(el);
      await failed;
      const firstKey = keyOf(posts()[0]);
      expect(alertText(el)).to.contain('temporarily unavailable');

      failed = oneEvent(el, 'account-create-failed');
      submit(el);
      await failed;
      expect(keyOf(posts().at(-1)!)).to.equal(firstKey);

      type(el, 'account-name', 'Acme Inc');
      postResponder = () => json(CREATED, 201);
      const created = oneEvent(el, 'account-created');
      submit(el);
      await created;
      expect(keyOf(posts().at(-1)!)).not.to.equal(firstKey);
      expect(posts().at(-1)!.body).to.deep.include({ accountName: 'Acme Inc' });
    });

    it('never shows server text: an unknown problem gets the generic message', async () => {
      postResponder = () => problem('something-new', 400, { title: '<b>raw</b>', detail: '<img src=x>' });
      const el = await render();
      type(el, 'account-name', 'Acme');
      const failed = oneEvent(el, 'account-create-failed');
      submit(el);
      await failed;
      await el.updateComplete;
      expect(alertText(el)).to.equal('Something went wrong. Try again.');
      expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    });
  });

  describe('existing accounts', () => {
    const GLOBEX = { accountId: 'acc_9', name: 'Globex', role: 'Authress:Owner' };

    it('offers the accounts the user belongs to and continues to one', async () => {
      accounts = [GLOBEX, { accountId: 'acc_7', name: 'Initech', role: 'Viewer' }];
      const found = new Promise<CustomEvent>((resolve) => document.addEventListener('accounts-found', resolve as EventListener, { once: true }));
      const el = await render(html`<create-account-form continue-url="/accounts/{accountId}"></create-account-form>`);
      expect((await found).detail).to.deep.equal({ accounts });
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      const items = [...el.shadowRoot!.querySelectorAll('[part~="existing-account"]')].map((li) => li.querySelector('span')!.textContent);
      expect(items).to.deep.equal(['You already belong to Globex (Owner).', 'You already belong to Initech (Viewer).']);
      const selected = oneEvent(el, 'account-selected');
      $<HTMLButtonElement>(el, '[part~="continue"]').click();
      const event = await selected;
      expect(event.detail.account).to.deep.equal(GLOBEX);
      expect(navigations).to.deep.equal([new URL('/accounts/acc_9', location.href).href]);
    });

    it('reveals the form with "Create another account"', async () => {
      accounts = [GLOBEX];
      const el = await render();
      $<HTMLButtonElement>(el, '[part~="create-another"]').click();
      await el.updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#account-name'));
      expect($(el, '#contact-email').value).to.equal('ada@example.com');
    });

    it('shows the form when accounts-found is cancelled or existing-accounts="ignore"', async () => {
      accounts = [GLOBEX];
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('accounts-found', cancel);
      try {
        expect((await render()).shadowRoot!.querySelector('form')).to.exist;
      } finally {
        document.removeEventListener("accounts-found", cancel);
      }
      const el = await render(html`<create-account-form existing-accounts="ignore"></create-account-form>`);
      expect(el.shadowRoot!.querySelector('form')).to.exist;
    });

    it('still shows the form when the accounts cannot be listed', async () => {
      const warn = sinon.stub(console, 'warn');
      fetchFn = fakeFetch(() => problem('forbidden', 403));
      configure({ fetch: fetchFn });
      const el = await render();
      expect(el.shadowRoot!.querySelector('form')).to.exist;
      expect(warn).to.have.been.called;
    });
  });

  describe('i18n and theming', () => {
    it('speaks French inside lang="fr"', async () => {
      const { registerLocale } = await import('../../src/core/i18n.js');
      const { createAccountFormFr } = await import('../../src/elements/create-account-form/create-account-form.i18n.js');
      registerLocale('fr', { createAccountForm: createAccountFormFr });
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><create-account-form></create-account-form></div>`);
      const el = wrapper.querySelector('create-account-form')!;
      await waitFor(() => Boolean(el.shadowRoot!.querySelector('form')));
      expect($(el, 'label[for=account-name]').textContent).to.equal('Nom du compte');
      expect($(el, '[part~="submit"]').textContent.trim()).to.equal('Créer le compte');
      submit(el);
      await el.updateComplete;
      expect($(el, '#account-name-error').textContent).to.equal('Ce champ est obligatoire.');
      await expect(el).to.be.accessible();
    });

    it('lets any string be overridden', async () => {
      const el = await render();
      el.i18n = { submit: 'Create workspace' };
      await el.updateComplete;
      expect($(el, '[part~="submit"]').textContent.trim()).to.equal('Create workspace');
    });

    it('switches palettes with theme and honours tokens', async () => {
      const el = await render(html`<create-account-form theme="dark"></create-account-form>`);
      const button = $(el, '[part~="submit"]');
      const dark = getComputedStyle(button).backgroundColor;
      el.theme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(button).backgroundColor).not.to.equal(dark);
      el.style.setProperty('--create-account-form-submit-background', 'rgb(1, 2, 3)');
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
    });
  });
});
