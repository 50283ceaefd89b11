import { OnboardingEvent, type FailureDetail } from '../../core/events.js';
import type { UserIdentity } from '../../core/login-client.js';

export interface InvitationAcceptDetail {
  inviteId: string;
  accountName: string;
  /** Where the login returns (this page, without the invite id). */
  redirectUrl: string;
}

/** Cancelable: dispatched before sign-in starts for the invite. */
export class InvitationAcceptEvent extends OnboardingEvent<InvitationAcceptDetail> {
  static readonly type = 'invitation-accept';
  constructor(detail: InvitationAcceptDetail) {
    super(InvitationAcceptEvent.type, detail, { cancelable: true });
  }
}

export interface InvitationAcceptedDetail {
  inviteId: string;
  accountName: string;
  user: UserIdentity | null;
}

/** The user came back signed in and the invite is used: they joined. Fired once per acceptance. */
export class InvitationAcceptedEvent extends OnboardingEvent<InvitationAcceptedDetail> {
  static readonly type = 'invitation-accepted';
  constructor(detail: InvitationAcceptedDetail) {
    super(InvitationAcceptedEvent.type, detail);
  }
}

export interface InvitationAcceptFailedDetail extends FailureDetail {
  inviteId: string;
  /** The login SDK's error code (`InviteExpired`, …), when it gave one. */
  sdkCode?: string;
}

/**
 * Accepting failed. Codes: `invite-not-found`, `invite-expired`, `invite-used`,
 * `login-host-unreachable`, `configuration-error`, `login-failed`.
 */
export class InvitationAcceptFailedEvent extends OnboardingEvent<InvitationAcceptFailedDetail> {
  static readonly type = 'invitation-accept-failed';
  constructor(detail: InvitationAcceptFailedDetail) {
    super(InvitationAcceptFailedEvent.type, detail);
  }
}

/** What the "Ask for a new invite" button reports. */
export type UnusableInviteStatus = 'invalid' | 'not-found' | 'expired' | 'used' | 'revoked';

export interface InviteRequestNewDetail {
  /** Null when the link's id was malformed (it is never echoed). */
  inviteId: string | null;
  status: UnusableInviteStatus;
  accountName?: string;
}

/** The user asked for a new invite; the app decides what that does (a mail link, a form, …). */
export class InviteRequestNewEvent extends OnboardingEvent<InviteRequestNewDetail> {
  static readonly type = 'invite-request-new';
  constructor(detail: InviteRequestNewDetail) {
    super(InviteRequestNewEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'invitation-accept': InvitationAcceptEvent;
    'invitation-accepted': InvitationAcceptedEvent;
    'invitation-accept-failed': InvitationAcceptFailedEvent;
    'invite-request-new': InviteRequestNewEvent;
  }
}
