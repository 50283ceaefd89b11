import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { OnboardingElement } from '../../core/onboarding-element.js';
import { pageConfig } from '../../core/config.js';
import { ConfigurationError, readIdentity, type LoginClientLike } from '../../core/login-client.js';
import { controls, tokens } from '../../core/styles.js';
import { isEmail } from '../../core/validation.js';
import { signupButtonEn, type SignupButtonMessages } from './signup-button.i18n.js';
import { SignupFailedEvent, SignupSessionFoundEvent, SignupStartEvent } from './signup-button.events.js';
import { signupButtonStyles } from './signup-button.styles.js';

type Status = 'idle' | 'pending' | 'error';

/**
 * Starts sign-up (or sign-in) with Authress: the hosted login page by default, one provider with
 * `connection-id`, or the user's company SSO found from their work email with `mode="sso"`.
 * A user who already has a session goes straight to `redirect-url` (unless `force-login`).
 *
 * @summary Sign-up / sign-in button for Authress.
 * @tagname signup-button
 * @slot - The button label (default "Sign up", or "Continue with SSO" in `mode="sso"`).
 * @fires {SignupStartEvent} signup-start - Cancelable; before login starts. `detail`: redirectUrl, connectionId, tenantLookupIdentifier.
 * @fires {SignupSessionFoundEvent} signup-session-found - Cancelable; the user is already signed in. The default action navigates to the redirect URL.
 * @fires {SignupFailedEvent} signup-failed - Login could not start. `detail`: code, message.
 * @csspart base - The wrapper of everything.
 * @csspart button - The button.
 * @csspart spinner - The progress indicator inside the button while pending.
 * @csspart form - The work-email form (`mode="sso"`).
 * @csspart field - The email field wrapper.
 * @csspart label - The email field label.
 * @csspart input - The email input.
 * @csspart hint - The hint under the email field.
 * @csspart field-error - The email field's error text.
 * @csspart error - The live region that shows why login could not start.
 * @csspart status - The live region that announces progress.
 * @cssprop --signup-button-background - Button background (default: the accent token).
 * @cssprop --signup-button-color - Button text color.
 * @cssprop --signup-button-width - Button width (e.g. `100%`).
 * @cssprop --signup-button-form-width - Max width of the work-email form.
 * @cssprop --onb-color-accent - Library accent color (see docs/theming.md for all `--onb-*` tokens).
 */
export class SignupButtonElement extends OnboardingElement<SignupButtonMessages> {
  static override tagName = 'signup-button';
  static override styles = [tokens, controls, signupButtonStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Where the user lands after signing in: relative to the page, or an allow-listed origin. Defaults to the current page. */
  @property({ attribute: 'redirect-url' }) redirectUrl?: string;

  /** Sign in with this Authress connection (one provider) instead of the hosted picker. */
  @property({ attribute: 'connection-id' }) connectionId?: string;

  /** Sign in through this tenant's SSO (a tenant lookup identifier, e.g. a domain). */
  @property({ attribute: 'tenant-lookup-identifier' }) tenantLookupIdentifier?: string;

  /** `hosted` (default): one button. `sso`: ask for a work email and sign in through its domain's SSO. */
  @property({ reflect: true }) mode: 'hosted' | 'sso' = 'hosted';

  /** Always show the login, even when the user already has a session. */
  @property({ type: Boolean, attribute: 'force-login' }) forceLogin = false;

  @state() private status: Status = 'idle';
  @state() private errorMessage = '';
  @state() private statusMessage = '';
  @state() private emailError = '';

  @query('input[type=email]') private emailInput?: HTMLInputElement;

  protected readonly messageKey = 'signupButton';
  protected readonly defaultMessages = signupButtonEn;

  override connectedCallback(): void {
    super.connectedCallback();
    // Coming back with the Back button restores the page from the bfcache mid-"pending".
    window.addEventListener('pageshow', this.resetAfterBackNavigation);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.resetAfterBackNavigation);
  }

  /** Starts login as a click would. Resolves once the browser is on its way (or it failed). */
  async start(): Promise<void> {
    if (this.status === 'pending') return; // a double click must not start two logins
    if (this.mode === 'sso') {
      const domain = this.readEmailDomain();
      if (!domain) return;
      await this.startLogin({ tenantLookupIdentifier: domain });
    } else {
      await this.startLogin({ connectionId: this.connectionId, tenantLookupIdentifier: this.tenantLookupIdentifier });
    }
  }

  private async startLogin(selector: { connectionId?: string; tenantLookupIdentifier?: string }): Promise<void> {
    const m = this.messages;
    let client: LoginClientLike;
    try {
      client = this.resolveLoginClient();
    } catch (error) {
      return this.fail('configuration-error', m.configurationError, error);
    }
    const redirectUrl = this.resolveRedirect();
    const intent = new SignupStartEvent({ redirectUrl, ...definedOnly(selector) });
    if (!this.dispatchEvent(intent)) return;

    this.status = 'pending';
    this.errorMessage = '';
    this.statusMessage = m.pending;
    try {
      if (!this.forceLogin && (await client.userSessionExists())) {
        const found = new SignupSessionFoundEvent({ redirectUrl, user: readIdentity(client) });
        this.statusMessage = m.alreadySignedIn;
        if (this.dispatchEvent(found)) this.navigateAway(redirectUrl);
        else this.status = 'idle';
        return;
      }
      this.followAuthenticationUrl(await client.authenticate({ redirectUrl, ...definedOnly(selector) }));
    } catch (error) {
      this.handleLoginError(error, selector.tenantLookupIdentifier);
    }
  }

