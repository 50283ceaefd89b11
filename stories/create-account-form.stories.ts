import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import '../src/elements/create-account-form/define.js';
import { registerLocale } from '../src/core/i18n.js';
import { registerFrench } from '../src/locales/fr.js';
import { createAccountFormFr } from '../src/elements/create-account-form/create-account-form.i18n.js';
import { useFakeLogin } from './support/fake-login.js';

type Args = {
  'api-base': string;
  'success-url'?: string;
  'continue-url'?: string;
  'existing-accounts'?: 'offer' | 'ignore';
  fields?: string;
  theme?: 'light' | 'dark';
};

const PROBLEM = 'urn:authress-onboarding:problem:';
const created = {
  account: { accountId: 'acc_1', name: 'Acme', contactName: 'Ada Lovelace', contactEmail: 'ada@example.com', fields: {}, createdAt: '2026-01-01T00:00:00Z' },
  role: 'Authress:Owner',
};
const noAccounts = http.get('*/api/accounts', () => HttpResponse.json({ accounts: [] }));
const createOk = http.post('*/api/accounts', async () => {
  await delay(600);
  return HttpResponse.json(created, { status: 201 });
});
const extraFields = JSON.stringify([
  { name: 'companySize', label: 'Company size', type: 'select', required: true, options: [{ value: '1-10', label: '1–10' }, { value: '11-50', label: '11–50' }, { value: '51+', label: '51 or more' }] },
  { name: 'vatId', label: 'VAT number', type: 'text', pattern: '[A-Z]{2}[0-9A-Z]{8,12}', maxlength: 40, hint: 'Two letters, then 8 to 12 digits or letters, e.g. FR12345678901.' },
  { name: 'terms', label: 'I accept the terms of service', type: 'checkbox', required: true },
]);

/** Fills the account name (and extras) and submits, so error and pending stories show their state. */
async function fillAndSubmit({ canvasElement }: { canvasElement: HTMLElement }) {
  const el = canvasElement.querySelector('create-account-form')!;
  const root = el.shadowRoot!;
  for (let i = 0; i < 100 && !root.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 20));
  root.querySelector<HTMLInputElement>('#account-name')!.value = 'Acme';
  const size = root.querySelector<HTMLSelectElement>('#field-companySize');
  if (size) size.value = '11-50';
  const terms = root.querySelector<HTMLInputElement>('#field-terms');
  if (terms) terms.checked = true;
  root.querySelector('form')!.requestSubmit();
}

const meta: Meta<Args> = {
  title: 'Elements/create-account-form',
  component: 'create-account-form',
  tags: ['autodocs'],
  args: { 'api-base': '/api' },
  argTypes: {
    'existing-accounts': { control: 'inline-radio', options: ['offer', 'ignore'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  beforeEach: () => {
    useFakeLogin();
  },
  parameters: { msw: { handlers: [noAccounts, createOk] } },
  render: (args) => html`<create-account-form
    api-base=${args['api-base']}
    success-url=${ifDefined(args['success-url'])}
    continue-url=${ifDefined(args['continue-url'])}
    existing-accounts=${ifDefined(args['existing-accounts'])}
    fields=${ifDefined(args.fields)}
    theme=${ifDefined(args.theme)}
  ></create-account-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Signed in: contact name and email come from the identity. */
export const Default: Story = {};

export const WithExtraFields: Story = { args: { fields: extraFields } };

export const Loading: Story = {
  parameters: { msw: { handlers: [http.get('*/api/accounts', () => delay('infinite'))] } },
};

export const SignedOut: Story = {
  beforeEach: () => {
    useFakeLogin({ signedIn: false });
  },
};

export const ExistingAccounts: Story = {
  args: { 'continue-url': '/accounts/{accountId}' },
  parameters: {
    msw: {
      handlers: [
        http.get('*/api/accounts', () =>
          HttpResponse.json({ accounts: [{ accountId: 'acc_9', name: 'Globex', role: 'Authress:Owner' }, { accountId: 'acc_7', name: 'Initech', role: 'Viewer' }] }),
        ),
        createOk,
      ],
    },
  },
};

export const ClientValidationErrors: Story = {
  args: { fields: extraFields },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('create-account-form')!;
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 20));
    el.shadowRoot!.querySelector('form')!.requestSubmit();
  },
};

export const Pending: Story = {
  parameters: { msw: { handlers: [noAccounts, http.post('*/api/accounts', () => delay('infinite'))] } },
  play: fillAndSubmit,
};

export const ServerFieldErrors: Story = {
  args: { fields: extraFields },
  parameters: {
    msw: {
      handlers: [
        noAccounts,
        http.post('*/api/accounts', () =>
          HttpResponse.json(
            {
              type: `${PROBLEM}validation-failed`,
              title: 'Validation failed',
              status: 422,
              errors: [
                { pointer: '/contactEmail', code: 'invalid-email' },
                { pointer: '/fields/vatId', code: 'invalid-value' },
              ],
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      ],
    },
  },
  play: fillAndSubmit,
};

export const NetworkError: Story = {
  parameters: { msw: { handlers: [noAccounts, http.post('*/api/accounts', () => HttpResponse.error())] } },
  play: fillAndSubmit,
};

export const RateLimited: Story = {
  parameters: {
    msw: {
      handlers: [
        noAccounts,
        http.post('*/api/accounts', () =>
          HttpResponse.json(
            { type: `${PROBLEM}rate-limited`, title: 'Too many requests', status: 429 },
            { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '60' } },
          ),
        ),
      ],
    },
  },
  play: fillAndSubmit,
};

export const SessionExpired: Story = {
  parameters: {
    msw: {
      handlers: [
        noAccounts,
        http.post('*/api/accounts', () =>
          HttpResponse.json(
            { type: `${PROBLEM}unauthenticated`, title: 'Unauthenticated', status: 401 },
            { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      ],
    },
  },
  play: fillAndSubmit,
};

/** No success-url: the success panel with a focused heading. */
export const Success: Story = { play: fillAndSubmit };

export const ConfigurationError: Story = { args: { fields: '[{"name":"1bad"}]' } };

export const Themed: Story = {
  args: { fields: extraFields },
  decorators: [
    (story) => html`<style>
        .brand {
          --onb-color-accent: #0b7a5a;
          --onb-radius: 2px;
          --onb-font-family: Georgia, serif;
          --create-account-form-padding: 1.5rem;
          --create-account-form-background: #f3faf7;
        }
      </style>
      <div class="brand">${story()}</div>`,
  ],
};

export const Dark: Story = { args: { theme: 'dark', fields: extraFields } };

export const Localized: Story = {
  args: { fields: extraFields },
  beforeEach: () => {
    useFakeLogin();
    registerFrench();
    registerLocale('fr', { createAccountForm: createAccountFormFr }); // until src/locales/fr.ts lists it
  },
  decorators: [(story) => html`<div lang="fr">${story()}</div>`],
};
