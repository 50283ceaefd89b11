import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiElement } from '../../core/api-element.js';
import { isSignedOut } from '../../core/admin-element.js';
import { ConfigurationError, readIdentity } from '../../core/login-client.js';
import { ApiError } from '../../core/api/problem.js';
import { newIdempotencyKey } from '../../core/api/client.js';
import type { AccountSummary, NewAccount } from '../../core/api/types.js';
import { messageForError, messageForFieldCode } from '../../core/error-messages.js';
import { controls, tokens } from '../../core/styles.js';
import { liveRegions, loadingIndicator } from '../../core/templates.js';
import { createAccountFormEn, type CreateAccountFormMessages } from './create-account-form.i18n.js';
import {
  AccountCreatedEvent,
  AccountCreateEvent,
  AccountCreateFailedEvent,
  AccountSelectedEvent,
  AccountsFoundEvent,
  type FieldError,
} from './create-account-form.events.js';
import { createAccountFormStyles } from './create-account-form.styles.js';
import { checkExtraFields, fieldsConverter, type ExtraField } from './extra-fields.js';
import { BUILT_IN, decodePointer, problemOf, specOf, valueOf, type Control, type ControlSpec } from './form-fields.js';

type Phase = 'loading' | 'signed-out' | 'existing' | 'form' | 'success' | 'configuration-error';

/**
 * The form a signed-in user fills to create their organisation's account: account name, contact
 * name and email (prefilled from the identity) plus any fields the page declares. Users who
 * already belong to an account are offered to continue there first.
 *
 * @summary Create-account form for Authress onboarding.
 * @tagname create-account-form
 * @fires {AccountCreateEvent} account-create - Cancelable; before `POST /accounts`. `detail`: the body.
 * @fires {AccountCreatedEvent} account-created - The account exists. `detail`: `{ account, role }`.
 * @fires {AccountCreateFailedEvent} account-create-failed - The request failed. `detail`: code, message, status, fieldErrors.
 * @fires {AccountsFoundEvent} accounts-found - Cancelable; the user already has accounts. `detail`: `{ accounts }`. Cancel to skip the offer.
 * @fires {AccountSelectedEvent} account-selected - Cancelable; "Continue to …" chosen. `detail`: `{ account, url }`. Cancel to navigate yourself.
 * @csspart base - The wrapper of everything.
 * @csspart form - The form.
 * @csspart field - Each field wrapper (also `field-<name>` for extra fields).
 * @csspart label - Each field label.
 * @csspart input - Each control (also `select`, `checkbox`, `textarea` by kind).
 * @csspart hint - Each field hint.
 * @csspart field-error - Each field's error text.
 * @csspart submit - The submit button.
 * @csspart spinner - The progress indicator while pending or loading.
 * @csspart error - The live region for form-level errors.
 * @csspart status - The live region that announces progress.
 * @csspart sign-in - The "Sign in" button shown when the user must sign in.
 * @csspart notice - The signed-out and configuration-error panels.
 * @csspart loading - The loading indicator.
 * @csspart existing - The "you already belong to" panel.
 * @csspart existing-heading - Its heading.
 * @csspart existing-account - Each existing account (text and "Continue" button).
 * @csspart continue - Each "Continue to …" button.
 * @csspart create-another - The "Create another account" button.
 * @csspart success - The success panel.
 * @csspart success-heading - Its heading (focused when shown).
 * @cssprop --create-account-form-max-width - Max width of the element (default 32rem).
 * @cssprop --create-account-form-gap - Space between blocks (default the space token).
 * @cssprop --create-account-form-padding - Padding of the base block (default 0).
 * @cssprop --create-account-form-background - Background of the base block (default transparent).
 * @cssprop --create-account-form-heading-size - Heading font size (default 1.25em).
 * @cssprop --create-account-form-submit-background - Submit button background (default the accent token).
 * @cssprop --create-account-form-submit-color - Submit button text color.
 * @cssprop --onb-color-accent - Library accent color (see docs/theming.md for all `--onb-*` tokens).
 */
export class CreateAccountFormElement extends ApiElement<CreateAccountFormMessages> {
  static override tagName = 'create-account-form';
  static override styles = [tokens, controls, createAccountFormStyles];

