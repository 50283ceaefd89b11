/** Strings of `<signup-button>`. Functions take the values they interpolate. */
export interface SignupButtonMessages {
  /** Button text when no label is slotted. */
  label: string;
  /** Button text in `mode="sso"` when no label is slotted. */
  ssoLabel: string;
  emailLabel: string;
  emailHint: string;
  emailRequired: string;
  emailInvalid: string;
  /** Announced while the browser is sent to the sign-in page. */
  pending: string;
  /** Announced when the user already has a session and goes straight on. */
  alreadySignedIn: string;
  loginUnavailable: string;
  configurationError: string;
  ssoNotFound: (domain: string) => string;
  loginFailed: string;
}

export const signupButtonEn: SignupButtonMessages = {
  label: 'Sign up',
  ssoLabel: 'Continue with SSO',
  emailLabel: 'Work email',
  emailHint: 'We’ll take you to your company’s sign-in page.',
  emailRequired: 'Enter your work email address.',
  emailInvalid: 'Enter an email address like name@company.com.',
  pending: 'Taking you to sign in…',
  alreadySignedIn: 'You’re already signed in. Continuing…',
  loginUnavailable: 'We can’t reach the sign-in service right now. Try again in a moment.',
  configurationError: 'Sign-in isn’t set up correctly on this page. Please contact the site’s support.',
  ssoNotFound: (domain) => `We couldn’t find single sign-on for ${domain}. Check the address, or sign up another way.`,
  loginFailed: 'We couldn’t start sign-in. Try again.',
};

export const signupButtonFr: SignupButtonMessages = {
  label: 'S’inscrire',
  ssoLabel: 'Continuer avec le SSO',
  emailLabel: 'E-mail professionnel',
  emailHint: 'Nous vous dirigerons vers la page de connexion de votre entreprise.',
  emailRequired: 'Saisissez votre adresse e-mail professionnelle.',
  emailInvalid: 'Saisissez une adresse e-mail comme nom@entreprise.fr.',
  pending: 'Redirection vers la connexion…',
  alreadySignedIn: 'Vous êtes déjà connecté. Redirection…',
  loginUnavailable: 'Le service de connexion est injoignable pour le moment. Réessayez dans un instant.',
  configurationError: 'La connexion n’est pas configurée correctement sur cette page. Contactez le support du site.',
  ssoNotFound: (domain) =>
    `Aucune authentification unique n’est configurée pour ${domain}. Vérifiez l’adresse ou inscrivez-vous autrement.`,
  loginFailed: 'Impossible de démarrer la connexion. Réessayez.',
};
