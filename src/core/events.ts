/**
 * Base of every event the elements dispatch: bubbles and crosses shadow roots (apps often listen on
 * a shell element or `document`), carries a typed `detail`. Intent events pass `cancelable: true`.
 */
export class OnboardingEvent<Detail> extends CustomEvent<Detail> {
  constructor(type: string, detail: Detail, options: { cancelable?: boolean } = {}) {
    super(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  }
}

/** What failure events carry: a stable code to switch on and a message fit to show. */
export interface FailureDetail {
  /** Stable code, e.g. a problem-type slug (`rate-limited`) or `network-error`. */
  code: string;
  /** Localized, human-readable message (already shown in the element). */
  message: string;
  /** HTTP status when the failure came from the backend. */
  status?: number;
}
