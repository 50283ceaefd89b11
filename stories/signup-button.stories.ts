import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/signup-button/define.js';
import { configure } from '../src/core/config.js';
import { registerFrench } from '../src/locales/fr.js';
import { useFakeLogin, type FakeLoginOptions } from './support/fake-login.js';

type Args = {
  mode?: 'hosted' | 'sso';
  'redirect-url'?: string;
  'connection-id'?: string;
  'tenant-lookup-identifier'?: string;
  'force-login'?: boolean;
  theme?: 'light' | 'dark';
  label?: string;
};

/** Clicks the button (or submits the SSO form with `email`) once the element has rendered. */
function press(email?: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('signup-button')!;
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = el.shadowRoot!;
    if (email !== undefined) {
      root.querySelector('input')!.value = email;
      root.querySelector('form')!.requestSubmit();
    } else {
      root.querySelector('button')!.click();
    }
  };
}

const login = (options: FakeLoginOptions) => () => void useFakeLogin({ signedIn: false, ...options });

const meta: Meta<Args> = {
  title: 'Elements/signup-button',
  component: 'signup-button',
  tags: ['autodocs'],
  args: { mode: 'hosted', 'redirect-url': '/onboarding' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['hosted', 'sso'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  beforeEach: login({}),
  render: (args) => html`<signup-button
    mode=${ifDefined(args.mode)}
    redirect-url=${ifDefined(args['redirect-url'])}
    connection-id=${ifDefined(args['connection-id'])}
    tenant-lookup-identifier=${ifDefined(args['tenant-lookup-identifier'])}
    ?force-login=${args['force-login']}
    theme=${ifDefined(args.theme)}
    >${args.label ?? ''}</signup-button
  >`,
};
export default meta;
type Story = StoryObj<Args>;

/** The hosted Authress login page, with the provider picker. */
export const Default: Story = {};

/** A slotted label. */
export const CustomLabel: Story = { args: { label: 'Start your free trial' } };

/** One provider: straight to GitHub. */
export const OneProvider: Story = { args: { 'connection-id': 'github', label: 'Continue with GitHub' } };

/** Company SSO: asks for the work email and signs in through its domain's IdP. */
export const CompanySso: Story = { args: { mode: 'sso' } };

/** The work email is missing or malformed. */
export const CompanySsoInvalidEmail: Story = { args: { mode: 'sso' }, play: press('not-an-email') };

/** No company uses SSO for this domain (the login host answered TenantNotFound). */
export const CompanySsoUnknownDomain: Story = {
  args: { mode: 'sso' },
  beforeEach: login({ authenticate: { code: 'TenantNotFound' } }),
  play: press('ann@unknown.test'),
};

/** Waiting for the login host (the browser is about to leave). */
export const Pending: Story = { beforeEach: login({ authenticate: 'hang' }), play: press() };

/** The login host is unreachable. */
export const LoginHostUnreachable: Story = {
  beforeEach: login({ authenticate: { code: 'AuthressSdkNetworkError' } }),
  play: press(),
};

/** The page forgot `login-host` / `application-id`. */
export const NotConfigured: Story = {
  beforeEach: () => {
    useFakeLogin({ signedIn: false });
    // Drop the page-wide defaults the fake set, so the element has no login host.
    configure({ loginHost: undefined, applicationId: undefined, loginClientFactory: undefined });
  },
  play: press(),
};

/** Already signed in: goes straight to the redirect URL (logged in the Actions/console here). */
export const AlreadySignedIn: Story = { beforeEach: login({ signedIn: true }), play: press() };

/** Themed with tokens. */
export const Themed: Story = {
  decorators: [
    (story) => html`<div class="themed">
      <style>
        .themed {
          --onb-color-accent: #0b7a53;
          --onb-radius: 999px;
          --onb-font-family: Georgia, serif;
          --signup-button-width: 100%;
        }
      </style>
      ${story()}
    </div>`,
  ],
  args: { label: 'Join the beta' },
};

/** Dark theme forced with the `theme` attribute. */
export const Dark: Story = {
  args: { theme: 'dark', mode: 'sso' },
  decorators: [(story) => html`<div style="background:#111318;padding:1rem">${story()}</div>`],
};

/** French, inside `lang="fr"`. */
export const Localized: Story = {
  args: { mode: 'sso' },
  beforeEach: () => {
    registerFrench();
    useFakeLogin({ signedIn: false, authenticate: { code: 'TenantNotFound' } });
  },
  decorators: [(story) => html`<div lang="fr">${story()}</div>`],
  play: press('anne@inconnu.test'),
};
