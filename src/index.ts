/**
 * Element classes, event classes, configuration and types. Importing this module registers
 * nothing: import `authress-onboarding-elements/define.js` (all elements) or
 * `authress-onboarding-elements/<tag>/define.js` (one), or call `SomeElement.define('my-tag')`.
 */
export { configure, type OnboardingConfig } from './core/config.js';
export { registerLocale } from './core/i18n.js';
export { defineElement } from './core/define-element.js';
export { ConfigurationError, type LoginClientLike, type AuthenticateOptions, type UserIdentity } from './core/login-client.js';
export { resolveSafeRedirect } from './core/redirect.js';
export { OnboardingEvent, type FailureDetail } from './core/events.js';
export { ApiError } from './core/api/problem.js';
export { createApiClient, newIdempotencyKey, type OnboardingApi, type ApiClientOptions } from './core/api/client.js';
export type * from './core/api/types.js';
export type { ErrorMessages } from './core/error-messages.js';

export { SignupButtonElement } from './elements/signup-button/signup-button.js';
export * from './elements/signup-button/signup-button.events.js';
export type { SignupButtonMessages } from './elements/signup-button/signup-button.i18n.js';

export { CreateAccountFormElement } from './elements/create-account-form/create-account-form.js';
export * from './elements/create-account-form/create-account-form.events.js';
export type { CreateAccountFormMessages } from './elements/create-account-form/create-account-form.i18n.js';
export type { ExtraField, ExtraFieldOption, ExtraFieldType } from './elements/create-account-form/extra-fields.js';

export { InviteAcceptElement, type InviteScreen } from './elements/invite-accept/invite-accept.js';
export * from './elements/invite-accept/invite-accept.events.js';
export type { InviteAcceptMessages } from './elements/invite-accept/invite-accept.i18n.js';

export { SsoConfigFormElement } from './elements/sso-config-form/sso-config-form.js';
export * from './elements/sso-config-form/sso-config-form.events.js';
export type { SsoConfigFormMessages } from './elements/sso-config-form/sso-config-form.i18n.js';

export { InviteFormElement } from './elements/invite-form/invite-form.js';
export * from './elements/invite-form/invite-form.events.js';
export type { InviteFormMessages, InviteCounts } from './elements/invite-form/invite-form.i18n.js';
