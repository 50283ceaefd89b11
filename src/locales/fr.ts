import { registerLocale } from '../core/i18n.js';
import { signupButtonFr } from '../elements/signup-button/signup-button.i18n.js';

/**
 * French strings for every element. Register once per page:
 * `import { registerFrench } from 'authress-onboarding-elements/locales/fr.js'; registerFrench();`
 * then any element inside `lang="fr"` (or a `fr-*` tag) speaks French.
 */
export const fr = {
  signupButton: signupButtonFr,
};

export function registerFrench(): void {
  registerLocale('fr', fr);
}
