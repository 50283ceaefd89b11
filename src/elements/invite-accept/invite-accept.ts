import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiElement } from '../../core/api-element.js';
import { ConfigurationError, readIdentity, type LoginClientLike, type UserIdentity } from '../../core/login-client.js';
import { ApiError } from '../../core/api/problem.js';
import type { InvitePreview } from '../../core/api/types.js';
import { messageForError } from '../../core/error-messages.js';
import { languageOf } from '../../core/i18n.js';
import { controls, tokens } from '../../core/styles.js';
import { liveRegions, loadingIndicator } from '../../core/templates.js';
import { inviteAcceptEn, type InviteAcceptMessages } from './invite-accept.i18n.js';
import {
  InvitationAcceptedEvent,
  InvitationAcceptEvent,
  InvitationAcceptFailedEvent,
  InviteRequestNewEvent,
  type UnusableInviteStatus,
} from './invite-accept.events.js';
import { inviteAcceptStyles } from './invite-accept.styles.js';
import { clearStoredInvite, INVITE_ID, pageUrlWithout, readStoredInvite, storeInvite, takeParamFromUrl } from './invite-storage.js';

/** What the element shows. `pending` is an invite that can still be accepted. */
export type InviteScreen = 'loading' | UnusableInviteStatus | 'pending' | 'accepted' | 'error' | 'configuration-error';

/**
 * The page an invited user lands on from the invite email. It reads the invite id from the URL
 * (and removes it from the address bar), shows which account they are joining, and signs them in
 * through the account's SSO with the invite attached. Back from the login, it confirms they joined.
 *
 * @summary Invite acceptance page for Authress onboarding.
 * @tagname invite-accept
 * @fires {InvitationAcceptEvent} invitation-accept - Cancelable; before sign-in starts. `detail`: inviteId, accountName, redirectUrl.
 * @fires {InvitationAcceptedEvent} invitation-accepted - Back from sign-in, the invite is used: joined. `detail`: inviteId, accountName, user.
 * @fires {InvitationAcceptFailedEvent} invitation-accept-failed - Sign-in for the invite failed. `detail`: code, message, inviteId, sdkCode.
 * @fires {InviteRequestNewEvent} invite-request-new - "Ask for a new invite" clicked. `detail`: inviteId, status, accountName.
 * @csspart base - The wrapper of everything.
 * @csspart panel - The block of the current screen (also `panel-<screen>`, e.g. `panel-expired`).
 * @csspart heading - The heading of the current screen (focused after a change the user caused).
 * @csspart body - The explanation text.
 * @csspart expiry - When a pending invite expires.
 * @csspart notice - "You're signed in as …" on a pending invite.
 * @csspart form - The accept form (pending invites).
 * @csspart accept - The "Accept and sign in" button.
 * @csspart spinner - The progress indicator while loading or accepting.
 * @csspart actions - The row of buttons of a screen.
 * @csspart request-new - The "Ask for a new invite" button.
 * @csspart sign-in - The "Sign in" button (used invites).
 * @csspart retry - The "Try again" button (error screen).
 * @csspart loading - The loading indicator.
 * @csspart error - The live region for errors.
 * @csspart status - The live region that announces progress.
 * @cssprop --invite-accept-max-width - Max width of the element (default 32rem).
 * @cssprop --invite-accept-gap - Space between blocks (default the space token).
 * @cssprop --invite-accept-padding - Padding of the base block (default 0).
 * @cssprop --invite-accept-background - Background of the base block (default transparent).
 * @cssprop --invite-accept-heading-size - Heading font size (default 1.25em).
 * @cssprop --invite-accept-button-background - Accept button background (default the accent token).
 * @cssprop --invite-accept-button-color - Accept button text color.
 * @cssprop --onb-color-accent - Library accent color (see docs/theming.md for all `--onb-*` tokens).
 */
export class InviteAcceptElement extends ApiElement<InviteAcceptMessages> {
  static override tagName = 'invite-accept';
  static override styles = [tokens, controls, inviteAcceptStyles];

  /** The invite id, when the page passes it itself; otherwise it is read from the URL. */
  @property({ attribute: 'invite-id' }) inviteId?: string;

  /** Name of the URL query parameter holding the invite id. */
  @property() param = 'inviteId';

  /** Where to go once the invite is accepted (relative, or an allow-listed origin). Unset: show a success panel. */
  @property({ attribute: 'success-url' }) successUrl?: string;

