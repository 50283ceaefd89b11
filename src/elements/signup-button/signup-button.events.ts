import { OnboardingEvent, type FailureDetail } from '../../core/events.js';
import type { UserIdentity } from '../../core/login-client.js';

export interface SignupStartDetail {
  /** Where the user comes back after signing in (absolute, already checked). */
  redirectUrl: string;
  connectionId?: string;
  tenantLookupIdentifier?: string;
}

/** Cancelable: dispatched before login starts. `preventDefault()` stops it. */
export class SignupStartEvent extends OnboardingEvent<SignupStartDetail> {
  static readonly type = 'signup-start';
  constructor(detail: SignupStartDetail) {
    super(SignupStartEvent.type, detail, { cancelable: true });
  }
}

export interface SignupSessionFoundDetail {
  redirectUrl: string;
  user: UserIdentity | null;
}

/** Cancelable: the user already has a session; the default action goes to the redirect URL. */
export class SignupSessionFoundEvent extends OnboardingEvent<SignupSessionFoundDetail> {
  static readonly type = 'signup-session-found';
  constructor(detail: SignupSessionFoundDetail) {
    super(SignupSessionFoundEvent.type, detail, { cancelable: true });
  }
}

/**
 * Login could not start. Codes: `configuration-error`, `login-host-unreachable`, `sso-not-found`,
 * `invalid-email`, `login-failed` (with the SDK's code, if any, in `sdkCode`).
 */
export class SignupFailedEvent extends OnboardingEvent<FailureDetail & { sdkCode?: string }> {
  static readonly type = 'signup-failed';
  constructor(detail: FailureDetail & { sdkCode?: string }) {
    super(SignupFailedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'signup-start': SignupStartEvent;
    'signup-session-found': SignupSessionFoundEvent;
    'signup-failed': SignupFailedEvent;
  }
}
