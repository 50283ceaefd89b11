import { registerLocale } from '../core/i18n.js';
import { signupButtonFr } from '../elements/signup-button/signup-button.i18n.js';
import { createAccountFormFr } from '../elements/create-account-form/create-account-form.i18n.js';
import { inviteAcceptFr } from '../elements/invite-accept/invite-accept.i18n.js';
import { ssoConfigFormFr } from '../elements/sso-config-form/sso-config-form.i18n.js';
import { inviteFormFr } from '../elements/invite-form/invite-form.i18n.js';

/**
 * French strings for every element. Register once per page:
 * `import { registerFrench } from 'authress-onboarding-elements/locales/fr.js'; registerFrench();`
 * then any element inside `lang="fr"` (or a `fr-*` tag) speaks French.
 */
export const fr = {
  signupButton: signupButtonFr,
  createAccountForm: createAccountFormFr,
  inviteAccept: inviteAcceptFr,
  ssoConfigForm: ssoConfigFormFr,
  inviteForm: inviteFormFr,
};

export function registerFrench(): void {
  registerLocale('fr', fr);
}
