import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import '../src/elements/sso-config-form/define.js';
import { registerLocale } from '../src/core/i18n.js';
import { registerFrench } from '../src/locales/fr.js';
import { ssoConfigFormFr } from '../src/elements/sso-config-form/sso-config-form.i18n.js';
import type { SsoConfiguration } from '../src/core/api/types.js';
import { useFakeLogin } from './support/fake-login.js';

type Args = {
  'api-base': string;
  'account-id': string;
  'allow-insecure-loopback'?: boolean;
  theme?: 'light' | 'dark';
};

const PROBLEM = 'urn:authress-onboarding:problem:';
const ACCOUNT = 'acc_3mK9qTz1Lw8Rb2Xc';
const SSO = '*/api/accounts/:accountId/sso';
const serviceProvider = {
  redirectUrl: 'https://app.example.com/sso/callback',
  acsUrl: 'https://app.example.com/sso/saml/acs',
  entityId: 'https://app.example.com/sso/saml',
};
const notConfigured: SsoConfiguration = { accountId: ACCOUNT, configured: false, type: null, domains: [], serviceProvider, updatedAt: null };
const oauth2: SsoConfiguration = {
  accountId: ACCOUNT,
  configured: true,
  type: 'oauth2',
  domains: ['acme.com', 'acme.co.uk'],
  serviceProvider,
  updatedAt: '2026-05-01T10:00:00Z',
  oauth2: {
    authorizationUrl: 'https://login.acme.com/oauth2/authorize',
    tokenUrl: 'https://login.acme.com/oauth2/token',
    clientId: 'onboarding-app',
    clientSecretSet: true,
    scopes: ['openid', 'profile', 'email'],
    issuer: null,
  },
};
const saml: SsoConfiguration = {
  accountId: ACCOUNT,
  configured: true,
  type: 'saml',
  domains: ['acme.com'],
  serviceProvider,
  updatedAt: '2026-05-01T10:00:00Z',
  saml: {
    ssoUrl: 'https://idp.acme.com/saml/sso',
    entityId: 'https://idp.acme.com/saml/metadata',
    certificate: {
      subject: 'CN=idp.acme.com, O=Acme Corp, C=US',
      issuer: 'CN=idp.acme.com, O=Acme Corp, C=US',
      fingerprintSha256: '4D:78:77:06:82:9C:10:42:7B:1F:E2:77:6A:24:04:2B:1C:FF:E0:7E:07:17:95:AA:09:76:D8:B9:90:D3:EC:33',
      notBefore: '2025-01-01T00:00:00Z',
      notAfter: '2045-01-01T00:00:00Z',
    },
  },
};

const get = (body: SsoConfiguration) => http.get(SSO, () => HttpResponse.json(body));
/** Echoes a saved configuration built from the request (never with a secret). */
const putOk = http.put(SSO, async ({ request }) => {
  const body = (await request.json()) as { type: 'oauth2' | 'saml'; domains: string[] };
  await delay(600);
  return HttpResponse.json(body.type === 'saml' ? { ...saml, domains: body.domains } : { ...oauth2, domains: body.domains });
});
const problem = (slug: string, status: number, extra: object = {}) =>
  HttpResponse.json({ type: PROBLEM + slug, title: slug, status, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });

/** Waits for the form, fills the OAuth2 fields and submits (for the error and pending stories). */
async function fillAndSubmit({ canvasElement }: { canvasElement: HTMLElement }) {
  const el = canvasElement.querySelector('sso-config-form')!;
  const root = el.shadowRoot!;
  for (let i = 0; i < 100 && !root.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 20));
  const set = (id: string, value: string) => {
    const input = root.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  set('authorizationUrl', 'https://login.acme.com/oauth2/authorize');
  set('tokenUrl', 'https://login.acme.com/oauth2/token');
  set('clientId', 'onboarding-app');
  set('clientSecret', 'story-secret');
  set('domains', 'acme.com');
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  root.querySelector('form')!.requestSubmit();
}

