import { OnboardingEvent, type FailureDetail } from '../../core/events.js';
import type { Account, AccountSummary, NewAccount } from '../../core/api/types.js';

/** Cancelable: dispatched before `POST /accounts`. `detail` is the request body. */
export class AccountCreateEvent extends OnboardingEvent<NewAccount> {
  static readonly type = 'account-create';
  constructor(detail: NewAccount) {
    super(AccountCreateEvent.type, detail, { cancelable: true });
  }
}

export interface AccountCreatedDetail {
  account: Account;
  /** The creator's role in the new account, e.g. `Authress:Owner`. */
  role: string;
}

/** The account exists. Dispatched before navigating to `success-url`. */
export class AccountCreatedEvent extends OnboardingEvent<AccountCreatedDetail> {
  static readonly type = 'account-created';
  constructor(detail: AccountCreatedDetail) {
    super(AccountCreatedEvent.type, detail);
  }
}

/** A field problem, localized. `pointer` is the JSON pointer into the body (`/contactEmail`, `/fields/vatId`). */
export interface FieldError {
  pointer: string;
  code: string;
  message: string;
}

export interface AccountCreateFailedDetail extends FailureDetail {
  fieldErrors: FieldError[];
}

/** The request failed (the form keeps what the user typed). */
export class AccountCreateFailedEvent extends OnboardingEvent<AccountCreateFailedDetail> {
  static readonly type = 'account-create-failed';
  constructor(detail: AccountCreateFailedDetail) {
    super(AccountCreateFailedEvent.type, detail);
  }
}

export interface AccountsFoundDetail {
  accounts: AccountSummary[];
}

/** Cancelable: the signed-in user already belongs to accounts. Cancel to skip the offer and show the form. */
export class AccountsFoundEvent extends OnboardingEvent<AccountsFoundDetail> {
  static readonly type = 'accounts-found';
  constructor(detail: AccountsFoundDetail) {
    super(AccountsFoundEvent.type, detail, { cancelable: true });
  }
}

export interface AccountSelectedDetail {
  account: AccountSummary;
  /** Where the default action navigates (`continue-url` with `{accountId}` filled in), if set and allowed. */
  url?: string;
}

/** Cancelable: the user chose "Continue to …" for an existing account. Cancel to navigate yourself. */
export class AccountSelectedEvent extends OnboardingEvent<AccountSelectedDetail> {
  static readonly type = 'account-selected';
  constructor(detail: AccountSelectedDetail) {
    super(AccountSelectedEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'account-create': AccountCreateEvent;
    'account-created': AccountCreatedEvent;
    'account-create-failed': AccountCreateFailedEvent;
    'accounts-found': AccountsFoundEvent;
    'account-selected': AccountSelectedEvent;
  }
}
