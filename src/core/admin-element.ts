import { ApiElement } from './api-element.js';
import { ApiError } from './api/problem.js';
import { messageForError, type ErrorMessages } from './error-messages.js';
import type { FailureDetail } from './events.js';
import type { LoadPhase } from './templates.js';

/**
 * Base of the account-admin elements (`<sso-config-form>`, `<invite-form>`): they load an
 * account's data, and report every failed call as a failure event with a shown message. A separate
 * class so the user-facing elements don't ship what only the admin ones use.
 */
export abstract class AdminElement<Messages extends ErrorMessages> extends ApiElement<Messages> {
  /**
   * The detail of a failure event for a failed call. Anything but an ApiError is a bug or a missing
   * setting: logged for developers, shown to users as the generic message.
   */
  protected describeFailure(error: unknown): FailureDetail {
    if (error instanceof ApiError) return { code: error.code, message: this.messageForApiError(error), ...(error.status ? { status: error.status } : {}) };
    console.error(`<${this.localName}>:`, error);
    return { code: 'configuration-error', message: this.messages.genericError };
  }

  /** The message shown for a failed call; override to word an element's own problem codes. */
  protected messageForApiError(error: ApiError): string {
    return messageForError(error, this.messages);
  }
}

/** Whether a failure means nobody is signed in, or the session has ended: signing in is the remedy. */
export function isSignedOut(failure: { code: string; status?: number }): boolean {
  return failure.code === 'not-signed-in' || failure.status === 401;
}

/** The notice an admin element shows when loading its data failed. */
export function loadPhaseFor(failure: FailureDetail): Exclude<LoadPhase, 'loading'> {
  return isSignedOut(failure) ? 'signed-out' : failure.status === 403 ? 'forbidden' : 'load-failed';
}
