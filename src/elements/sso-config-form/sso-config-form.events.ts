import { OnboardingEvent, type FailureDetail } from '../../core/events.js';
import type { OAuth2Input, SamlInput, SsoConfiguration } from '../../core/api/types.js';

/**
 * What `sso-config-save` carries: the request body WITHOUT the client secret, plus whether a new
 * secret is being sent (`clientSecretChanged`). Safe to log or audit.
 */
export type SsoConfigSaveDetail =
  | (Omit<OAuth2Input, 'clientSecret'> & { clientSecretChanged: boolean })
  | (SamlInput & { clientSecretChanged: false });

/** Cancelable: dispatched before the configuration is saved. `preventDefault()` stops the request. */
export class SsoConfigSaveEvent extends OnboardingEvent<SsoConfigSaveDetail> {
  static readonly type = 'sso-config-save';
  constructor(detail: SsoConfigSaveDetail) {
    super(SsoConfigSaveEvent.type, detail, { cancelable: true });
  }
}

/** The configuration was saved. `detail` is the backend's `SsoConfiguration` (it never contains the secret). */
export class SsoConfigSavedEvent extends OnboardingEvent<SsoConfiguration> {
  static readonly type = 'sso-config-saved';
  constructor(detail: SsoConfiguration) {
    super(SsoConfigSavedEvent.type, detail);
  }
}

/**
 * Saving failed. `code`: a problem slug (`validation-failed`, `sso-domain-taken`, `forbidden`, …),
 * `invalid-input` (client-side checks failed; nothing was sent), or a client code (`network-error`, …).
 */
export class SsoConfigSaveFailedEvent extends OnboardingEvent<FailureDetail> {
  static readonly type = 'sso-config-save-failed';
  constructor(detail: FailureDetail) {
    super(SsoConfigSaveFailedEvent.type, detail);
  }
}

/** Loading the current configuration failed (`forbidden`, `not-signed-in`, `network-error`, …). */
export class SsoConfigLoadFailedEvent extends OnboardingEvent<FailureDetail> {
  static readonly type = 'sso-config-load-failed';
  constructor(detail: FailureDetail) {
    super(SsoConfigLoadFailedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sso-config-save': SsoConfigSaveEvent;
    'sso-config-saved': SsoConfigSavedEvent;
    'sso-config-save-failed': SsoConfigSaveFailedEvent;
    'sso-config-load-failed': SsoConfigLoadFailedEvent;
  }
}
