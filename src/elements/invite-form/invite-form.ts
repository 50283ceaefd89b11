import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminElement, isSignedOut, loadPhaseFor } from '../../core/admin-element.js';
import { ApiError } from '../../core/api/problem.js';
import { newIdempotencyKey } from '../../core/api/client.js';
import type { InviteResult, PendingInvite, Role } from '../../core/api/types.js';
import { messageForFieldCode } from '../../core/error-messages.js';
import { languageOf } from '../../core/i18n.js';
import { controls, tokens } from '../../core/styles.js';
import { liveRegions, loadNotice, signInButton, type LoadPhase } from '../../core/templates.js';
import { inviteFormEn, type InviteCounts, type InviteFormMessages } from './invite-form.i18n.js';
import {
  InviteLoadFailedEvent,
  InviteRevokedEvent,
  InviteRevokeFailedEvent,
  InviteSendEvent,
  InviteSendFailedEvent,
  InviteSentEvent,
} from './invite-form.events.js';
import { inviteFormStyles } from './invite-form.styles.js';
import { MAX_INVITES, parseEmails } from './invite-form.emails.js';

type Phase = LoadPhase | 'ready';
type ListState = 'loading' | 'ready' | 'failed' | 'forbidden';
type Field = 'role' | 'emails';

/**
 * Lets an account admin invite people with one role: pick a role they may grant (with its
 * description), paste one or many addresses (`Name <email>` forms too), and see a result per
 * address; addresses that were not sent stay in the field for a retry. Lists pending invitations
 * with an inline-confirmed Revoke. Events carry counts, never addresses.
 *
 * @summary Invite people to an account and manage pending invitations.
 * @tagname invite-form
 * @fires {InviteSendEvent} invite-send - Cancelable; before sending. `detail`: roleId, count.
 * @fires {InviteSentEvent} invite-sent - The backend answered per address. `detail`: roleId, sent, alreadyPending, invalid, failed.
 * @fires {InviteSendFailedEvent} invite-send-failed - Nothing was sent. `detail`: code, message, status.
 * @fires {InviteRevokedEvent} invite-revoked - A pending invite was revoked. `detail`: inviteId.
 * @fires {InviteRevokeFailedEvent} invite-revoke-failed - Revoking failed. `detail`: inviteId, code, message, status.
 * @fires {InviteLoadFailedEvent} invite-load-failed - Loading roles or pending invites failed. `detail`: code, message, status.
 * @csspart base - The wrapper of everything.
 * @csspart loading - The loading message.
 * @csspart spinner - A progress indicator.
 * @csspart load-error - The load failure message.
 * @csspart retry-button - A "Try again" button.
 * @csspart forbidden - The no-permission message shown instead of the form.
 * @csspart sign-in - The "sign in" offer.
 * @csspart sign-in-button - The "Sign in" button.
 * @csspart no-roles - The message when the admin can grant no role.
 * @csspart form - The invite form.
 * @csspart roles - The role radio group (fieldset).
 * @csspart role-option - One role card (radio, name, description).
 * @csspart role-description - A role's description.
 * @csspart field - A field wrapper.
 * @csspart label - The email field label.
 * @csspart input - The email textarea.
 * @csspart hint - A field hint.
 * @csspart field-error - A field's error text.
 * @csspart invalid-list - The list of entries that are not email addresses.
 * @csspart submit-button - The send button.
 * @csspart summary - The result summary ("3 sent, 1 failed.").
 * @csspart results - The per-address results list.
 * @csspart result - One per-address result.
 * @csspart pending - The pending invitations section.
 * @csspart pending-heading - Its heading (focused after the last row is revoked).
 * @csspart pending-list - The pending invitations list.
 * @csspart pending-item - One pending invitation.
 * @csspart pending-empty - The "no pending invitations" text.
 * @csspart revoke-button - A row's Revoke button.
 * @csspart confirm - The inline "Revoke? Yes / Cancel" step.
 * @csspart confirm-button - "Yes, revoke".
 * @csspart cancel-button - "Cancel".
 * @csspart error - The alert region (form-level errors).
 * @csspart status - The polite live region (progress, revoked).
 * @cssprop --invite-form-width - Max width (default 40rem).
 * @cssprop --invite-form-gap - Space between blocks.
 * @cssprop --invite-form-accent - Border of the selected role card.
 * @cssprop --invite-form-button-background - Button background (default: the accent token).
 * @cssprop --invite-form-button-color - Button text color.
 */