  /** Where to go after the account is created (relative, or an allow-listed origin). Unset: show a success panel. */
  @property({ attribute: 'success-url' }) successUrl?: string;

  /** Where "Continue to <account>" goes; `{accountId}` is replaced, e.g. `/accounts/{accountId}`. */
  @property({ attribute: 'continue-url' }) continueUrl?: string;

  /** Extra fields, as a JSON array attribute or an array property (see ExtraField). */
  @property({ attribute: 'fields', converter: fieldsConverter }) fields: ExtraField[] = [];

  /** `offer` (default): users who already belong to accounts see them first. `ignore`: always show the form. */
  @property({ attribute: 'existing-accounts' }) existingAccounts: 'offer' | 'ignore' = 'offer';

  @state() private phase: Phase = 'loading';
  @state() private submitting = false;
  @state() private errorMessage = '';
  @state() private statusMessage = '';
  @state() private needsSignIn = false;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private accounts: AccountSummary[] = [];
  @state() private createdName = '';
  @state() private prefill: { name?: string; email?: string } = {};

  private extraFields: ExtraField[] = [];
  private fieldsError = '';
  /** The last submission that did not succeed: retried unchanged, it keeps its idempotency key. */
  private lastSubmission?: { key: string; body: string };
  private controller?: AbortController;
  private loaded = false;

