import { errorMessagesEn, type ErrorMessages } from '../../core/error-messages.js';
import { errorMessagesFr } from '../../locales/errors.fr.js';

/** Strings of `<create-account-form>`. Functions take the values they interpolate. */
export interface CreateAccountFormMessages extends ErrorMessages {
  /** Accessible name of the form. */
  formLabel: string;
  accountNameLabel: string;
  accountNameHint: string;
  contactNameLabel: string;
  contactEmailLabel: string;
  contactEmailHint: string;
  /** Appended to the label of optional extra fields. */
  optional: string;
  /** First, empty choice of a select. */
  selectPlaceholder: string;
  submit: string;
  /** Announced while the account is being created. */
  pending: string;
  /** Announced while the element checks the session and existing accounts. */
  loading: string;
  successHeading: (accountName: string) => string;
  successBody: string;
  existingHeading: string;
  existingMembership: (accountName: string, role: string) => string;
  continueTo: (accountName: string) => string;
  createAnother: string;
  /** Display names of roles (`Authress:Owner` → `Owner`); unknown roles show as they are. */
  roleNames: Record<string, string>;
  /** Shown when nobody is signed in. */
  signInToCreate: string;
  configurationError: string;
  signInFailed: string;
  /** Announced with the first client-side problem. */
  errorSummary: (count: number) => string;
  checkboxRequired: string;
  selectRequired: string;
  patternMismatch: string;
  numberInvalid: string;
  numberTooSmall: (min: number) => string;
  numberTooLarge: (max: number) => string;
  tooLong: (max: number) => string;
  tooShort: (min: number) => string;
}

export const createAccountFormEn: CreateAccountFormMessages = {
  ...errorMessagesEn,
  formLabel: 'Create your account',
  accountNameLabel: 'Account name',
  accountNameHint: 'Usually your company or team name. You can change it later.',
  contactNameLabel: 'Your name',
  contactEmailLabel: 'Contact email',
  contactEmailHint: 'Where we send account notices.',
  optional: 'optional',
  selectPlaceholder: 'Choose…',
  submit: 'Create account',
  pending: 'Creating your account…',
  loading: 'Getting things ready…',
  successHeading: (accountName) => `${accountName} is ready`,
  successBody: 'Your account has been created and you’re its owner.',
  existingHeading: 'You already have an account',
  existingMembership: (accountName, role) => `You already belong to ${accountName} (${role}).`,
  continueTo: (accountName) => `Continue to ${accountName}`,
  createAnother: 'Create another account',
  roleNames: { 'Authress:Owner': 'Owner' },
  signInToCreate: 'Sign in to create your account.',
  configurationError: 'This form isn’t set up correctly. Please contact the site’s support.',
  signInFailed: 'We couldn’t start sign-in. Try again.',
  errorSummary: (count) => (count === 1 ? 'One field needs your attention.' : `${count} fields need your attention.`),
  checkboxRequired: 'Check this box to continue.',
  selectRequired: 'Choose an option.',
  patternMismatch: 'This isn’t in the expected format.',
  numberInvalid: 'Enter a number.',
  numberTooSmall: (min) => `Enter ${min} or more.`,
  numberTooLarge: (max) => `Enter ${max} or less.`,
  tooLong: (max) => `Use at most ${max} characters.`,
  tooShort: (min) => `Use at least ${min} characters.`,
};

export const createAccountFormFr: CreateAccountFormMessages = {
  ...errorMessagesFr,
  formLabel: 'Créez votre compte',
  accountNameLabel: 'Nom du compte',
  accountNameHint: 'En général le nom de votre entreprise ou équipe. Vous pourrez le modifier plus tard.',
  contactNameLabel: 'Votre nom',
  contactEmailLabel: 'E-mail de contact',
  contactEmailHint: 'L’adresse où nous envoyons les avis concernant le compte.',
  optional: 'facultatif',
  selectPlaceholder: 'Choisir…',
  submit: 'Créer le compte',
  pending: 'Création de votre compte…',
  loading: 'Préparation…',
  successHeading: (accountName) => `${accountName} est prêt`,
  successBody: 'Votre compte a été créé et vous en êtes le propriétaire.',
  existingHeading: 'Vous avez déjà un compte',
  existingMembership: (accountName, role) => `Vous êtes déjà membre de ${accountName} (${role}).`,
  continueTo: (accountName) => `Continuer vers ${accountName}`,
  createAnother: 'Créer un autre compte',
  roleNames: { 'Authress:Owner': 'Propriétaire' },
  signInToCreate: 'Connectez-vous pour créer votre compte.',
  configurationError: 'Ce formulaire n’est pas configuré correctement. Contactez le support du site.',
  signInFailed: 'Impossible de démarrer la connexion. Réessayez.',
  errorSummary: (count) => (count === 1 ? 'Un champ est à corriger.' : `${count} champs sont à corriger.`),
  checkboxRequired: 'Cochez cette case pour continuer.',
  selectRequired: 'Choisissez une option.',
  patternMismatch: 'Ce format n’est pas celui attendu.',
  numberInvalid: 'Saisissez un nombre.',
  numberTooSmall: (min) => `Saisissez ${min} ou plus.`,
  numberTooLarge: (max) => `Saisissez ${max} ou moins.`,
  tooLong: (max) => `Utilisez au plus ${max} caractères.`,
  tooShort: (min) => `Utilisez au moins ${min} caractères.`,
};
