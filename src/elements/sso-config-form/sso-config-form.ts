import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AdminElement, isSignedOut, loadPhaseFor } from '../../core/admin-element.js';
import { ApiError } from '../../core/api/problem.js';
import type { OAuth2Input, SamlInput, SsoConfiguration, SsoConfigurationInput } from '../../core/api/types.js';
import { messageForError, messageForFieldCode } from '../../core/error-messages.js';
import { liveRegions, loadNotice, signInButton, type LoadPhase } from '../../core/templates.js';
import { controls, tokens } from '../../core/styles.js';
import { languageOf } from '../../core/i18n.js';
import { checkCertificate, derToPem, pemToDer, type CertificateCheck, type CertificateSummary } from '../../core/x509/index.js';
import { ssoConfigFormEn, type SsoConfigFormMessages } from './sso-config-form.i18n.js';
import {
  SsoConfigLoadFailedEvent,
  SsoConfigSavedEvent,
  SsoConfigSaveEvent,
  SsoConfigSaveFailedEvent,
  type SsoConfigSaveDetail,
} from './sso-config-form.events.js';
import { ssoConfigFormStyles } from './sso-config-form.styles.js';
import { looksLikeXml, parseSamlMetadata } from './saml-metadata.js';
import { checkUrl, parseDomains, MAX_DOMAINS } from './sso-config-form.validation.js';

type Phase = LoadPhase | 'ready';
type SsoType = 'oauth2' | 'saml';
/** Form fields, in on-screen order (the first invalid one gets focus). */
type Field = 'type' | 'authorizationUrl' | 'tokenUrl' | 'clientId' | 'clientSecret' | 'scopes' | 'issuer' | 'ssoUrl' | 'entityId' | 'certificate' | 'domains';
const FIELD_ORDER: Field[] = ['type', 'authorizationUrl', 'tokenUrl', 'clientId', 'clientSecret', 'scopes', 'issuer', 'ssoUrl', 'entityId', 'certificate', 'domains'];
const OAUTH2_FIELDS: Field[] = ['authorizationUrl', 'tokenUrl', 'clientId', 'clientSecret', 'scopes', 'issuer'];
const SAML_FIELDS: Field[] = ['ssoUrl', 'entityId', 'certificate'];

interface Values {
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
  scopes: string;
  issuer: string;
  ssoUrl: string;
  entityId: string;
  certificate: string;
  domains: string;
}

/** `unchecked`: the browser could not check it (parser chunk or WebCrypto unavailable); the backend will. */
type CertificateState = { status: 'empty' } | { status: 'checking' } | { status: 'unchecked' } | { status: 'checked'; result: CertificateCheck; text: string };

const DEFAULT_SCOPES = 'openid profile email';
const EMPTY_VALUES: Values = {
  authorizationUrl: '',
  tokenUrl: '',
  clientId: '',
  scopes: DEFAULT_SCOPES,
  issuer: '',
  ssoUrl: '',
  entityId: '',
  certificate: '',
  domains: '',
};

