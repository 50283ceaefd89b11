import { errorMessagesEn, type ErrorMessages } from '../../core/error-messages.js';
import { errorMessagesFr } from '../../locales/errors.fr.js';

/** Strings of `<invite-accept>`. Functions take the values they interpolate. */
export interface InviteAcceptMessages extends ErrorMessages {
  loading: string;
  pendingHeading: (accountName: string) => string;
  pendingBody: string;
  /** `expires` is already formatted in the element's language. */
  expiresAt: (expires: string) => string;
  accept: string;
  /** Announced while the browser is sent to sign in. */
  accepting: string;
  signedInAs: (who: string) => string;
  invalidHeading: string;
  invalidBody: string;
  notFoundHeading: string;
  notFoundBody: string;
  expiredHeading: string;
  expiredBody: (accountName: string) => string;
  usedHeading: string;
  usedBody: (accountName: string) => string;
  revokedHeading: string;
  revokedBody: (accountName: string) => string;
  requestNew: string;
  signIn: string;
  acceptedHeading: (accountName: string) => string;
  acceptedBody: string;
  errorHeading: string;
  retry: string;
  acceptFailed: string;
  loginUnavailable: string;
  configurationError: string;
}

export const inviteAcceptEn: InviteAcceptMessages = {
  ...errorMessagesEn,
  loading: 'Loading your invitation…',
  pendingHeading: (accountName) => `Join ${accountName}`,
  pendingBody: 'You’ve been invited to join this account. Accept to sign in and get access.',
  expiresAt: (expires) => `This invitation expires on ${expires}.`,
  accept: 'Accept and sign in',
  accepting: 'Taking you to sign in…',
  signedInAs: (who) => `You’re signed in as ${who}. Accepting will sign you in again with the account this invite is for.`,
  invalidHeading: 'This invitation link isn’t valid',
  invalidBody: 'The link may be incomplete. Open it again from your email, or ask for a new invitation.',
  notFoundHeading: 'We couldn’t find this invitation',
  notFoundBody: 'It may have been replaced by a newer one. Ask the person who invited you to send a new invitation.',
  expiredHeading: 'This invitation has expired',
  expiredBody: (accountName) => `Invitations are valid for a limited time. Ask someone at ${accountName} to send you a new one.`,
  usedHeading: 'This invitation has already been used',
  usedBody: (accountName) => `If you accepted it, sign in to go to ${accountName}. Otherwise, ask for a new invitation.`,
  revokedHeading: 'This invitation was withdrawn',
  revokedBody: (accountName) => `Someone at ${accountName} cancelled it. Ask them for a new invitation if you still need access.`,
  requestNew: 'Ask for a new invite',
  signIn: 'Sign in',
  acceptedHeading: (accountName) => `You’ve joined ${accountName}`,
  acceptedBody: 'Your invitation has been accepted.',
  errorHeading: 'We couldn’t load your invitation',
  retry: 'Try again',
  acceptFailed: 'We couldn’t start sign-in. Try again.',
  loginUnavailable: 'We can’t reach the sign-in service right now. Try again in a moment.',
  configurationError: 'This page isn’t set up correctly. Please contact the site’s support.',
};

export const inviteAcceptFr: InviteAcceptMessages = {
  ...errorMessagesFr,
  loading: 'Chargement de votre invitation…',
  pendingHeading: (accountName) => `Rejoindre ${accountName}`,
  pendingBody: 'Vous avez été invité à rejoindre ce compte. Acceptez pour vous connecter et y accéder.',
  expiresAt: (expires) => `Cette invitation expire le ${expires}.`,
  accept: 'Accepter et se connecter',
  accepting: 'Redirection vers la connexion…',
  signedInAs: (who) =>
    `Vous êtes connecté en tant que ${who}. En acceptant, vous vous reconnecterez avec le compte auquel cette invitation est destinée.`,
  invalidHeading: 'Ce lien d’invitation n’est pas valide',
  invalidBody: 'Le lien est peut-être incomplet. Rouvrez-le depuis votre e-mail ou demandez une nouvelle invitation.',
  notFoundHeading: 'Invitation introuvable',
  notFoundBody: 'Elle a peut-être été remplacée par une plus récente. Demandez à la personne qui vous a invité de vous en envoyer une nouvelle.',
  expiredHeading: 'Cette invitation a expiré',
  expiredBody: (accountName) => `Les invitations sont valables pour une durée limitée. Demandez à quelqu’un de ${accountName} de vous en envoyer une nouvelle.`,
  usedHeading: 'Cette invitation a déjà été utilisée',
  usedBody: (accountName) => `Si vous l’avez acceptée, connectez-vous pour accéder à ${accountName}. Sinon, demandez une nouvelle invitation.`,
  revokedHeading: 'Cette invitation a été retirée',
  revokedBody: (accountName) => `Quelqu’un de ${accountName} l’a annulée. Demandez-lui une nouvelle invitation si vous avez toujours besoin d’accès.`,
  requestNew: 'Demander une nouvelle invitation',
  signIn: 'Se connecter',
  acceptedHeading: (accountName) => `Vous avez rejoint ${accountName}`,
  acceptedBody: 'Votre invitation a été acceptée.',
  errorHeading: 'Impossible de charger votre invitation',
  retry: 'Réessayer',
  acceptFailed: 'Impossible de démarrer la connexion. Réessayez.',
  loginUnavailable: 'Le service de connexion est injoignable pour le moment. Réessayez dans un instant.',
  configurationError: 'Cette page n’est pas configurée correctement. Contactez le support du site.',
};