  /** The current screen (read-only; useful for tests and analytics). */
  @state() screen: InviteScreen = 'loading';
  @state() private preview?: InvitePreview;
  @state() private signedInAs?: UserIdentity;
  @state() private accepting = false;
  @state() private errorMessage = '';
  @state() private statusMessage = '';

  /** The checked id of the invite on screen (null for a malformed or missing one). */
  private currentId: string | null = null;
  private controller?: AbortController;
  private loaded = false;
  /** The `inviteId` property the last load started with. */
  private loadedProperty?: string;
  private focusHeadingNext = false;

  protected readonly messageKey = 'inviteAccept';
  protected readonly defaultMessages = inviteAcceptEn;

  override connectedCallback(): void {
    super.connectedCallback();
    // Coming back with the Back button from the login page restores this page mid-"accepting".
    window.addEventListener('pageshow', this.resetAfterBackNavigation);
    if (!this.loaded) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.resetAfterBackNavigation);
    this.controller?.abort();
    if (this.screen === 'loading') this.loaded = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Frameworks often set the property after insertion: a new id means another invite.
    if (changed.has('inviteId') && this.isConnected && this.loaded && this.inviteId !== this.loadedProperty) void this.load();
  }

  private readonly resetAfterBackNavigation = (event: PageTransitionEvent) => {
    if (event.persisted && this.accepting) {
      this.accepting = false;
      this.statusMessage = '';
    }
  };

  /** Starts sign-in for the invite, as the "Accept and sign in" button does. */
  async accept(): Promise<void> {
    const inviteId = this.currentId;
    if (this.screen !== 'pending' || this.accepting || !inviteId) return; // pending: one login per click
    const m = this.messages;
    let client: LoginClientLike;
    try {
      client = this.resolveLoginClient();
    } catch (error) {
      return this.failAccept(inviteId, 'configuration-error', m.configurationError, error);
    }
    const redirectUrl = pageUrlWithout(this.param);
    const accountName = this.preview?.accountName ?? '';
    if (!this.dispatchEvent(new InvitationAcceptEvent({ inviteId, accountName, redirectUrl }))) return;

    this.accepting = true;
    this.errorMessage = '';
    this.statusMessage = m.accepting;
    storeInvite({ inviteId, accepting: true });
    try {
      // clearUserDataBeforeLogin drops a session of someone else, so the invite never lands on the wrong user.
      this.followAuthenticationUrl(await client.authenticate({ inviteId, redirectUrl, clearUserDataBeforeLogin: true }));
    } catch (error) {
      this.accepting = false;
      this.statusMessage = '';
      storeInvite({ inviteId, accepting: false });
      this.handleAcceptError(inviteId, error);
    }
  }

  private async load(): Promise<void> {
    this.loaded = true;
    this.loadedProperty = this.inviteId;
    const controller = this.renewController();
    this.screen = 'loading';
    this.errorMessage = '';
    this.statusMessage = this.messages.loading;

    const inviteId = this.readInviteId();
    this.currentId = inviteId;
    if (!inviteId) return this.show('invalid');

    const session = await this.checkSession();
    if (!session || controller.signal.aborted) return;
    const { client, signedIn } = session;

    let preview: InvitePreview;
    try {
      preview = await this.resolveApi().previewInvite(inviteId, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      return this.handlePreviewError(error);
    }
    if (controller.signal.aborted) return;
    this.preview = preview;

    const returning = readStoredInvite()?.accepting === true;
    if (returning && signedIn && preview.status === 'used') return this.finishAccepted(inviteId, preview, readIdentity(client));
    if (preview.status === 'pending') {
      this.signedInAs = signedIn && !returning ? (readIdentity(client) ?? undefined) : undefined;
      return this.show('pending');
    }
    clearStoredInvite();
    this.show(preview.status);
  }

  /**
   * The id from `invite-id`, else the URL (removed from the address bar at once), else the one kept
   * for the return trip. Null when missing or malformed — then nothing goes over the network.
   */
  private readInviteId(): string | null {
    const fromUrl = takeParamFromUrl(this.param);
    const stored = readStoredInvite();
    const candidate = this.inviteId ?? fromUrl;
    if (candidate == null) return stored?.inviteId ?? null;
    if (!INVITE_ID.test(candidate)) return null;
    // A link opened from the email is a fresh start; a page-provided id may be the return trip.
    const accepting = this.inviteId != null && stored?.inviteId === candidate && stored.accepting;
    storeInvite({ inviteId: candidate, accepting });
    return candidate;
  }

  private handlePreviewError(error: unknown): void {
    if (error instanceof ConfigurationError || !(error instanceof ApiError)) return this.showConfigurationError(error);
    if (error.status === 404 || error.code === 'not-found') {
      clearStoredInvite();
      return this.show('not-found');
    }
    // Network, timeout, 429, 5xx: the id stays stored so "Try again" works without the link.
    console.warn(`<${this.localName}> could not load the invite:`, error);
    this.errorMessage = messageForError(error, this.messages);
    this.show('error');
  }

  private handleAcceptError(inviteId: string, error: unknown): void {
    const m = this.messages;
    const sdkCode = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : undefined;
    const screen = screenForSdkCode(sdkCode);
    if (screen) {
      if (screen !== 'used') clearStoredInvite();
      this.focusHeadingNext = true;
      this.show(screen);
      const code = screen === 'used' ? 'invite-used' : `invite-${screen}`;
      console.warn(`<${this.localName}> sign-in refused the invite (${sdkCode}).`);
      this.dispatchEvent(new InvitationAcceptFailedEvent({ code, message: headingFor(screen, m), inviteId, sdkCode }));
      return;
    }
    if (sdkCode === 'AuthressSdkNetworkError') return this.failAccept(inviteId, 'login-host-unreachable', m.loginUnavailable, error, sdkCode);
    if (sdkCode === 'InvalidApplication' || sdkCode === 'InvalidRedirectUrl' || error instanceof ConfigurationError) {
      return this.failAccept(inviteId, 'configuration-error', m.configurationError, error, sdkCode);
    }
    this.failAccept(inviteId, 'login-failed', m.acceptFailed, error, sdkCode);
  }

  private failAccept(inviteId: string, code: string, message: string, cause: unknown, sdkCode?: string): void {
    this.errorMessage = message;
    // The visible text is for users; the console keeps the technical cause for developers.
    console.error(`<${this.localName}> ${code}:`, cause);
    this.dispatchEvent(new InvitationAcceptFailedEvent({ code, message, inviteId, ...(sdkCode ? { sdkCode } : {}) }));
  }

  private finishAccepted(inviteId: string, preview: InvitePreview, user: UserIdentity | null): void {
    clearStoredInvite(); // before the event: a reload must not report the same acceptance again
    this.dispatchEvent(new InvitationAcceptedEvent({ inviteId, accountName: preview.accountName, user }));
    if (this.successUrl) {
      const target = this.safeRedirect(this.successUrl);
      if (target) {
        this.statusMessage = '';
        this.navigate(target.href);
        return;
      }
      console.warn(
        `<${this.localName}> success-url "${this.successUrl}" is not on this site or an allowed origin (allowed-redirect-origins); staying on the page.`,
      );
    }
    this.focusHeadingNext = true;
    this.show('accepted');
  }

  private async signIn(): Promise<void> {
    const target = (this.successUrl && this.safeRedirect(this.successUrl)?.href) || pageUrlWithout(this.param);
    clearStoredInvite(); // a used invite has nothing left to carry over
    if (!(await this.startSignIn(target))) this.errorMessage = this.messages.acceptFailed;
  }

  private requestNew(status: UnusableInviteStatus): void {
    const accountName = this.preview?.accountName;
    this.dispatchEvent(new InviteRequestNewEvent({ inviteId: this.currentId, status, ...(accountName ? { accountName } : {}) }));
  }

  private retry(): void {
    this.focusHeadingNext = true;
    void this.load();
  }

  private show(screen: InviteScreen): void {
    this.screen = screen;
    this.statusMessage = '';
    // Error, configuration and accept-failure messages stay in the alert; a new screen replaces them.
    if (screen !== 'error' && screen !== 'configuration-error' && screen !== 'pending') this.errorMessage = '';
    if (this.focusHeadingNext && screen !== 'loading') {
      this.focusHeadingNext = false;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus());
    }
  }

  protected override showConfigurationError(error: unknown): void {
    super.showConfigurationError(error);
    this.errorMessage = this.messages.configurationError;
    this.show('configuration-error');
  }

  private renewController(): AbortController {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller;
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.accept();
  }

  private formatExpiry(iso: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
    try {
      return new Intl.DateTimeFormat(languageOf(this), options).format(date);
    } catch {
      return new Intl.DateTimeFormat(undefined, options).format(date); // an unknown lang tag
    }
  }

  override render() {
    const m = this.messages;
    return html`<div part="base">
      ${this.renderScreen(m)} ${liveRegions(this.statusMessage, this.errorMessage)}
    </div>`;
  }

  private renderScreen(m: InviteAcceptMessages) {
    const accountName = this.preview?.accountName ?? '';
    switch (this.screen) {
      case 'loading':
        return loadingIndicator(m.loading);
      case 'pending':
        return this.renderPending(m);
      case 'accepted':
        return this.renderPanel('accepted', m.acceptedHeading(accountName), m.acceptedBody, nothing);
      case 'error':
        return this.renderPanel(
          'error',
          m.errorHeading,
          '',
          html`<button part="retry" class="button" type="button" @click=${this.retry}>${m.retry}</button>`,
        );
      case 'configuration-error':
        return nothing; // the alert says it all
      default: {
        const status = this.screen;
        const signIn =
          status === 'used'
            ? html`<button part="sign-in" class="button" type="button" @click=${() => void this.signIn()}>${m.signIn}</button>`
            : nothing;
        return this.renderPanel(
          status,
          headingFor(status, m),
          bodyFor(status, m, accountName),
          html`${signIn}<button part="request-new" class="button ${status === 'used' ? 'secondary' : ''}" type="button" @click=${() => this.requestNew(status)}>
              ${m.requestNew}
            </button>`,
        );
      }
    }
  }

  private renderPanel(screen: string, heading: string, body: string, actions: unknown) {
    return html`<section part="panel panel-${screen}" aria-labelledby="heading">
      <h2 part="heading" id="heading" tabindex="-1">${heading}</h2>
      ${body ? html`<p part="body">${body}</p>` : nothing}
      ${actions === nothing ? nothing : html`<div part="actions" class="actions">${actions}</div>`}
    </section>`;
  }

  private renderPending(m: InviteAcceptMessages) {
    const preview = this.preview!;
    const who = this.signedInAs ? (this.signedInAs.email ?? this.signedInAs.name ?? this.signedInAs.userId) : '';
    return html`<form part="panel panel-pending form" novalidate aria-labelledby="heading" aria-busy=${this.accepting ? 'true' : 'false'} @submit=${this.handleSubmit}>
      <h2 part="heading" id="heading" tabindex="-1">${m.pendingHeading(preview.accountName)}</h2>
      <p part="body">${m.pendingBody}</p>
      <p part="expiry">${m.expiresAt(this.formatExpiry(preview.expiresAt))}</p>
      ${who ? html`<p part="notice">${m.signedInAs(who)}</p>` : nothing}
      <div part="actions" class="actions">
        <button part="accept" class="button" type="submit" aria-disabled=${this.accepting ? 'true' : 'false'}>
          ${this.accepting ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}${m.accept}
        </button>
      </div>
    </form>`;
  }
}

function screenForSdkCode(code: string | undefined): 'not-found' | 'expired' | 'used' | 'revoked' | null {
  switch (code) {
    case 'InviteNotFound':
      return 'not-found';
    case 'InviteExpired':
      return 'expired';
    case 'InviteAlreadyUsed':
    case 'InviteUsed':
      return 'used';
    case 'InviteRevoked':
      return 'revoked';
    default:
      return null;
  }
}

function headingFor(status: UnusableInviteStatus, m: InviteAcceptMessages): string {
  switch (status) {
    case 'invalid':
      return m.invalidHeading;
    case 'not-found':
      return m.notFoundHeading;
    case 'expired':
      return m.expiredHeading;
    case 'used':
      return m.usedHeading;
    case 'revoked':
      return m.revokedHeading;
  }
}

function bodyFor(status: UnusableInviteStatus, m: InviteAcceptMessages, accountName: string): string {
  switch (status) {
    case 'invalid':
      return m.invalidBody;
    case 'not-found':
      return m.notFoundBody;
    case 'expired':
      return m.expiredBody(accountName);
    case 'used':
      return m.usedBody(accountName);
    case 'revoked':
      return m.revokedBody(accountName);
  }
}
