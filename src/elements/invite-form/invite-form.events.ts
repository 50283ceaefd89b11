import { OnboardingEvent, type FailureDetail } from '../../core/events.js';

/** What `invite-send` carries. Email addresses never leave the element except to the backend. */
export interface InviteSendDetail {
  roleId: string;
  /** How many addresses are being invited. */
  count: number;
}

/** Cancelable: dispatched before the invites are sent. `preventDefault()` stops the request. */
export class InviteSendEvent extends OnboardingEvent<InviteSendDetail> {
  static readonly type = 'invite-send';
  constructor(detail: InviteSendDetail) {
    super(InviteSendEvent.type, detail, { cancelable: true });
  }
}

/** Counts per result status of one send (addresses stay in the element). */
export interface InviteSentDetail {
  roleId: string;
  sent: number;
  alreadyPending: number;
  invalid: number;
  failed: number;
}

/** The backend answered with per-address results (some may have failed: see the counts). */
export class InviteSentEvent extends OnboardingEvent<InviteSentDetail> {
  static readonly type = 'invite-sent';
  constructor(detail: InviteSentDetail) {
    super(InviteSentEvent.type, detail);
  }
}

/**
 * Nothing was sent. `code`: `invalid-input` (client-side checks), `too-many`, a problem slug
 * (`role-not-grantable`, `forbidden`, `rate-limited`, …) or a client code (`network-error`, …).
 */
export class InviteSendFailedEvent extends OnboardingEvent<FailureDetail> {
  static readonly type = 'invite-send-failed';
  constructor(detail: FailureDetail) {
    super(InviteSendFailedEvent.type, detail);
  }
}

export interface InviteRevokedDetail {
  inviteId: string;
}

/** A pending invite was revoked. */
export class InviteRevokedEvent extends OnboardingEvent<InviteRevokedDetail> {
  static readonly type = 'invite-revoked';
  constructor(detail: InviteRevokedDetail) {
    super(InviteRevokedEvent.type, detail);
  }
}

/** Revoking failed. `detail` adds the `inviteId`. */
export class InviteRevokeFailedEvent extends OnboardingEvent<FailureDetail & { inviteId: string }> {
  static readonly type = 'invite-revoke-failed';
  constructor(detail: FailureDetail & { inviteId: string }) {
    super(InviteRevokeFailedEvent.type, detail);
  }
}

/** Loading the roles or the pending invites failed. */
export class InviteLoadFailedEvent extends OnboardingEvent<FailureDetail> {
  static readonly type = 'invite-load-failed';
  constructor(detail: FailureDetail) {
    super(InviteLoadFailedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'invite-send': InviteSendEvent;
    'invite-sent': InviteSentEvent;
    'invite-send-failed': InviteSendFailedEvent;
    'invite-revoked': InviteRevokedEvent;
    'invite-revoke-failed': InviteRevokeFailedEvent;
    'invite-load-failed': InviteLoadFailedEvent;
  }
}