const meta: Meta<Args> = {
  title: 'Elements/sso-config-form',
  component: 'sso-config-form',
  tags: ['autodocs'],
  args: { 'api-base': '/api', 'account-id': ACCOUNT },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  beforeEach: () => {
    useFakeLogin();
  },
  parameters: { msw: { handlers: [get(notConfigured), putOk] } },
  render: (args) => html`<sso-config-form
    api-base=${args['api-base']}
    account-id=${args['account-id']}
    ?allow-insecure-loopback=${args['allow-insecure-loopback']}
    theme=${ifDefined(args.theme)}
  ></sso-config-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Not configured: the empty form and the values the IdP needs. */
export const NotConfigured: Story = {};

/** OAuth2 configured: "Secret: set" with "Replace secret". */
export const ConfiguredOAuth2: Story = { parameters: { msw: { handlers: [get(oauth2), putOk] } } };

/** SAML configured: the stored certificate's summary. Paste metadata XML into the certificate field to import it. */
export const ConfiguredSaml: Story = { parameters: { msw: { handlers: [get(saml), putOk] } } };

export const Loading: Story = { parameters: { msw: { handlers: [http.get(SSO, () => delay('infinite'))] } } };

export const LoadFailure: Story = { parameters: { msw: { handlers: [http.get(SSO, () => problem('internal-error', 500))] } } };

/** 403: read-only message instead of the form. */
export const NoPermission: Story = { parameters: { msw: { handlers: [http.get(SSO, () => problem('forbidden', 403))] } } };

export const NotSignedIn: Story = {
  beforeEach: () => {
    useFakeLogin({ signedIn: false });
  },
};

/** Submitting the empty form shows every client-side check. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('sso-config-form')!.shadowRoot!;
    for (let i = 0; i < 100 && !root.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 20));
    root.querySelector('form')!.requestSubmit();
  },
};

export const Saving: Story = {
  parameters: { msw: { handlers: [get(notConfigured), http.put(SSO, () => delay('infinite'))] } },
  play: fillAndSubmit,
};

/** Saved: the success message takes focus; the secret is gone from the page. */
export const Saved: Story = { play: fillAndSubmit };

/** 409: another account routes this domain. */
export const DomainTaken: Story = {
  parameters: {
    msw: { handlers: [get(notConfigured), http.put(SSO, () => problem('sso-domain-taken', 409, { errors: [{ pointer: '/domains/0', code: 'domain-taken' }] }))] },
  },
  play: fillAndSubmit,
};

/** 422: the backend refuses a URL (private network). */
export const ServerFieldErrors: Story = {
  parameters: {
    msw: { handlers: [get(notConfigured), http.put(SSO, () => problem('validation-failed', 422, { errors: [{ pointer: '/tokenUrl', code: 'url-not-public' }] }))] },
  },
  play: fillAndSubmit,
};

export const ServerError: Story = {
  parameters: { msw: { handlers: [get(notConfigured), http.put(SSO, () => problem('internal-error', 500))] } },
  play: fillAndSubmit,
};

/** For a local IdP during development: http://localhost URLs are accepted. */
export const LocalDevelopment: Story = { args: { 'allow-insecure-loopback': true } };

export const Themed: Story = {
  parameters: { msw: { handlers: [get(saml), putOk] } },
  decorators: [
    (story) => html`<style>
        .brand {
          --onb-color-accent: #0b7a5a;
          --onb-radius: 2px;
          --onb-font-family: Georgia, serif;
          --sso-config-form-sp-background: #eef8f3;
          --sso-config-form-width: 48rem;
        }
      </style>
      <div class="brand">${story()}</div>`,
  ],
};

export const Dark: Story = { args: { theme: 'dark' }, parameters: { msw: { handlers: [get(oauth2), putOk] } } };

export const Localized: Story = {
  parameters: { msw: { handlers: [get(oauth2), putOk] } },
  beforeEach: () => {
    useFakeLogin();
    registerFrench();
    registerLocale('fr', { ssoConfigForm: ssoConfigFormFr }); // until src/locales/fr.ts lists it
  },
  decorators: [(story) => html`<div lang="fr">${story()}</div>`],
};
