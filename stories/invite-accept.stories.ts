import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import '../src/elements/invite-accept/define.js';
import { registerLocale } from '../src/core/i18n.js';
import { registerFrench } from '../src/locales/fr.js';
import { inviteAcceptFr } from '../src/elements/invite-accept/invite-accept.i18n.js';
import { INVITE_STORAGE_KEY } from '../src/elements/invite-accept/invite-storage.js';
import { useFakeLogin } from './support/fake-login.js';

type Args = {
  'api-base': string;
  'invite-id'?: string;
  param?: string;
  'success-url'?: string;
  theme?: 'light' | 'dark';
};

const INVITE = 'inv_Q2hhbmdlIHRoaXMgdG8gYSByYW5kb20';
const PROBLEM = 'urn:authress-onboarding:problem:';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const previewAs = (status: 'pending' | 'expired' | 'used' | 'revoked') =>
  http.get('*/api/invites/:inviteId', () =>
    HttpResponse.json({ inviteId: INVITE, accountName: 'Acme Corporation', status, expiresAt: inDays(status === 'expired' ? -2 : 6) }),
  );
const problemResponse = (slug: string, status: number, headers: Record<string, string> = {}) =>
  HttpResponse.json({ type: `${PROBLEM}${slug}`, title: slug, status }, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

async function clickAccept({ canvasElement }: { canvasElement: HTMLElement }) {
  const el = canvasElement.querySelector('invite-accept')!;
  for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[part~="accept"]'); i++) await new Promise((r) => setTimeout(r, 20));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept"]')!.click();
}

const meta: Meta<Args> = {
  title: 'Elements/invite-accept',
  component: 'invite-accept',
  tags: ['autodocs'],
  // Stories pass the id as an attribute; on a real page it comes from ?inviteId=… in the URL.
  args: { 'api-base': '/api', 'invite-id': INVITE },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  beforeEach: () => {
    sessionStorage.removeItem(INVITE_STORAGE_KEY);
    useFakeLogin({ signedIn: false });
  },
  parameters: { msw: { handlers: [previewAs('pending')] } },
  render: (args) => html`<invite-accept
    api-base=${args['api-base']}
    invite-id=${ifDefined(args['invite-id'])}
    param=${ifDefined(args.param)}
    success-url=${ifDefined(args['success-url'])}
    theme=${ifDefined(args.theme)}
  ></invite-accept>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Pending: Story = {};

export const Loading: Story = { parameters: { msw: { handlers: [http.get('*/api/invites/:inviteId', () => delay('infinite'))] } } };

export const InvalidId: Story = { args: { 'invite-id': 'not a valid id!' } };

export const NotFound: Story = { parameters: { msw: { handlers: [http.get('*/api/invites/:inviteId', () => problemResponse('not-found', 404))] } } };

export const SignedInAsSomeoneElse: Story = {
  beforeEach: () => {
    useFakeLogin({ signedIn: true });
  },
};

export const Accepting: Story = {
  beforeEach: () => {
    useFakeLogin({ signedIn: false, authenticate: 'hang' });
  },
  play: clickAccept,
};

export const Expired: Story = { parameters: { msw: { handlers: [previewAs('expired')] } } };

export const Used: Story = { parameters: { msw: { handlers: [previewAs('used')] } } };

export const Revoked: Story = { parameters: { msw: { handlers: [previewAs('revoked')] } } };

/** Back from the login: signed in, the stored invite is now used. */
export const Accepted: Story = {
  args: { 'invite-id': undefined },
  beforeEach: () => {
    sessionStorage.setItem(INVITE_STORAGE_KEY, JSON.stringify({ inviteId: INVITE, accepting: true }));
    useFakeLogin({ signedIn: true });
  },
  parameters: { msw: { handlers: [previewAs('used')] } },
};

export const LoginRefusedExpired: Story = {
  beforeEach: () => {
    useFakeLogin({ signedIn: false, authenticate: { code: 'InviteExpired' } });
  },
  play: clickAccept,
};

export const NetworkError: Story = {
  parameters: { msw: { handlers: [http.get('*/api/invites/:inviteId', () => HttpResponse.error())] } },
};

export const ServiceUnavailable: Story = {
  parameters: { msw: { handlers: [http.get('*/api/invites/:inviteId', () => problemResponse('service-unavailable', 503, { 'Retry-After': '0' }))] } },
};

export const RateLimited: Story = {
  parameters: { msw: { handlers: [http.get('*/api/invites/:inviteId', () => problemResponse('rate-limited', 429, { 'Retry-After': '90' }))] } },
};

export const Themed: Story = {
  decorators: [
    (story) => html`<style>
        .brand {
          --onb-color-accent: #a3369b;
          --onb-radius: 1rem;
          --invite-accept-padding: 1.5rem;
          --invite-accept-background: #fbf4fb;
        }
      </style>
      <div class="brand">${story()}</div>`,
  ],
};

export const Dark: Story = { args: { theme: 'dark' } };

export const Localized: Story = {
  beforeEach: () => {
    sessionStorage.removeItem(INVITE_STORAGE_KEY);
    useFakeLogin({ signedIn: true });
    registerFrench();
    registerLocale('fr', { inviteAccept: inviteAcceptFr }); // until src/locales/fr.ts lists it
  },
  decorators: [(story) => html`<div lang="fr">${story()}</div>`],
};