export class InviteFormElement extends AdminElement<InviteFormMessages> {
  static override tagName = 'invite-form';
  static override styles = [tokens, controls, inviteFormStyles];

  /** The account people are invited to (`acc_…`). Required. */
  @property({ attribute: 'account-id' }) accountId?: string;

  @state() private phase: Phase = 'loading';
  @state() private roles: Role[] = [];
  @state() private roleId = '';
  @state() private emailsText = '';
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private invalidEntries: string[] = [];
  @state() private sending = false;
  @state() private results: InviteResult[] = [];
  @state() private summary = '';
  @state() private errorMessage = '';
  @state() private errorCode = '';
  @state() private statusMessage = '';
  @state() private pending: PendingInvite[] = [];
  @state() private listState: ListState = 'loading';
  @state() private confirming = '';
  @state() private revoking = '';
  @state() private revokeError: { inviteId: string; message: string } | null = null;

  protected readonly messageKey = 'inviteForm';
  protected readonly defaultMessages = inviteFormEn;

  #abort = new AbortController();
  #loadedFor?: string;
  /** Whether the last load settled (loaded or failed) rather than being aborted. */
  #loadSettled = false;
  /** Numbers the pending-list requests: only the latest answer is applied. */
  #pendingRequest = 0;
  /** One key per submission; kept for a retry of the same one, dropped on any edit. */
  #idempotencyKey?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moving the element in the DOM reconnects it: keep what was typed unless there is nothing
    // (finished) to keep for this account.
    if (!this.#loadSettled || this.#loadedFor !== this.accountId) void this.load();
    // Disconnecting aborted the controller that sends, revokes and refreshes use: renew it.
    else if (this.#abort.signal.aborted) this.#abort = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A different account (set or changed after connect) means different data.
    if (changed.has('accountId') && this.isConnected && this.accountId !== this.#loadedFor) void this.load();
  }

  /** (Re)loads the grantable roles and the pending invitations. */
  async load(): Promise<void> {
    this.#abort.abort();
    const abort = (this.#abort = new AbortController());
    if (this.accountId !== this.#loadedFor) this.resetForAccount();
    this.#loadedFor = this.accountId;
    this.#loadSettled = false;
    this.phase = 'loading';
    this.errorMessage = '';
    const pendingLoaded = this.loadPending(abort.signal);
    try {
      const { roles } = await this.resolveApi().listGrantableRoles(this.requireAccountId(), { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.#loadSettled = true;
      this.roles = roles;
      if (!roles.some((r) => r.roleId === this.roleId)) {
        const roleId = roles.length === 1 ? roles[0].roleId : '';
        // Another role means another submission.
        if (roleId !== this.roleId) this.#idempotencyKey = undefined;
        this.roleId = roleId;
      }
      this.phase = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#loadSettled = true;
      const failure = this.describeFailure(error);
      this.phase = loadPhaseFor(failure);
      this.dispatchEvent(new InviteLoadFailedEvent(failure));
    }
    await pendingLoaded;
  }

  /** Everything typed, answered or shown for the previous account. */
  private resetForAccount(): void {
    this.#pendingRequest++; // an answer still on its way belongs to the previous account
    this.#idempotencyKey = undefined;
    this.roleId = '';
    this.emailsText = '';
    this.fieldErrors = {};
    this.invalidEntries = [];
    this.results = [];
    this.summary = '';
    this.errorCode = '';
    this.statusMessage = '';
    this.pending = [];
    this.listState = 'loading';
    this.confirming = '';
    this.revokeError = null;
  }

  private async loadPending(signal = this.#abort.signal): Promise<void> {
    // Several refreshes can overlap (after a send, after a revoke): only the latest answer counts,
    // or an older list could bring back a row that was just revoked.
    const request = ++this.#pendingRequest;
    if (!this.pending.length) this.listState = 'loading';
    try {
      const { invites } = await this.resolveApi().listPendingInvites(this.requireAccountId(), { signal });
      if (signal.aborted || request !== this.#pendingRequest) return;
      this.pending = invites;
      this.listState = 'ready';
    } catch (error) {
      if (signal.aborted || request !== this.#pendingRequest) return;
      const failure = this.describeFailure(error);
      this.listState = failure.status === 403 ? 'forbidden' : 'failed';
    }
  }

  /** Validates and sends, as the submit button does. */
  async send(): Promise<void> {
    if (this.sending || this.phase !== 'ready') return; // a double submit must not send twice
    const m = this.messages;
    this.errorMessage = '';
    this.errorCode = '';
    const parsed = parseEmails(this.emailsText);
    const errors: Partial<Record<Field, string>> = {};
    if (!this.roleId) errors.role = m.roleRequired;
    if (!parsed.entries.length) errors.emails = m.emailsRequired;
    else if (parsed.invalid.length) errors.emails = `${m.invalidEntries(parsed.invalid.length)} ${m.invalidEntriesHelp}`;
    else if (parsed.valid.length > MAX_INVITES) errors.emails = m.tooMany(MAX_INVITES, parsed.valid.length);
    this.invalidEntries = parsed.invalid;
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      const code = !errors.role && parsed.valid.length > MAX_INVITES && !parsed.invalid.length ? 'too-many' : 'invalid-input';
      this.errorMessage = m.validationFailed;
      this.dispatchEvent(new InviteSendFailedEvent({ code, message: Object.values(errors)[0] }));
      await this.focusFirstInvalid();
      return;
    }
    const roleId = this.roleId;
    const emails = parsed.valid;
    if (!this.dispatchEvent(new InviteSendEvent({ roleId, count: emails.length }))) return;

    this.#idempotencyKey ??= newIdempotencyKey();
    this.sending = true;
    this.statusMessage = m.sending(emails.length);
    const signal = this.#abort.signal;
    try {
      const { results } = await this.resolveApi().createInvites(
        this.requireAccountId(),
        { emails, roleId },
        { idempotencyKey: this.#idempotencyKey, signal },
      );
      if (signal.aborted) return;
      this.#idempotencyKey = undefined; // answered: the next send is a new submission
      this.showResults(roleId, emails, results);
      void this.loadPending();
    } catch (error) {
      if (signal.aborted) return;
      this.statusMessage = '';
      this.showSendError(error);
    } finally {
      this.sending = false;
    }
  }

  private showResults(roleId: string, emails: string[], results: InviteResult[]): void {
    const m = this.messages;
    const counts: InviteCounts = { sent: 0, alreadyPending: 0, invalid: 0, failed: 0 };
    const byEmail = new Map(results.map((r) => [r.email.trim().toLowerCase(), r]));
    // An address the backend did not mention was not sent: keep it for the retry.
    const complete = emails.map<InviteResult>((email) => byEmail.get(email) ?? { email, status: 'failed' });
    for (const r of complete) {
      if (r.status === 'sent') counts.sent++;
      else if (r.status === 'already_pending') counts.alreadyPending++;
      else if (r.status === 'invalid') counts.invalid++;
      else counts.failed++;
    }
    const kept = complete.filter((r) => r.status === 'invalid' || r.status === 'failed').map((r) => r.email);
    this.results = complete;
    this.emailsText = kept.join('\n');
    this.invalidEntries = complete.filter((r) => r.status === 'invalid').map((r) => r.email);
    this.fieldErrors = kept.length ? { emails: m.keptForRetry } : {};
    this.summary = !kept.length && !counts.alreadyPending ? m.allSent(counts.sent) : m.summary(counts);
    this.statusMessage = '';
    this.dispatchEvent(new InviteSentEvent({ roleId, ...counts }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~=summary]')?.focus());
  }

  private showSendError(error: unknown): void {
    const m = this.messages;
    const failure = this.describeFailure(error);
    const errors: Partial<Record<Field, string>> = {};
    if (error instanceof ApiError) {
      if (error.code === 'role-not-grantable') errors.role = messageForFieldCode('role-not-grantable', m);
      for (const problem of error.fieldErrors) {
        const field: Field | undefined = problem.pointer.startsWith('/roleId') ? 'role' : problem.pointer.startsWith('/emails') ? 'emails' : undefined;
        if (field && !errors[field]) errors[field] = messageForFieldCode(problem.code, m);
      }
      // A refused key belongs to another body: the next attempt is a new submission.
      if (error.code === 'idempotency-key-reused') this.#idempotencyKey = undefined;
    }
    this.fieldErrors = errors;
    this.errorCode = isSignedOut(failure) ? 'signed-out' : failure.code;
    this.errorMessage = errors.role && error instanceof ApiError && error.code === 'role-not-grantable' ? errors.role : failure.message;
    this.dispatchEvent(new InviteSendFailedEvent(failure));
    if (Object.keys(errors).length) void this.focusFirstInvalid();
  }

  private async revoke(invite: PendingInvite): Promise<void> {
    if (this.revoking) return;
    const m = this.messages;
    this.revoking = invite.inviteId;
    this.revokeError = null;
    this.statusMessage = m.revoking;
    const index = this.pending.findIndex((p) => p.inviteId === invite.inviteId);
    const next = this.pending[index + 1] ?? this.pending[index - 1];
    const removeRow = async () => {
      this.pending = this.pending.filter((p) => p.inviteId !== invite.inviteId);
      this.#pendingRequest++; // a list requested before now may still contain the row
      this.confirming = '';
      await this.updateComplete;
      // Focus the next row's Revoke button, or the list heading when none is left.
      const target = next
        ? this.renderRoot.querySelector<HTMLElement>(`[data-invite-id="${CSS.escape(next.inviteId)}"] [part~=revoke-button]`)
        : this.renderRoot.querySelector<HTMLElement>('[part~=pending-heading]');
      target?.focus();
      void this.loadPending();
    };
    const signal = this.#abort.signal;
    try {
      await this.resolveApi().revokeInvite(this.requireAccountId(), invite.inviteId, { signal });
      if (signal.aborted) return;
      this.statusMessage = m.revoked(invite.email);
      this.dispatchEvent(new InviteRevokedEvent({ inviteId: invite.inviteId }));
      await removeRow();
    } catch (error) {
      if (signal.aborted) return;
      const failure = this.describeFailure(error);
      this.statusMessage = '';
      // Accepted meanwhile (409 invite-not-pending) or gone (404): it is no longer pending, so it
      // leaves the list, which is refreshed (docs/contract.md); the app still hears why.
      if (failure.code === 'invite-not-pending' || failure.status === 404) {
        this.dispatchEvent(new InviteRevokeFailedEvent({ ...failure, inviteId: invite.inviteId }));
        await removeRow();
        return;
      }
      const message = failure.status === 403 || isSignedOut(failure) ? failure.message : m.revokeFailed;
      this.revokeError = { inviteId: invite.inviteId, message };
      this.dispatchEvent(new InviteRevokeFailedEvent({ ...failure, message, inviteId: invite.inviteId }));
    } finally {
      this.revoking = '';
    }
  }

  private async signIn(): Promise<void> {
    if (!(await this.startSignIn(location.href))) this.errorMessage = this.messages.genericError;
  }

  private requireAccountId(): string {
    if (!this.accountId) throw new Error('account-id is not set');
    return this.accountId;
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    if (this.fieldErrors.role) {
      const radios = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name=role]')];
      (radios.find((r) => r.checked) ?? radios[0])?.focus();
    } else if (this.fieldErrors.emails) {
      this.renderRoot.querySelector<HTMLElement>('#emails')?.focus();
    }
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.send();
  }

  private handleRoleChange(event: Event) {
    this.roleId = (event.target as HTMLInputElement).value;
    this.#idempotencyKey = undefined;
    if (this.fieldErrors.role) this.fieldErrors = { ...this.fieldErrors, role: undefined };
  }

  private handleEmailsInput(event: Event) {
    this.emailsText = (event.target as HTMLTextAreaElement).value;
    this.#idempotencyKey = undefined;
    if (this.fieldErrors.emails) {
      this.fieldErrors = { ...this.fieldErrors, emails: undefined };
      this.invalidEntries = [];
    }
  }

  private handleEmailsBlur() {
    // Mark entries that aren't addresses as soon as the admin leaves the field, not while typing.
    const parsed = parseEmails(this.emailsText);
    this.invalidEntries = parsed.invalid;
    if (parsed.invalid.length) {
      this.fieldErrors = { ...this.fieldErrors, emails: `${this.messages.invalidEntries(parsed.invalid.length)} ${this.messages.invalidEntriesHelp}` };
    } else if (parsed.valid.length > MAX_INVITES) {
      this.fieldErrors = { ...this.fieldErrors, emails: this.messages.tooMany(MAX_INVITES, parsed.valid.length) };
    }
  }

  private async handleRevokeClick(event: Event) {
    const id = (event.currentTarget as HTMLElement).closest<HTMLElement>('[data-invite-id]')!.dataset['inviteId']!;
    this.confirming = id;
    this.revokeError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-invite-id="${CSS.escape(id)}"] [part~=cancel-button]`)?.focus();
  }

  private async handleRevokeCancel(event: Event) {
    const id = (event.currentTarget as HTMLElement).closest<HTMLElement>('[data-invite-id]')!.dataset['inviteId']!;
    this.confirming = '';
    this.revokeError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-invite-id="${CSS.escape(id)}"] [part~=revoke-button]`)?.focus();
  }

  private handleRevokeConfirm(event: Event) {
    const id = (event.currentTarget as HTMLElement).closest<HTMLElement>('[data-invite-id]')!.dataset['inviteId']!;
    const invite = this.pending.find((p) => p.inviteId === id);
    if (invite) void this.revoke(invite);
  }

  private handleRetry() {
    void this.load();
  }

  private handleRetryPending() {
    void this.loadPending();
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

  private renderReady(m: InviteFormMessages) {
    return html`${this.roles.length ? this.renderForm(m) : html`<p part="no-roles" class="alert">${m.noRoles}</p>`}
      ${this.renderResults(m)} ${this.renderPending(m)}`;
  }

  private renderForm(m: InviteFormMessages) {
    const roleError = this.fieldErrors.role;
    const emailsError = this.fieldErrors.emails;
    const count = parseEmails(this.emailsText).valid.length;
    const emailsDescribedBy = ['emails-hint', emailsError ? 'emails-error' : '', this.invalidEntries.length ? 'emails-invalid' : ''].filter(Boolean).join(' ');
    return html`<form part="form" novalidate @submit=${this.handleSubmit} aria-busy=${this.sending ? 'true' : 'false'}>
      <fieldset part="roles" aria-describedby=${roleError ? 'role-error' : nothing} aria-invalid=${roleError ? 'true' : nothing}>
        <legend>${m.roleLegend}</legend>
        ${this.roles.map((role, index) => this.renderRole(role, index, Boolean(roleError)))}
        <span part="field-error" class="error" id="role-error">${roleError ?? ''}</span>
      </fieldset>
      <div part="field" class="field">
        <label part="label" class="label" for="emails">${m.emailsLabel}</label>
        <textarea
          part="input"
          class="input"
          id="emails"
          name="emails"
          rows="4"
          autocomplete="off"
          spellcheck="false"
          required
          aria-invalid=${emailsError || this.invalidEntries.length ? 'true' : 'false'}
          aria-describedby=${emailsDescribedBy}
          .value=${live(this.emailsText)}
          @input=${this.handleEmailsInput}
          @blur=${this.handleEmailsBlur}
        ></textarea>
        <span part="hint" class="hint" id="emails-hint">${m.emailsHint(MAX_INVITES)}</span>
        <span part="field-error" class="error" id="emails-error">${emailsError ?? ''}</span>
        ${this.invalidEntries.length
          ? html`<ul part="invalid-list" class="error" id="emails-invalid">
              ${this.invalidEntries.map((entry) => html`<li>${entry}</li>`)}
            </ul>`
          : nothing}
      </div>
      <button part="submit-button" class="button" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
        ${this.sending ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
        ${count > 0 && count <= MAX_INVITES ? m.sendCount(count) : m.send}
      </button>
    </form>`;
  }

  private renderRole(role: Role, index: number, invalid: boolean) {
    // By position: role ids are free text, and `a:b` / `a_b` or a role named `error` must not
    // produce the same element id (or `role-error`).
    const id = `role-${index}`;
    return html`<label part="role-option" for=${id}>
      <input
        type="radio"
        id=${id}
        name="role"
        value=${role.roleId}
        .checked=${live(this.roleId === role.roleId)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${role.description ? `${id}-description` : nothing}
        @change=${this.handleRoleChange}
      />
      <span class="role-name">${role.name}</span>
      ${role.description ? html`<span part="role-description" id=${`${id}-description`}>${role.description}</span>` : nothing}
    </label>`;
  }

  private renderResults(m: InviteFormMessages) {
    if (!this.results.length) return nothing;
    const label: Record<InviteResult['status'], string> = {
      sent: m.statusSent,
      already_pending: m.statusAlreadyPending,
      invalid: m.statusInvalid,
      failed: m.statusFailed,
    };
    return html`<section aria-labelledby="results-heading">
      <h2 id="results-heading">${m.resultsHeading}</h2>
      <p part="summary" role="status" tabindex="-1">${this.summary}</p>
      <ul part="results">
        ${this.results.map(
          (r) => html`<li part="result" data-status=${r.status}>
            <span class="email">${r.email}</span>
            <span class="outcome">${label[r.status]}</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderPending(m: InviteFormMessages) {
    return html`<section part="pending" aria-labelledby="pending-heading">
      <h2 part="pending-heading" id="pending-heading" tabindex="-1">${m.pendingHeading}</h2>
      ${this.listState === 'loading'
        ? html`<p class="meta"><span part="spinner" class="spinner" aria-hidden="true"></span>${m.loading}</p>`
        : this.listState === 'forbidden'
          ? html`<p class="meta">${m.pendingForbidden}</p>`
          : this.listState === 'failed'
            ? html`<div class="actions">
                <p>${m.pendingLoadFailed}</p>
                <button part="retry-button" class="button secondary small" type="button" @click=${this.handleRetryPending}>${m.retry}</button>
              </div>`
            : this.pending.length === 0
              ? html`<p part="pending-empty" class="meta">${m.pendingEmpty}</p>`
              : html`<ul part="pending-list">
                  ${repeat(
                    this.pending,
                    (invite) => invite.inviteId,
                    (invite) => this.renderPendingItem(m, invite),
                  )}
                </ul>`}
    </section>`;
  }

  private renderPendingItem(m: InviteFormMessages, invite: PendingInvite) {
    const role = invite.roleName ?? this.roles.find((r) => r.roleId === invite.roleId)?.name ?? invite.roleId;
    const confirming = this.confirming === invite.inviteId;
    const revoking = this.revoking === invite.inviteId;
    const error = this.revokeError?.inviteId === invite.inviteId ? this.revokeError.message : '';
    const expiresId = `expires-${cssId(invite.inviteId)}`;
    return html`<li part="pending-item" data-invite-id=${invite.inviteId}>
      <span>
        <span class="email">${invite.email}</span><br />
        <span class="meta">${m.pendingRole(role)} · <span id=${expiresId}>${this.formatExpiry(m, invite.expiresAt)}</span></span>
      </span>
      ${confirming
        ? html`<span part="confirm" role="group" aria-label=${m.revokeConfirm(invite.email)}>
            <span>${m.revokeConfirm(invite.email)}</span>
            <button
              part="confirm-button"
              class="button danger small"
              type="button"
              aria-disabled=${revoking ? 'true' : 'false'}
              @click=${revoking ? nothing : this.handleRevokeConfirm}
            >
              ${revoking ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}${m.revokeYes}
            </button>
            <button part="cancel-button" class="button secondary small" type="button" @click=${this.handleRevokeCancel}>${m.revokeCancel}</button>
          </span>`
        : html`<button
            part="revoke-button"
            class="button secondary small"
            type="button"
            aria-label=${m.revokeLabel(invite.email)}
            @click=${this.handleRevokeClick}
          >
            ${m.revoke}
          </button>`}
      ${error ? html`<span part="field-error" class="error" role="alert">${error}</span>` : nothing}
    </li>`;
  }

  private formatExpiry(m: InviteFormMessages, expiresAt: string): string {
    const date = new Date(expiresAt);
    const ms = date.getTime() - Date.now();
    if (Number.isNaN(ms)) return expiresAt;
    if (ms <= 0) return m.expired;
    const lang = languageOf(this);
    try {
      const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
      const hours = ms / 3_600_000;
      const text = hours < 24 ? relative.format(Math.max(1, Math.round(hours)), 'hour') : relative.format(Math.round(hours / 24), 'day');
      return m.expiresRelative(text);
    } catch {
      return m.expiresRelative(date.toISOString());
    }
  }
}

/** A role or invite id made safe for an element id. */
function cssId(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}
