import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import '../src/elements/invite-form/define.js';
import { registerLocale } from '../src/core/i18n.js';
import { registerFrench } from '../src/locales/fr.js';
import { inviteFormFr } from '../src/elements/invite-form/invite-form.i18n.js';
import type { InviteResult, PendingInvite, Role } from '../src/core/api/types.js';
import { useFakeLogin } from './support/fake-login.js';

type Args = { 'api-base': string; 'account-id': string; theme?: 'light' | 'dark' };

const PROBLEM = 'urn:authress-onboarding:problem:';
const ACCOUNT = 'acc_3mK9qTz1Lw8Rb2Xc';
const ROLES_URL = '*/api/accounts/:accountId/roles';
const INVITES_URL = '*/api/accounts/:accountId/invites';
const INVITE_URL = '*/api/accounts/:accountId/invites/:inviteId';
const roles: Role[] = [
  { roleId: 'member', name: 'Member', description: 'Uses the app; can’t change account settings.' },
  { roleId: 'admin', name: 'Administrator', description: 'Manages people, single sign-on and billing.' },
  { roleId: 'viewer', name: 'Viewer', description: null },
];
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const pending: PendingInvite[] = [
  { inviteId: 'inv_story000001', email: 'grace@acme.com', roleId: 'member', roleName: 'Member', createdAt: inDays(-1), expiresAt: inDays(6) },
  { inviteId: 'inv_story000002', email: 'linus@acme.com', roleId: 'admin', roleName: 'Administrator', createdAt: inDays(-6), expiresAt: inDays(0.2) },
];

const problem = (slug: string, status: number, extra: object = {}) =>
  HttpResponse.json({ type: PROBLEM + slug, title: slug, status, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });
const rolesOk = http.get(ROLES_URL, () => HttpResponse.json({ roles }));
const pendingOk = http.get(INVITES_URL, () => HttpResponse.json({ invites: pending }));
const revokeOk = http.delete(INVITE_URL, async () => {
  await delay(500);
  return new HttpResponse(null, { status: 204 });
});
const allSent = http.post(INVITES_URL, async ({ request }) => {
  const { emails } = (await request.json()) as { emails: string[] };
  await delay(600);
  return HttpResponse.json({ results: emails.map<InviteResult>((email) => ({ email, status: 'sent' })) });
});
/** The second address is already pending, anything with "bad" is invalid, anything with "fail" failed. */
const mixed = http.post(INVITES_URL, async ({ request }) => {
  const { emails } = (await request.json()) as { emails: string[] };
  await delay(600);
  return HttpResponse.json({
    results: emails.map<InviteResult>((email, i) => ({
      email,
      status: email.includes('bad') ? 'invalid' : email.includes('fail') ? 'failed' : i === 1 ? 'already_pending' : 'sent',
    })),
  });
});
const defaultHandlers = [rolesOk, pendingOk, allSent, revokeOk];

async function fill({ canvasElement }: { canvasElement: HTMLElement }, emails: string, submit = true) {
  const el = canvasElement.querySelector('invite-form')!;
  const root = el.shadowRoot!;
  for (let i = 0; i < 100 && !root.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 20));
  root.querySelector<HTMLInputElement>('input[name=role][value=member]')?.click();
  const area = root.querySelector<HTMLTextAreaElement>('#emails')!;
  area.value = emails;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  if (submit) root.querySelector('form')!.requestSubmit();
}

const meta: Meta<Args> = {
  title: 'Elements/invite-form',
  component: 'invite-form',
  tags: ['autodocs'],
  args: { 'api-base': '/api', 'account-id': ACCOUNT },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  beforeEach: () => {
    useFakeLogin();
  },
  parameters: { msw: { handlers: defaultHandlers } },
  render: (args) => html`<invite-form api-base=${args['api-base']} account-id=${args['account-id']} theme=${ifDefined(args.theme)}></invite-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Idle: roles with descriptions, the address field, pending invitations with Revoke. */
export const Default: Story = {};

export const Loading: Story = { parameters: { msw: { handlers: [http.get(ROLES_URL, () => delay('infinite')), pendingOk] } } };

export const LoadFailure: Story = { parameters: { msw: { handlers: [http.get(ROLES_URL, () => problem('internal-error', 500)), pendingOk] } } };

export const NoPermission: Story = {
  parameters: { msw: { handlers: [http.get(ROLES_URL, () => problem('forbidden', 403)), http.get(INVITES_URL, () => problem('forbidden', 403))] } },
};

export const NoGrantableRoles: Story = { parameters: { msw: { handlers: [http.get(ROLES_URL, () => HttpResponse.json({ roles: [] })), pendingOk] } } };

export const NotSignedIn: Story = {
  beforeEach: () => {
    useFakeLogin({ signedIn: false });
  },
};

export const InvalidAddresses: Story = { play: (context) => fill(context, 'ada@acme.com, not-an-email; grace@acme') };

export const TooMany: Story = { play: (context) => fill(context, Array.from({ length: 55 }, (_, i) => `user${i}@acme.com`).join('\n')) };

export const Sending: Story = {
  parameters: { msw: { handlers: [rolesOk, pendingOk, http.post(INVITES_URL, () => delay('infinite'))] } },
  play: (context) => fill(context, 'ada@acme.com, alan@acme.com'),
};

export const AllSent: Story = { play: (context) => fill(context, 'Ada Lovelace <ada@acme.com>, alan@acme.com') };

/** Sent, already pending, invalid, failed: the invalid and failed ones stay in the field. */
export const MixedResults: Story = {
  parameters: { msw: { handlers: [rolesOk, pendingOk, mixed, revokeOk] } },
  play: (context) => fill(context, 'ada@acme.com, grace@acme.com, bad@acme.com, fail@acme.com'),
};

export const RoleNotGrantable: Story = {
  parameters: {
    msw: {
      handlers: [rolesOk, pendingOk, http.post(INVITES_URL, () => problem('role-not-grantable', 403, { errors: [{ pointer: '/roleId', code: 'role-not-grantable' }] }))],
    },
  },
  play: (context) => fill(context, 'ada@acme.com'),
};

/** The inline "Revoke? Yes / Cancel" step. */
export const RevokeConfirm: Story = {
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('invite-form')!.shadowRoot!;
    for (let i = 0; i < 100 && !root.querySelector('[part~=revoke-button]'); i++) await new Promise((r) => setTimeout(r, 20));
    root.querySelector<HTMLButtonElement>('[part~=revoke-button]')!.click();
  },
};

export const RevokeFailure: Story = {
  parameters: { msw: { handlers: [rolesOk, pendingOk, http.delete(INVITE_URL, () => problem('internal-error', 500))] } },
  play: RevokeConfirm.play,
};

export const Themed: Story = {
  decorators: [
    (story) => html`<style>
        .brand {
          --onb-color-accent: #8a2be2;
          --onb-radius: 12px;
          --invite-form-accent: #8a2be2;
          --invite-form-width: 36rem;
        }
      </style>
      <div class="brand">${story()}</div>`,
  ],
};

export const Dark: Story = { args: { theme: 'dark' } };

export const Localized: Story = {
  beforeEach: () => {
    useFakeLogin();
    registerFrench();
    registerLocale('fr', { inviteForm: inviteFormFr }); // until src/locales/fr.ts lists it
  },
  decorators: [(story) => html`<div lang="fr">${story()}</div>`],
};