  /**
   * Goes to `url`, then returns to idle when this page stays: a `configure({ navigate })` seam (an
   * SPA router) has done its work once it returns, and `location.assign` to this same document
   * with another hash only scrolls. Any other `location.assign` unloads the page, so the button
   * stays pending until then (a bfcache return is handled by `pageshow`). Deciding from the URL
   * instead of a timer means a slow page load never re-enables the button for a second click.
   */
  private navigateAway(url: string): void {
    this.navigate(url);
    if (pageConfig().navigate || isSameDocument(url)) {
      this.status = 'idle';
      this.statusMessage = '';
    }
  }

  private handleLoginError(error: unknown, tenant: string | undefined): void {
    const m = this.messages;
    const sdkCode = (error as { code?: unknown } | null)?.code;
    const code = typeof sdkCode === 'string' ? sdkCode : undefined;
    if (code === 'AuthressSdkNetworkError') return this.fail('login-host-unreachable', m.loginUnavailable, error, code);
    if (code === 'InvalidApplication' || code === 'InvalidRedirectUrl' || error instanceof ConfigurationError) {
      return this.fail('configuration-error', m.configurationError, error, code);
    }
    if (code === 'TenantNotFound' && this.mode === 'sso' && tenant) {
      this.status = 'idle';
      this.statusMessage = '';
      this.showEmailError(m.ssoNotFound(tenant));
      this.dispatchEvent(new SignupFailedEvent({ code: 'sso-not-found', message: this.emailError, sdkCode: code }));
      return;
    }
    this.fail('login-failed', m.loginFailed, error, code);
  }

  private fail(code: string, message: string, cause: unknown, sdkCode?: string): void {
    this.status = 'error';
    this.statusMessage = '';
    this.errorMessage = message;
    // The visible text is for users; the console keeps the technical cause for developers.
    console.error(`<${this.localName}> ${code}:`, cause);
    this.dispatchEvent(new SignupFailedEvent({ code, message, ...(sdkCode ? { sdkCode } : {}) }));
  }

  private resolveRedirect(): string {
    if (!this.redirectUrl) return location.href;
    const safe = this.safeRedirect(this.redirectUrl);
    if (!safe) {
      console.warn(
        `<${this.localName}> redirect-url "${this.redirectUrl}" is not on this site or an allowed origin (allowed-redirect-origins); using the current page.`,
      );
      return location.href;
    }
    return safe.href;
  }

  private readEmailDomain(): string | null {
    const m = this.messages;
    const value = this.emailInput?.value.trim() ?? '';
    const problem = !value ? m.emailRequired : isEmail(value) ? '' : m.emailInvalid;
    this.showEmailError(problem);
    if (this.emailError) {
      this.dispatchEvent(new SignupFailedEvent({ code: 'invalid-email', message: this.emailError }));
      return null;
    }
    return value.slice(value.lastIndexOf('@') + 1).toLowerCase();
  }

  /**
   * Puts a message on the email field and, because a field error is not a live region, into the
   * alert region too; focus moves once the error is rendered (so it is read with the field).
   * An empty message clears both.
   */
  private showEmailError(message: string): void {
    if (!message) {
      if (this.errorMessage === this.emailError) this.errorMessage = '';
      this.emailError = '';
      return;
    }
    this.emailError = message;
    this.errorMessage = message;
    void this.updateComplete.then(() => this.emailInput?.focus());
  }

  private readonly resetAfterBackNavigation = (event: PageTransitionEvent) => {
    if (event.persisted && this.status === 'pending') {
      this.status = 'idle';
      this.statusMessage = '';
    }
  };

  private handleClick() {
    void this.start();
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.start();
  }

  private handleEmailInput() {
    if (this.emailError) this.showEmailError('');
  }

  override render() {
    const m = this.messages;
    return html`<div part="base">
      ${this.mode === 'sso' ? this.renderSsoForm(m) : this.renderButton(m.label, 'button')}
      <div part="status" role="status" class="visually-hidden">${this.statusMessage}</div>
      <div part="error" role="alert">${this.errorMessage ? html`<p class="alert">${this.errorMessage}</p>` : nothing}</div>
    </div>`;
  }

  private renderButton(fallbackLabel: string, type: 'button' | 'submit') {
    const pending = this.status === 'pending';
    return html`<button
      part="button"
      class="button"
      type=${type}
      aria-disabled=${pending ? 'true' : 'false'}
      @click=${type === 'button' ? this.handleClick : nothing}
    >
      ${pending ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
      <slot>${fallbackLabel}</slot>
    </button>`;
  }

  private renderSsoForm(m: SignupButtonMessages) {
    const invalid = Boolean(this.emailError);
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      <div part="field" class="field">
        <label part="label" class="label" for="email">${m.emailLabel}</label>
        <input
          part="input"
          class="input"
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          inputmode="email"
          required
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'email-error email-hint' : 'email-hint'}
          @input=${this.handleEmailInput}
        />
        <span part="hint" class="hint" id="email-hint">${m.emailHint}</span>
        <span part="field-error" class="error" id="email-error">${this.emailError}</span>
      </div>
      ${this.renderButton(m.ssoLabel, 'submit')}
    </form>`;
  }
}

/** Whether `location.assign(url)` would stay in this document (only the hash differs, and there is one). */
function isSameDocument(url: string): boolean {
  const target = new URL(url, location.href);
  const here = new URL(location.href);
  if (!target.hash) return false; // no hash: assign() reloads even the same URL
  target.hash = '';
  here.hash = '';
  return target.href === here.href;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
