import type { ApiError } from './api/problem.js';

/**
 * Messages for failures every element can meet. Each element's message catalog extends this, so
 * a translation or an `i18n` override of an element can change these too.
 */
export interface ErrorMessages {
  networkError: string;
  timeout: string;
  notSignedIn: string;
  sessionExpired: string;
  forbidden: string;
  notFound: string;
  rateLimited: (seconds?: number) => string;
  unavailable: string;
  conflict: string;
  /** `idempotency-key-in-flight` still, after the automatic retries. */
  stillProcessing: string;
  payloadTooLarge: string;
  validationFailed: string;
  genericError: string;
  signInAgain: string;
  /** Messages for `errors[].code` values (docs/contract.md), keyed by code. */
  fieldCodes: Record<string, string>;
}

export const errorMessagesEn: ErrorMessages = {
  networkError: 'We couldn’t reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Try again.',
  notSignedIn: 'You need to sign in to continue.',
  sessionExpired: 'Your session has ended. Sign in again to continue.',
  forbidden: 'You don’t have permission to do this. Ask an administrator of this account.',
  notFound: 'We couldn’t find this. It may have been removed, or you may not have access.',
  rateLimited: (seconds) =>
    seconds ? `Too many attempts. Try again in ${seconds} seconds.` : 'Too many attempts. Try again in a moment.',
  unavailable: 'The service is temporarily unavailable. Try again in a moment.',
  conflict: 'This was changed at the same time somewhere else. Try again.',
  stillProcessing: 'Your request is still being processed — try again in a moment.',
  payloadTooLarge: 'That’s more data than we can accept at once.',
  validationFailed: 'Some fields need your attention.',
  genericError: 'Something went wrong. Try again.',
  signInAgain: 'Sign in',
  fieldCodes: {
    required: 'This field is required.',
    'too-long': 'This is too long.',
    'too-short': 'This is too short.',
    'invalid-value': 'This value isn’t allowed.',
    'unknown-field': 'This field isn’t accepted.',
    'invalid-email': 'Enter an email address like name@company.com.',
    'invalid-url': 'Enter a full URL, starting with https://.',
    'url-not-https': 'Use an https:// URL.',
    'url-has-credentials': 'Remove the user name or password from the URL.',
    'url-not-public': 'This address points to a private or local network, which isn’t allowed.',
    'url-unresolvable': 'This host name doesn’t resolve to a public address.',
    'invalid-domain': 'Enter a domain like company.com.',
    'public-email-domain': 'Public email domains like gmail.com can’t be used for company sign-in.',
    'domain-taken': 'Another account already uses this domain.',
    'client-secret-required': 'Enter the client secret.',
    'certificate-invalid': 'This isn’t a valid X.509 certificate in PEM format.',
    'certificate-private-key': 'This is a private key. Paste the certificate (BEGIN CERTIFICATE) instead, and keep the key secret.',
    'certificate-expired': 'This certificate has expired.',
    'certificate-not-yet-valid': 'This certificate isn’t valid yet.',
    'certificate-weak-key': 'This certificate’s key is too weak (needs RSA 2048+ or EC 256+).',
    'certificate-weak-signature': 'This certificate is signed with a weak algorithm (SHA-1 or MD5).',
    'role-not-grantable': 'You can’t grant this role.',
  },
};

/** The message to show for a failed call. Server text is never used: only the stable code. */
export function messageForError(error: ApiError, messages: ErrorMessages): string {
  switch (error.code) {
    case 'network-error':
      return messages.networkError;
    case 'timeout':
      return messages.timeout;
    case 'not-signed-in':
      return messages.notSignedIn;
    case 'unauthenticated':
      return messages.sessionExpired;
    case 'forbidden':
    case 'role-not-grantable':
      return messages.forbidden;
    case 'not-found':
      return messages.notFound;
    case 'rate-limited':
      return messages.rateLimited(error.retryAfter);
    case 'service-unavailable':
      return messages.unavailable;
    case 'idempotency-key-in-flight': // the automatic retries did not outlast the first request
      return messages.stillProcessing;
    case 'idempotency-key-reused':
      return messages.conflict;
    case 'payload-too-large':
      return messages.payloadTooLarge;
    case 'validation-failed':
      return messages.validationFailed;
    case 'internal-error': // a 500 is a bug, not an outage: "try again later" would mislead
    case 'method-not-allowed': // a client bug
      return messages.genericError;
    default:
      if (error.status === 401) return messages.sessionExpired;
      if (error.status === 403) return messages.forbidden;
      if (error.status === 404) return messages.notFound;
      if (error.status === 429) return messages.rateLimited(error.retryAfter);
      if (error.status >= 500) return messages.unavailable;
      return messages.genericError;
  }
}

/** The message for one field problem code, falling back to a generic one. */
export function messageForFieldCode(code: string, messages: ErrorMessages): string {
  return messages.fieldCodes[code] ?? messages.fieldCodes['invalid-value'] ?? messages.genericError;
}
