import { html, nothing } from 'lit';

/*
 * Small templates several elements render the same way. They take strings and handlers as
 * arguments, so each element keeps its own i18n keys; part names and ids are public API
 * (docs/elements/*.md) and must not change here. Event handlers run with the element as `this`
 * (Lit's host option reaches nested templates).
 */

/**
 * The two live regions at the end of every element: a polite status for progress and an alert for
 * errors. They are always in the DOM so screen readers announce what changes in them.
 * `errorAction` (e.g. a Sign in button) is shown only together with an error.
 */
export function liveRegions(status: string, error: string, errorAction: unknown = nothing) {
  return html`<div part="status" role="status" class="visually-hidden">${status}</div>
    <div part="error" role="alert">${error ? html`<p class="alert">${error}</p>${errorAction}` : nothing}</div>`;
}

/** The loading indicator of the user-facing elements; hidden from screen readers, the status region says it. */
export function loadingIndicator(text: string) {
  return html`<div part="loading" aria-hidden="true"><span part="spinner" class="spinner"></span>${text}</div>`;
}

/** What an admin element shows instead of its content: loading, or why it could not load. */
export type LoadPhase = 'loading' | 'load-failed' | 'forbidden' | 'signed-out';

/** The strings `loadNotice` needs; the admin elements' catalogs have them under these keys. */
export interface LoadNoticeMessages {
  loading: string;
  loadFailed: string;
  retry: string;
  readOnly: string;
  signInPrompt: string;
  signInAgain: string;
}

/** The notice of an admin element that is not ready: its status region stays empty while loading, so this text is read. */
export function loadNotice(phase: LoadPhase, m: LoadNoticeMessages, on: { retry: () => void; signIn: () => void }) {
  switch (phase) {
    case 'loading':
      return html`<p part="loading"><span part="spinner" class="spinner" aria-hidden="true"></span>${m.loading}</p>`;
    case 'load-failed':
      return html`<div part="load-error" class="alert">
        <p>${m.loadFailed}</p>
        <button part="retry-button" class="button secondary small" type="button" @click=${on.retry}>${m.retry}</button>
      </div>`;
    case 'forbidden':
      return html`<p part="forbidden" class="alert">${m.readOnly}</p>`;
    case 'signed-out':
      return html`<div part="sign-in">
        <p>${m.signInPrompt}</p>
        ${signInButton(m.signInAgain, on.signIn)}
      </div>`;
  }
}

/** The admin elements' "Sign in" button, in the signed-out notice and next to a signed-out error. */
export function signInButton(label: string, onClick: () => void) {
  return html`<button part="sign-in-button" class="button" type="button" @click=${onClick}>${label}</button>`;
}