/**
 * Lets an account admin connect their company's identity provider (OpenID Connect / OAuth 2.0 or
 * SAML 2.0) and choose the email domains that sign in through it. Shows the values the IdP needs
 * (redirect URL, ACS URL, entity ID) with copy buttons, checks URLs, domains and the SAML
 * certificate in the browser before saving, imports SAML metadata XML, and never shows a stored
 * client secret (write-only: "Secret: set" + "Replace secret").
 *
 * @summary Self-service SSO configuration for one account.
 * @tagname sso-config-form
 * @fires {SsoConfigSaveEvent} sso-config-save - Cancelable; before saving. `detail`: the request body without the client secret, plus `clientSecretChanged`.
 * @fires {SsoConfigSavedEvent} sso-config-saved - Saved. `detail`: the backend's `SsoConfiguration` (never contains the secret).
 * @fires {SsoConfigSaveFailedEvent} sso-config-save-failed - Saving failed or the input was refused. `detail`: code, message, status.
 * @fires {SsoConfigLoadFailedEvent} sso-config-load-failed - Loading the configuration failed. `detail`: code, message, status.
 * @csspart base - The wrapper of everything.
 * @csspart loading - The loading message (with spinner).
 * @csspart spinner - A progress indicator (loading, or in the save button while saving).
 * @csspart load-error - The load failure message.
 * @csspart retry-button - The "Try again" button after a load failure.
 * @csspart forbidden - The read-only message shown instead of the form (no permission).
 * @csspart sign-in - The "sign in" offer (not signed in).
 * @csspart sign-in-button - The "Sign in" button.
 * @csspart intro - The "not configured yet" / "last updated" line.
 * @csspart sp-values - The box with the values for the identity provider.
 * @csspart sp-value - One service-provider value.
 * @csspart copy-button - A copy button.
 * @csspart form - The form.
 * @csspart type - The type fieldset (radio group).
 * @csspart type-option - One type radio with its label.
 * @csspart field - A field wrapper.
 * @csspart label - A field label.
 * @csspart input - A text input or textarea.
 * @csspart hint - A field hint.
 * @csspart field-error - A field's error text.
 * @csspart secret-status - "Secret: set" with the "Replace secret" button.
 * @csspart replace-secret-button - The "Replace secret" / "Keep the current secret" button.
 * @csspart certificate-summary - Subject, issuer, fingerprint and validity of a certificate.
 * @csspart certificate-warning - The "expires in N days" warning.
 * @csspart submit-button - The save button.
 * @csspart success - The "saved" message (focused after saving).
 * @csspart error - The alert region (form-level errors).
 * @csspart status - The polite live region (progress, "Copied", metadata import).
 * @cssprop --sso-config-form-width - Max width of the element (default 40rem).
 * @cssprop --sso-config-form-gap - Space between blocks.
 * @cssprop --sso-config-form-button-background - Button background (default: the accent token).
 * @cssprop --sso-config-form-button-color - Button text color.
 * @cssprop --sso-config-form-sp-background - Background of the service-provider values box.
 * @cssprop --sso-config-form-code-font - Monospace font for URLs and certificates.
 */
export class SsoConfigFormElement extends AdminElement<SsoConfigFormMessages> {
  static override tagName = 'sso-config-form';
  static override styles = [tokens, controls, ssoConfigFormStyles];

  /** The account whose SSO is configured (`acc_…`). Required. */
  @property({ attribute: 'account-id' }) accountId?: string;

  /**
   * Development only: accept `http://localhost` and `http://127.0.0.1` IdP URLs (a local IdP).
   * Your backend must allow them too.
   */
  @property({ type: Boolean, attribute: 'allow-insecure-loopback' }) allowInsecureLoopback = false;

  /** Seam for tests: the current time for certificate checks (default: the real clock). */
  @property({ attribute: false }) now?: Date;

  @state() private phase: Phase = 'loading';
  @state() private config?: SsoConfiguration;
  @state() private type: SsoType = 'oauth2';
  @state() private values: Values = { ...EMPTY_VALUES };
  @state() private replacingSecret = false;
  @state() private certificate: CertificateState = { status: 'empty' };
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private saving = false;
  @state() private errorMessage = '';
  @state() private errorCode = '';
  @state() private statusMessage = '';
  @state() private savedMessage = '';

  protected readonly messageKey = 'ssoConfigForm';
  protected readonly defaultMessages = ssoConfigFormEn;