  protected readonly messageKey = 'createAccountForm';
  protected readonly defaultMessages = createAccountFormEn;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.loaded) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    // A load cut short restarts on reconnect; a finished one does not.
    if (this.phase === 'loading') this.loaded = false;
    this.submitting = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('fields')) {
      const check = checkExtraFields(this.fields);
      this.extraFields = check.fields;
      this.fieldsError = check.error ?? '';
      if (check.error) console.error(`<${this.localName}> ${check.error}`);
    }
  }

  /** Validates and submits the form, as the submit button does. */
  async submit(): Promise<void> {
    if (this.submitting || this.phase !== 'form') return; // pending: a double submit sends nothing
    if (this.fieldsError) return; // a broken `fields` declaration shows a configuration error, not a form
    const m = this.messages;
    const body = this.readBody();
    if (!body) return;

    const serialized = JSON.stringify(body);
    const key = this.lastSubmission?.body === serialized ? this.lastSubmission.key : newIdempotencyKey();
    this.lastSubmission = { key, body: serialized };
    if (!this.dispatchEvent(new AccountCreateEvent(body))) return;

    const controller = this.renewController();
    this.submitting = true;
    this.errorMessage = '';
    this.needsSignIn = false;
    this.statusMessage = m.pending;
    try {
      const created = await this.resolveApi().createAccount(body, { idempotencyKey: key, signal: controller.signal });
      if (controller.signal.aborted) return;
      this.lastSubmission = undefined;
      this.submitting = false;
      this.statusMessage = '';
      this.dispatchEvent(new AccountCreatedEvent({ account: created.account, role: created.role }));
      this.finishCreated(created.account.name);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.submitting = false;
      this.statusMessage = '';
      this.handleSubmitError(error);
    }
  }

  private async load(): Promise<void> {
    this.loaded = true;
    const controller = this.renewController();
    this.phase = 'loading';
    this.statusMessage = this.messages.loading;
    const session = await this.checkSession();
    if (!session || controller.signal.aborted) return;
    this.statusMessage = '';
    if (!session.signedIn) {
      this.phase = 'signed-out';
      return;
    }
    const identity = readIdentity(session.client);
    this.prefill = { name: identity?.name, email: identity?.email };
    await this.offerExistingAccounts(controller.signal);
  }

  private async offerExistingAccounts(signal: AbortSignal): Promise<void> {
    let accounts: AccountSummary[] = [];
    try {
      accounts = (await this.resolveApi().listAccounts({ signal })).accounts;
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ConfigurationError) return this.showConfigurationError(error);
      if (isSignInProblem(error)) {
        this.phase = 'signed-out';
        return;
      }
      // Not knowing the user's accounts must not stop them from creating one.
      console.warn(`<${this.localName}> could not list existing accounts:`, error);
    }
    if (signal.aborted) return;
    const offer = accounts.length > 0 && this.dispatchEvent(new AccountsFoundEvent({ accounts })) && this.existingAccounts !== 'ignore';
    this.accounts = offer ? accounts : [];
    this.phase = offer ? 'existing' : 'form';
  }

  /** Reads and validates every control; on problems shows them, focuses the first and returns null. */
  private readBody(): NewAccount | null {
    const m = this.messages;
    const errors: Record<string, string> = {};
    const fields: Record<string, string | number | boolean> = {};
    const body: Record<string, unknown> = {};
    for (const spec of this.specs()) {
      const control = this.control(spec.id);
      if (!control) continue;
      const problem = problemOf(spec, control, m);
      if (problem) {
        errors[spec.pointer] = problem;
        continue;
      }
      const value = valueOf(spec, control);
      if (value === undefined) continue;
      if (spec.pointer.startsWith('/fields/')) fields[spec.pointer.slice('/fields/'.length)] = value;
      else body[spec.pointer.slice(1)] = value;
    }
    this.fieldErrors = errors;
    const count = Object.keys(errors).length;
    if (count) {
      this.errorMessage = m.errorSummary(count);
      this.needsSignIn = false;
      void this.focusFirstProblem();
      return null;
    }
    if (this.extraFields.length) body.fields = fields;
    return body as unknown as NewAccount;
  }

  private handleSubmitError(error: unknown): void {
    const m = this.messages;
    if (error instanceof ConfigurationError || !(error instanceof ApiError)) {
      console.error(`<${this.localName}> could not create the account:`, error);
      const code = error instanceof ConfigurationError ? 'configuration-error' : 'unexpected-response';
      const message = error instanceof ConfigurationError ? m.configurationError : m.genericError;
      this.errorMessage = message;
      this.dispatchEvent(new AccountCreateFailedEvent({ code, message, fieldErrors: [] }));
      return;
    }
    // The backend refused this key for a different body: the next submission needs a new one.
    if (error.code === 'idempotency-key-reused') this.lastSubmission = undefined;
    const fieldErrors: FieldError[] = error.fieldErrors.map((problem) => ({
      pointer: decodePointer(problem.pointer),
      code: problem.code,
      message: messageForFieldCode(problem.code, m),
    }));
    const known = new Set(this.specs().map((spec) => spec.pointer));
    const placed: Record<string, string> = {};
    for (const fieldError of fieldErrors) {
      if (known.has(fieldError.pointer) && !placed[fieldError.pointer]) placed[fieldError.pointer] = fieldError.message;
    }
    this.fieldErrors = placed;
    this.needsSignIn = isSignInProblem(error);
    const message = messageForError(error, m);
    this.errorMessage = message;
    if (Object.keys(placed).length) void this.focusFirstProblem();
    this.dispatchEvent(new AccountCreateFailedEvent({ code: error.code, message, ...(error.status ? { status: error.status } : {}), fieldErrors }));
  }

  private finishCreated(accountName: string): void {
    if (this.successUrl) {
      const target = this.safeRedirect(this.successUrl);
      if (target) {
        this.navigate(target.href);
        return;
      }
      console.warn(
        `<${this.localName}> success-url "${this.successUrl}" is not on this site or an allowed origin (allowed-redirect-origins); staying on the page.`,
      );
    }
    this.createdName = accountName;
    this.phase = 'success';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="success-heading"]')?.focus());
  }

  private continueTo(account: AccountSummary): void {
    let url: string | undefined;
    if (this.continueUrl) {
      const target = this.safeRedirect(this.continueUrl.replaceAll('{accountId}', encodeURIComponent(account.accountId)));
      if (target) url = target.href;
      else console.warn(`<${this.localName}> continue-url "${this.continueUrl}" is not on this site or an allowed origin; not navigating.`);
    }
    if (this.dispatchEvent(new AccountSelectedEvent({ account, ...(url ? { url } : {}) })) && url) this.navigate(url);
  }

  private async signIn(): Promise<void> {
    if (!(await this.startSignIn(location.href))) this.errorMessage = this.messages.signInFailed;
  }

  protected override showConfigurationError(error: unknown): void {
    super.showConfigurationError(error);
    this.statusMessage = '';
    this.phase = 'configuration-error';
  }

  private specs(): ControlSpec[] {
    return [BUILT_IN.accountName, BUILT_IN.contactName, BUILT_IN.contactEmail, ...this.extraFields.map(specOf)];
  }

  private control(id: string): Control | null {
    return (this.renderRoot as ShadowRoot).getElementById(id) as Control | null;
  }

  private async focusFirstProblem(): Promise<void> {
    await this.updateComplete;
    const first = this.specs().find((spec) => this.fieldErrors[spec.pointer]);
    if (first) this.control(first.id)?.focus();
  }

  private renewController(): AbortController {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller;
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.submit();
  }

  /** Any edit makes a new submission (new idempotency key) and clears that field's error. */
  private handleInput(event: Event) {
    this.lastSubmission = undefined;
    const pointer = (event.target as HTMLElement).dataset.pointer;
    if (pointer && this.fieldErrors[pointer]) {
      const { [pointer]: _cleared, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  private handleCreateAnother() {
    this.phase = 'form';
    void this.updateComplete.then(() => this.control(BUILT_IN.accountName.id)?.focus());
  }

  override render() {
    const m = this.messages;
    return html`<div part="base">
      ${this.renderPhase(m)} ${liveRegions(this.statusMessage, this.errorMessage)}
      ${this.needsSignIn ? this.renderSignInButton(m) : nothing}
    </div>`;
  }

  private renderPhase(m: CreateAccountFormMessages) {
    if (this.fieldsError || this.phase === 'configuration-error') {
      return html`<div part="notice"><p class="alert">${m.configurationError}</p></div>`;
    }
    switch (this.phase) {
      case 'loading':
        return loadingIndicator(m.loading);
      case 'signed-out':
        return html`<div part="notice"><p>${m.signInToCreate}</p>${this.renderSignInButton(m)}</div>`;
      case 'existing':
        return this.renderExisting(m);
      case 'success':
        return html`<section part="success">
          <h2 part="success-heading" tabindex="-1">${m.successHeading(this.createdName)}</h2>
          <p>${m.successBody}</p>
        </section>`;
      default:
        return this.renderForm(m);
    }
  }

  private renderSignInButton(m: CreateAccountFormMessages) {
    return html`<div class="actions">
      <button part="sign-in" class="button" type="button" @click=${() => void this.signIn()}>${m.signInAgain}</button>
    </div>`;
  }

  private renderExisting(m: CreateAccountFormMessages) {
    return html`<section part="existing" aria-labelledby="existing-heading">
      <h2 part="existing-heading" id="existing-heading">${m.existingHeading}</h2>
      <ul>
        ${this.accounts.map(
          (account) => html`<li part="existing-account">
            <span>${m.existingMembership(account.name, m.roleNames[account.role] ?? account.role)}</span>
            <button part="continue" class="button" type="button" @click=${() => this.continueTo(account)}>
              ${m.continueTo(account.name)}
            </button>
          </li>`,
        )}
      </ul>
      <div class="actions">
        <button part="create-another" class="button secondary" type="button" @click=${this.handleCreateAnother}>${m.createAnother}</button>
      </div>
    </section>`;
  }

  private renderForm(m: CreateAccountFormMessages) {
    const pending = this.submitting;
    return html`<form part="form" novalidate aria-label=${m.formLabel} aria-busy=${pending ? 'true' : 'false'} @submit=${this.handleSubmit} @input=${this.handleInput} @change=${this.handleInput}>
      ${this.renderInput(BUILT_IN.accountName, m.accountNameLabel, m.accountNameHint, '')}
      ${this.renderInput(BUILT_IN.contactName, m.contactNameLabel, undefined, this.prefill.name ?? '')}
      ${this.renderInput(BUILT_IN.contactEmail, m.contactEmailLabel, m.contactEmailHint, this.prefill.email ?? '')}
      ${this.extraFields.map((field) => this.renderExtra(field, m))}
      <div class="actions">
        <button part="submit" class="button" type="submit" aria-disabled=${pending ? 'true' : 'false'}>
          ${pending ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}${m.submit}
        </button>
      </div>
    </form>`;
  }

  private describedBy(spec: ControlSpec, hint: boolean): string | typeof nothing {
    const ids = [this.fieldErrors[spec.pointer] ? spec.errorId : '', hint ? spec.hintId : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderFieldFooter(spec: ControlSpec, hint: string | undefined) {
    return html`${hint ? html`<span part="hint" class="hint" id=${spec.hintId}>${hint}</span>` : nothing}
      <span part="field-error" class="error" id=${spec.errorId}>${this.fieldErrors[spec.pointer] ?? ''}</span>`;
  }

  private renderInput(spec: ControlSpec, label: string, hint: string | undefined, value: string, extraPart = '') {
    const invalid = Boolean(this.fieldErrors[spec.pointer]);
    return html`<div part="field ${extraPart}" class="field">
      <label part="label" class="label" for=${spec.id}>${label}</label>
      <input
        part="input"
        class="input"
        id=${spec.id}
        name=${spec.id}
        data-pointer=${spec.pointer}
        type=${spec.type ?? 'text'}
        .value=${value}
        autocomplete=${spec.autocomplete ?? 'off'}
        ?required=${spec.required}
        aria-required=${spec.required ? 'true' : 'false'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${this.describedBy(spec, Boolean(hint))}
        maxlength=${spec.type === 'number' || spec.maxlength === undefined ? nothing : spec.maxlength}
        min=${spec.min ?? nothing}
        max=${spec.max ?? nothing}
        step=${spec.step ?? nothing}
        inputmode=${spec.type === 'email' ? 'email' : nothing}
      />
      ${this.renderFieldFooter(spec, hint)}
    </div>`;
  }

  private renderExtra(field: ExtraField, m: CreateAccountFormMessages) {
    const spec = specOf(field);
    const label = field.required || field.type === 'checkbox' ? field.label : `${field.label} (${m.optional})`;
    const invalid = Boolean(this.fieldErrors[spec.pointer]);
    const part = `field-${field.name}`;
    switch (field.type) {
      case 'checkbox':
        return html`<div part="field ${part}" class="field">
          <div class="checkbox">
            <input
              part="input checkbox"
              id=${spec.id}
              name=${spec.id}
              data-pointer=${spec.pointer}
              type="checkbox"
              ?required=${spec.required}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${this.describedBy(spec, Boolean(field.hint))}
            />
            <label part="label" for=${spec.id}>${label}</label>
          </div>
          ${this.renderFieldFooter(spec, field.hint)}
        </div>`;
      case 'select':
        return html`<div part="field ${part}" class="field">
          <label part="label" class="label" for=${spec.id}>${label}</label>
          <select
            part="input select"
            class="input"
            id=${spec.id}
            name=${spec.id}
            data-pointer=${spec.pointer}
            autocomplete=${spec.autocomplete ?? 'off'}
            ?required=${spec.required}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${this.describedBy(spec, Boolean(field.hint))}
          >
            <option value="">${m.selectPlaceholder}</option>
            ${(field.options ?? []).map((option) => html`<option value=${option.value}>${option.label}</option>`)}
          </select>
          ${this.renderFieldFooter(spec, field.hint)}
        </div>`;
      case 'textarea':
        return html`<div part="field ${part}" class="field">
          <label part="label" class="label" for=${spec.id}>${label}</label>
          <textarea
            part="input textarea"
            class="input"
            id=${spec.id}
            name=${spec.id}
            data-pointer=${spec.pointer}
            autocomplete=${spec.autocomplete ?? 'off'}
            ?required=${spec.required}
            maxlength=${spec.maxlength ?? nothing}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${this.describedBy(spec, Boolean(field.hint))}
          ></textarea>
          ${this.renderFieldFooter(spec, field.hint)}
        </div>`;
      default:
        return this.renderInput(spec, label, field.hint, '', part);
    }
  }
}

function isSignInProblem(error: unknown): boolean {
  return error instanceof ApiError && isSignedOut(error);
}