  #abort?: AbortController;
  /** Saves have their own controller: a save never aborts a load (and a new load ends a save). */
  #saveAbort?: AbortController;
  #loadedFor?: string;
  /** Whether the last load settled (loaded or failed) rather than being aborted. */
  #loadSettled = false;
  #certificateCheck = 0;
  #pendingCertificate?: Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moving the element in the DOM reconnects it: keep unsaved edits unless there is nothing
    // (finished) to keep for this account.
    if (!this.#loadSettled || this.#loadedFor !== this.accountId) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#saveAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A different account (set or changed after connect) means different data.
    if (changed.has('accountId') && this.isConnected && this.accountId !== this.#loadedFor) void this.load();
  }

  /** (Re)loads the current configuration. */
  async load(): Promise<void> {
    this.#abort?.abort();
    this.#saveAbort?.abort(); // a save's answer belongs to what is being replaced
    const abort = (this.#abort = new AbortController());
    this.#loadedFor = this.accountId;
    this.#loadSettled = false;
    this.phase = 'loading';
    this.errorMessage = '';
    try {
      const config = await this.resolveApi().getSsoConfiguration(this.requireAccountId(), { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.#loadSettled = true;
      this.applyConfiguration(config);
      this.phase = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#loadSettled = true;
      const failure = this.describeFailure(error);
      this.phase = loadPhaseFor(failure);
      this.dispatchEvent(new SsoConfigLoadFailedEvent(failure));
    }
  }

  /** Validates and saves, as the submit button does. */
  async save(): Promise<void> {
    if (this.saving || this.phase !== 'ready') return; // a double submit must not send twice
    const m = this.messages;
    // The account this save is for: `account-id` may change while the certificate check runs.
    const accountId = this.requireAccountId();
    this.savedMessage = '';
    this.errorMessage = '';
    this.errorCode = '';
    this.saving = true; // set before any await so a second submit is ignored
    try {
      if (this.type === 'saml') await this.#pendingCertificate;
      if (this.phase !== 'ready' || this.accountId !== accountId) return; // another account is loading now
      const { body, errors } = this.buildBody();
      this.fieldErrors = errors;
      if (!body) {
        this.errorMessage = m.validationFailed;
        this.dispatchEvent(new SsoConfigSaveFailedEvent({ code: 'invalid-input', message: m.validationFailed }));
        await this.focusFirstInvalid();
        return;
      }
      if (!this.dispatchEvent(new SsoConfigSaveEvent(toSaveDetail(body)))) return;
      await this.send(accountId, body);
    } finally {
      this.saving = false;
    }
  }

  private async send(accountId: string, body: SsoConfigurationInput): Promise<void> {
    const m = this.messages;
    this.#saveAbort?.abort();
    const abort = (this.#saveAbort = new AbortController());
    this.statusMessage = m.saving;
    try {
      const saved = await this.resolveApi().saveSsoConfiguration(accountId, body, { signal: abort.signal });
      if (abort.signal.aborted) {
        this.statusMessage = '';
        return;
      }
      // The secret must not outlive the request: clear the input before anything re-renders.
      this.clearSecretInput();
      this.replacingSecret = false;
      this.applyConfiguration(saved, { keepEdits: true });
      this.statusMessage = '';
      this.savedMessage = m.saved;
      this.dispatchEvent(new SsoConfigSavedEvent(saved));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~=success]')?.focus();
    } catch (error) {
      this.statusMessage = '';
      if (abort.signal.aborted) return;
      this.showSaveError(error);
    }
  }

  private showSaveError(error: unknown): void {
    const m = this.messages;
    const failure = this.describeFailure(error);
    const apiError = error instanceof ApiError ? error : null;
    const errors: Partial<Record<Field, string>> = {};
    if (apiError) {
      for (const problem of apiError.fieldErrors) {
        const field = fieldForPointer(problem.pointer);
        if (!field || errors[field]) continue;
        const message = messageForFieldCode(problem.code, m);
        const domainIndex = /^\/domains\/(\d+)/.exec(problem.pointer)?.[1];
        const domain = domainIndex !== undefined ? this.currentDomains()[Number(domainIndex)] : undefined;
        errors[field] = domain ? m.domainProblem(domain, message) : message;
        if (field === 'clientSecret') this.replacingSecret = true;
      }
      if (apiError.code === 'sso-domain-taken' && !errors.domains) errors.domains = messageForFieldCode('domain-taken', m);
    }
    this.fieldErrors = errors;
    this.errorCode = isSignedOut(failure) ? 'signed-out' : failure.code;
    this.errorMessage = Object.keys(errors).length && failure.code !== 'validation-failed' ? m.validationFailed : failure.message;
    this.dispatchEvent(new SsoConfigSaveFailedEvent(failure));
    if (Object.keys(errors).length) void this.focusFirstInvalid();
  }

  private applyConfiguration(config: SsoConfiguration, { keepEdits = false } = {}): void {
    this.config = config;
    if (config.type === 'oauth2' || config.type === 'saml') this.type = config.type;
    if (keepEdits) return; // after a save, what is on screen is what was saved
    const o = config.oauth2;
    const s = config.saml;
    this.values = {
      authorizationUrl: o?.authorizationUrl ?? '',
      tokenUrl: o?.tokenUrl ?? '',
      clientId: o?.clientId ?? '',
      scopes: o?.scopes?.length ? o.scopes.join(' ') : DEFAULT_SCOPES,
      issuer: o?.issuer ?? '',
      ssoUrl: s?.ssoUrl ?? '',
      entityId: s?.entityId ?? '',
      certificate: '',
      domains: config.domains.join(', '),
    };
    this.certificate = { status: 'empty' };
    this.replacingSecret = false;
    this.fieldErrors = {};
  }

  /** The request body, or the client-side problems that keep it from being sent. */
  private buildBody(): { body?: SsoConfigurationInput; errors: Partial<Record<Field, string>> } {
    const m = this.messages;
    const v = this.values;
    const errors: Partial<Record<Field, string>> = {};
    const required = (field: Field, value: string) => {
      if (!value.trim()) errors[field] = messageForFieldCode('required', m);
    };
    const url = (field: Field, value: string, optional = false) => {
      if (optional && !value.trim()) return;
      const code = checkUrl(value, this.allowInsecureLoopback);
      if (code === 'url-loopback-not-allowed') errors[field] = m.urlLoopbackNotAllowed;
      else if (code) errors[field] = messageForFieldCode(code, m);
    };

    const { domains, problems } = parseDomains(v.domains);
    if (!domains.length) errors.domains = messageForFieldCode('required', m);
    else if (problems.length) errors.domains = problems.map((p) => m.domainProblem(p.domain, messageForFieldCode(p.code, m))).join(' ');
    else if (domains.length > MAX_DOMAINS) errors.domains = m.tooManyDomains(MAX_DOMAINS);

    let body: SsoConfigurationInput;
    if (this.type === 'oauth2') {
      url('authorizationUrl', v.authorizationUrl);
      url('tokenUrl', v.tokenUrl);
      required('clientId', v.clientId);
      url('issuer', v.issuer, true);
      const secret = this.secretInput()?.value ?? '';
      if (!secret && !this.config?.oauth2?.clientSecretSet) errors.clientSecret = messageForFieldCode('client-secret-required', m);
      const scopes = v.scopes.split(/\s+/).filter(Boolean);
      const oauth2: OAuth2Input = {
        type: 'oauth2',
        domains,
        authorizationUrl: v.authorizationUrl.trim(),
        tokenUrl: v.tokenUrl.trim(),
        clientId: v.clientId.trim(),
        scopes: scopes.length ? scopes : DEFAULT_SCOPES.split(' '),
        ...(v.issuer.trim() ? { issuer: v.issuer.trim() } : {}),
        ...(secret ? { clientSecret: secret } : {}),
      };
      body = oauth2;
    } else {
      url('ssoUrl', v.ssoUrl);
      required('entityId', v.entityId);
      const cert = this.certificate;
      if (!v.certificate.trim()) errors.certificate = messageForFieldCode('required', m);
      else if (cert.status === 'checked' && !cert.result.ok) errors.certificate = messageForFieldCode(cert.result.code, m);
      const saml: SamlInput = {
        type: 'saml',
        domains,
        ssoUrl: v.ssoUrl.trim(),
        entityId: v.entityId.trim(),
        certificate: cert.status === 'checked' && cert.result.ok ? cert.result.pem : v.certificate.trim(),
      };
      body = saml;
    }
    return Object.keys(errors).length ? { errors } : { body, errors };
  }

  private currentDomains(): string[] {
    return parseDomains(this.values.domains).domains;
  }

  /** Checks the certificate field; a pasted metadata XML fills the SAML fields instead. */
  private inspectCertificateField(text: string): void {
    const m = this.messages;
    if (looksLikeXml(text)) {
      const result = parseSamlMetadata(text);
      if (!result.ok) {
        this.fieldErrors = { ...this.fieldErrors, certificate: result.reason === 'not-xml' ? m.metadataNotXml : m.metadataNotIdp };
        this.clearCertificateCheck();
        return;
      }
      const { entityId, ssoUrl, certificate } = result.values;
      const der = certificate ? pemToDer(certificate) : null;
      // The XML itself is dropped here: only the three values stay.
      this.values = {
        ...this.values,
        ...(entityId ? { entityId } : {}),
        ...(ssoUrl ? { ssoUrl } : {}),
        certificate: der ? derToPem(der) : '',
      };
      this.fieldErrors = { ...this.fieldErrors, entityId: undefined, ssoUrl: undefined, certificate: der ? undefined : m.metadataNoCertificate };
      this.statusMessage = m.metadataImported;
      if (der) this.runCertificateCheck(this.values.certificate);
      else this.clearCertificateCheck();
      return;
    }
    this.runCertificateCheck(text);
  }

  private runCertificateCheck(text: string): void {
    const m = this.messages;
    if (!text.trim()) return this.clearCertificateCheck();
    const run = ++this.#certificateCheck;
    this.certificate = { status: 'checking' };
    // Never rejects (save() awaits it), never leaves the state on "checking".
    this.#pendingCertificate = checkCertificate(text, { now: this.now }).then(
      (result) => {
        if (run !== this.#certificateCheck) return; // a newer paste won
        this.certificate = { status: 'checked', result, text };
        this.fieldErrors = { ...this.fieldErrors, certificate: result.ok ? undefined : messageForFieldCode(result.code, m) };
      },
      (error: unknown) => {
        if (run !== this.#certificateCheck) return;
        // No verdict in the browser: saving is allowed, and the backend checks the certificate.
        console.warn(`<${this.localName}> could not check the certificate in the browser:`, error);
        this.certificate = { status: 'unchecked' };
        this.fieldErrors = { ...this.fieldErrors, certificate: undefined };
      },
    );
  }

  /** No certificate to check: a check still running must not land on the cleared field. */
  private clearCertificateCheck(): void {
    this.#certificateCheck++;
    this.#pendingCertificate = undefined;
    this.certificate = { status: 'empty' };
  }

  private async copy(value: string): Promise<void> {
    const m = this.messages;
    this.statusMessage = '';
    try {
      await navigator.clipboard.writeText(value);
      this.statusMessage = m.copied;
    } catch {
      // Permission denied or no clipboard (insecure context): the value is on screen to select.
      this.statusMessage = m.copyFailed;
    }
  }

  private async signIn(): Promise<void> {
    if (!(await this.startSignIn(location.href))) this.errorMessage = this.messages.genericError;
  }

  protected override messageForApiError(error: ApiError): string {
    const m = this.messages;
    // Said as the field message, which names the cause; the generic 409 text would not.
    return error.code === 'sso-domain-taken' ? messageForFieldCode('domain-taken', m) : messageForError(error, m);
  }

  private requireAccountId(): string {
    if (!this.accountId) throw new Error('account-id is not set');
    return this.accountId;
  }

  private secretInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#clientSecret');
  }

  private clearSecretInput(): void {
    const input = this.secretInput();
    if (input) input.value = '';
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const visible = this.type === 'oauth2' ? SAML_FIELDS : OAUTH2_FIELDS;
    const first = FIELD_ORDER.find((f) => this.fieldErrors[f] && !visible.includes(f));
    if (!first) return;
    if (first === 'clientSecret' && !this.secretInput()) {
      this.renderRoot.querySelector<HTMLElement>('[part~=replace-secret-button]')?.focus();
      return;
    }
    const target = first === 'type' ? this.renderRoot.querySelector<HTMLElement>('input[name=type]:checked') : this.renderRoot.querySelector<HTMLElement>(`#${first}`);
    target?.focus();
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.save();
  }

  private handleTypeChange(event: Event) {
    this.type = (event.target as HTMLInputElement).value as SsoType;
  }

  private handleInput(event: Event) {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = input.name as keyof Values;
    this.values = { ...this.values, [field]: input.value };
    this.savedMessage = '';
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    if (field === 'certificate') this.inspectCertificateField(input.value);
  }

  private handleSecretInput() {
    this.savedMessage = '';
    if (this.fieldErrors.clientSecret) this.fieldErrors = { ...this.fieldErrors, clientSecret: undefined };
  }

  private async handleReplaceSecret() {
    this.replacingSecret = !this.replacingSecret;
    await this.updateComplete;
    if (this.replacingSecret) this.secretInput()?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~=replace-secret-button]')?.focus();
  }

  private handleCopy(event: Event) {
    void this.copy((event.currentTarget as HTMLButtonElement).dataset['value'] ?? '');
  }

  private handleRetry() {
    void this.load();
  }

  private handleSignIn() {
    void this.signIn();
  }

  override render() {
    const m = this.messages;
    return html`<div part="base" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>
      ${this.phase === 'ready' ? this.renderReady(m) : loadNotice(this.phase, m, { retry: this.handleRetry, signIn: this.handleSignIn })}
      ${liveRegions(this.statusMessage, this.errorMessage, this.errorCode === 'signed-out' ? signInButton(m.signInAgain, this.handleSignIn) : nothing)}
    </div>`;
  }

  private renderReady(m: SsoConfigFormMessages) {
    const config = this.config;
    const updated = config?.configured && config.updatedAt ? formatDate(config.updatedAt, languageOf(this), true) : '';
    return html`
      ${this.savedMessage ? html`<p part="success" tabindex="-1">${this.savedMessage}</p>` : nothing}
      ${!config?.configured ? html`<p part="intro">${m.notConfigured}</p>` : updated ? html`<p part="intro" class="hint">${m.lastUpdated(updated)}</p>` : nothing}
      ${this.renderServiceProvider(m)}
      <form part="form" novalidate @submit=${this.handleSubmit} aria-busy=${this.saving ? 'true' : 'false'}>
        <fieldset part="type">
          <legend>${m.typeLegend}</legend>
          ${this.renderTypeOption('oauth2', m.typeOauth2)} ${this.renderTypeOption('saml', m.typeSaml)}
        </fieldset>
        <div ?hidden=${this.type !== 'oauth2'} class="group">
          ${this.renderField('authorizationUrl', m.authorizationUrlLabel, { type: 'url', autocomplete: 'off' })}
          ${this.renderField('tokenUrl', m.tokenUrlLabel, { type: 'url', autocomplete: 'off' })}
          ${this.renderField('clientId', m.clientIdLabel, { autocomplete: 'off' })} ${this.renderSecret(m)}
          ${this.renderField('scopes', m.scopesLabel, { hint: m.scopesHint, autocomplete: 'off' })}
          ${this.renderField('issuer', m.issuerLabel, { type: 'url', hint: m.issuerHint, autocomplete: 'off', optional: true })}
        </div>
        <div ?hidden=${this.type !== 'saml'} class="group">
          ${this.renderField('ssoUrl', m.ssoUrlLabel, { type: 'url', autocomplete: 'off' })}
          ${this.renderField('entityId', m.entityIdLabel, { autocomplete: 'off' })} ${this.renderCertificate(m)}
        </div>
        ${this.renderField('domains', m.domainsLabel, { hint: m.domainsHint, autocomplete: 'off' })}
        <button part="submit-button" class="button" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>
          ${this.saving ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}${m.save}
        </button>
      </form>
    `;
  }

  private renderServiceProvider(m: SsoConfigFormMessages) {
    const sp = this.config?.serviceProvider;
    if (!sp) return nothing;
    const rows: [string, string, string][] =
      this.type === 'oauth2'
        ? [['sp-redirect', m.redirectUrlLabel, sp.redirectUrl]]
        : [
            ['sp-acs', m.acsUrlLabel, sp.acsUrl],
            ['sp-entity', m.spEntityIdLabel, sp.entityId],
          ];
    return html`<section part="sp-values" aria-labelledby="sp-heading">
      <h2 id="sp-heading">${m.spHeading}</h2>
      <p class="hint">${this.type === 'oauth2' ? m.spIntroOauth2 : m.spIntroSaml}</p>
      <dl>
        ${rows.map(
          ([id, label, value]) => html`<div part="sp-value">
            <dt id=${`${id}-label`}>${label}</dt>
            <dd>
              <code id=${id}>${value}</code>
              <button
                part="copy-button"
                class="button secondary small"
                type="button"
                aria-label=${m.copy(label)}
                data-value=${value}
                @click=${this.handleCopy}
              >
                ${m.copyShort}
              </button>
            </dd>
          </div>`,
        )}
      </dl>
    </section>`;
  }

  private renderTypeOption(value: SsoType, label: string) {
    return html`<label part="type-option" class="option">
      <input type="radio" name="type" value=${value} .checked=${live(this.type === value)} @change=${this.handleTypeChange} />
      ${label}
    </label>`;
  }

  private renderField(
    field: keyof Values & Field,
    label: string,
    options: { type?: string; hint?: string; autocomplete?: string; optional?: boolean } = {},
  ) {
    const error = this.fieldErrors[field];
    const describedBy = [error ? `${field}-error` : '', options.hint ? `${field}-hint` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <label part="label" class="label" for=${field}>${label}</label>
      <input
        part="input"
        class="input"
        id=${field}
        name=${field}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        spellcheck="false"
        ?required=${!options.optional}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${live(this.values[field])}
        @input=${this.handleInput}
      />
      ${options.hint ? html`<span part="hint" class="hint" id=${`${field}-hint`}>${options.hint}</span>` : nothing}
      <span part="field-error" class="error" id=${`${field}-error`}>${error ?? ''}</span>
    </div>`;
  }

  private renderSecret(m: SsoConfigFormMessages) {
    const stored = Boolean(this.config?.oauth2?.clientSecretSet);
    const error = this.fieldErrors.clientSecret;
    const showInput = !stored || this.replacingSecret;
    return html`<div part="field" class="field">
      ${stored
        ? html`<div part="secret-status">
            <span id="secret-status">${m.secretSet}</span>
            <button
              part="replace-secret-button"
              class="button secondary small"
              type="button"
              aria-expanded=${this.replacingSecret ? 'true' : 'false'}
              aria-describedby=${error && !showInput ? 'clientSecret-error' : nothing}
              @click=${this.handleReplaceSecret}
            >
              ${this.replacingSecret ? m.keepSecret : m.replaceSecret}
            </button>
          </div>`
        : nothing}
      ${showInput
        ? html`<label part="label" class="label" for="clientSecret">${m.clientSecretLabel}</label>
            <input
              part="input"
              class="input"
              id="clientSecret"
              name="clientSecret"
              type="password"
              autocomplete="off"
              spellcheck="false"
              ?required=${!stored}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? 'clientSecret-error clientSecret-hint' : 'clientSecret-hint'}
              @input=${this.handleSecretInput}
            />
            <span part="hint" class="hint" id="clientSecret-hint">${m.clientSecretHint}</span>`
        : nothing}
      <span part="field-error" class="error" id="clientSecret-error">${error ?? ''}</span>
    </div>`;
  }

  private renderCertificate(m: SsoConfigFormMessages) {
    const error = this.fieldErrors.certificate;
    const stored = this.config?.saml?.certificate;
    const cert = this.certificate;
    const warning = cert.status === 'checked' && cert.result.ok && cert.result.expiresInDays !== undefined ? m.certificateExpiresSoon(cert.result.expiresInDays) : '';
    const hints = ['certificate-hint', stored ? 'certificate-stored-hint' : '', warning ? 'certificate-warning' : ''].filter(Boolean);
    return html`${stored
        ? this.renderCertificateSummary(m, m.currentCertificate, 'current-certificate', {
            ...stored,
            notBefore: new Date(stored.notBefore),
            notAfter: new Date(stored.notAfter),
          })
        : nothing}
      <div part="field" class="field">
        <label part="label" class="label" for="certificate">${m.certificateLabel}</label>
        <textarea
          part="input"
          class="input"
          id="certificate"
          name="certificate"
          rows="8"
          autocomplete="off"
          spellcheck="false"
          ?required=${true}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${[error ? 'certificate-error' : '', ...hints].filter(Boolean).join(' ')}
          .value=${live(this.values.certificate)}
          @input=${this.handleInput}
        ></textarea>
        <span part="hint" class="hint" id="certificate-hint">${m.certificateHint}</span>
        ${stored ? html`<span part="hint" class="hint" id="certificate-stored-hint">${m.certificateStoredHint}</span>` : nothing}
        <span part="field-error" class="error" id="certificate-error">${error ?? ''}</span>
        ${warning ? html`<span part="certificate-warning" id="certificate-warning">${warning}</span>` : nothing}
        ${cert.status === 'checking' ? html`<span class="hint">${m.checkingCertificate}</span>` : nothing}
      </div>
      ${cert.status === 'checked' && cert.result.summary
        ? this.renderCertificateSummary(m, m.newCertificate, 'new-certificate', cert.result.summary)
        : nothing}`;
  }

  private renderCertificateSummary(
    m: SsoConfigFormMessages,
    heading: string,
    id: string,
    summary: Pick<CertificateSummary, 'subject' | 'issuer' | 'fingerprintSha256' | 'notBefore' | 'notAfter'>,
  ) {
    const lang = languageOf(this);
    return html`<section part="certificate-summary" aria-labelledby=${id}>
      <h3 id=${id}>${heading}</h3>
      <dl>
        <div><dt>${m.certificateSubject}</dt><dd>${summary.subject}</dd></div>
        <div><dt>${m.certificateIssuer}</dt><dd>${summary.issuer}</dd></div>
        <div><dt>${m.certificateFingerprint}</dt><dd><code>${summary.fingerprintSha256}</code></dd></div>
        <div><dt>${m.certificateValidFrom}</dt><dd>${formatDate(summary.notBefore, lang)}</dd></div>
        <div><dt>${m.certificateValidUntil}</dt><dd>${formatDate(summary.notAfter, lang)}</dd></div>
      </dl>
    </section>`;
  }
}

function toSaveDetail(body: SsoConfigurationInput): SsoConfigSaveDetail {
  if (body.type === 'saml') return { ...body, clientSecretChanged: false };
  const { clientSecret, ...rest } = body;
  return { ...rest, clientSecretChanged: Boolean(clientSecret) };
}

/** `/domains/2` → `domains`, `/authorizationUrl` → `authorizationUrl`; unknown pointers → undefined. */
function fieldForPointer(pointer: string): Field | undefined {
  const head = pointer.split('/')[1] as Field | undefined;
  return head && FIELD_ORDER.includes(head) ? head : undefined;
}

function formatDate(value: string | Date, lang: string, withTime = false): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  try {
    return new Intl.DateTimeFormat(lang || 'en', { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: withTime ? undefined : 'UTC' }).format(date);
  } catch {
    return date.toISOString();
  }
}

