import { errorMessagesEn, type ErrorMessages } from '../../core/error-messages.js';
import { errorMessagesFr } from '../../locales/errors.fr.js';

/** Counts of one send, for the summary line. */
export interface InviteCounts {
  sent: number;
  alreadyPending: number;
  invalid: number;
  failed: number;
}

/** Strings of `<invite-form>`. Functions take the values they interpolate. */
export interface InviteFormMessages extends ErrorMessages {
  loading: string;
  loadFailed: string;
  retry: string;
  readOnly: string;
  signInPrompt: string;
  noRoles: string;
  roleLegend: string;
  roleRequired: string;
  emailsLabel: string;
  emailsHint: (max: number) => string;
  emailsRequired: string;
  invalidEntries: (count: number) => string;
  invalidEntriesHelp: string;
  tooMany: (max: number, count: number) => string;
  readyCount: (count: number) => string;
  send: string;
  sendCount: (count: number) => string;
  sending: (count: number) => string;
  summary: (counts: InviteCounts) => string;
  allSent: (count: number) => string;
  keptForRetry: string;
  resultsHeading: string;
  statusSent: string;
  statusAlreadyPending: string;
  statusInvalid: string;
  statusFailed: string;
  pendingHeading: string;
  pendingEmpty: string;
  pendingLoadFailed: string;
  pendingForbidden: string;
  pendingRole: (role: string) => string;
  expiresRelative: (relative: string) => string;
  expired: string;
  revoke: string;
  revokeLabel: (email: string) => string;
  revokeConfirm: (email: string) => string;
  revokeYes: string;
  revokeCancel: string;
  revoking: string;
  revoked: (email: string) => string;
  revokeFailed: string;
}

export const inviteFormEn: InviteFormMessages = {
  ...errorMessagesEn,
  loading: 'Loading roles and invitations…',
  loadFailed: 'We couldn’t load the roles you can grant.',
  retry: 'Try again',
  readOnly: 'You can’t invite people to this account. Ask an administrator of this account.',
  signInPrompt: 'Sign in to invite people.',
  noRoles: 'You can’t grant any role in this account, so you can’t invite people. Ask an administrator of this account.',
  roleLegend: 'Role',
  roleRequired: 'Choose a role.',
  emailsLabel: 'Email addresses',
  emailsHint: (max) => `One or many, separated by commas, spaces, semicolons or new lines. Up to ${max} at a time.`,
  emailsRequired: 'Enter at least one email address.',
  invalidEntries: (count) => (count === 1 ? 'This entry isn’t an email address:' : `These ${count} entries aren’t email addresses:`),
  invalidEntriesHelp: 'Correct or remove them, then send.',
  tooMany: (max, count) => `You can invite up to ${max} people at a time; you entered ${count}. Send the rest in another batch.`,
  readyCount: (count) => (count === 1 ? '1 address' : `${count} addresses`),
  send: 'Send invitations',
  sendCount: (count) => (count === 1 ? 'Send 1 invitation' : `Send ${count} invitations`),
  sending: (count) => (count === 1 ? 'Sending 1 invitation…' : `Sending ${count} invitations…`),
  summary: ({ sent, alreadyPending, invalid, failed }) =>
    [
      `${sent} sent`,
      alreadyPending ? `${alreadyPending} already pending` : '',
      invalid ? `${invalid} invalid` : '',
      failed ? `${failed} failed` : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
  allSent: (count) => (count === 1 ? 'Invitation sent.' : `All ${count} invitations sent.`),
  keptForRetry: 'The addresses that weren’t sent are still in the field: correct them or send again.',
  resultsHeading: 'Results',
  statusSent: 'Sent',
  statusAlreadyPending: 'Already invited (pending)',
  statusInvalid: 'Not a valid email address',
  statusFailed: 'Not sent: try again',
  pendingHeading: 'Pending invitations',
  pendingEmpty: 'No pending invitations.',
  pendingLoadFailed: 'We couldn’t load the pending invitations.',
  pendingForbidden: 'You can’t see the pending invitations of this account.',
  pendingRole: (role) => `Role: ${role}`,
  expiresRelative: (relative) => `Expires ${relative}`,
  expired: 'Expired',
  revoke: 'Revoke',
  revokeLabel: (email) => `Revoke the invitation for ${email}`,
  revokeConfirm: (email) => `Revoke the invitation for ${email}?`,
  revokeYes: 'Yes, revoke',
  revokeCancel: 'Cancel',
  revoking: 'Revoking…',
  revoked: (email) => `Invitation for ${email} revoked.`,
  revokeFailed: 'We couldn’t revoke this invitation. Try again.',
};

export const inviteFormFr: InviteFormMessages = {
  ...errorMessagesFr,
  loading: 'Chargement des rôles et des invitations…',
  loadFailed: 'Impossible de charger les rôles que vous pouvez attribuer.',
  retry: 'Réessayer',
  readOnly: 'Vous ne pouvez pas inviter de personnes dans ce compte. Demandez à un administrateur du compte.',
  signInPrompt: 'Connectez-vous pour inviter des personnes.',
  noRoles: 'Vous ne pouvez attribuer aucun rôle dans ce compte, donc vous ne pouvez pas inviter de personnes. Demandez à un administrateur du compte.',
  roleLegend: 'Rôle',
  roleRequired: 'Choisissez un rôle.',
  emailsLabel: 'Adresses e-mail',
  emailsHint: (max) => `Une ou plusieurs, séparées par des virgules, des espaces, des points-virgules ou des retours à la ligne. Jusqu’à ${max} à la fois.`,
  emailsRequired: 'Saisissez au moins une adresse e-mail.',
  invalidEntries: (count) => (count === 1 ? 'Cette saisie n’est pas une adresse e-mail :' : `Ces ${count} saisies ne sont pas des adresses e-mail :`),
  invalidEntriesHelp: 'Corrigez-les ou supprimez-les, puis envoyez.',
  tooMany: (max, count) => `Vous pouvez inviter jusqu’à ${max} personnes à la fois ; vous en avez saisi ${count}. Envoyez le reste dans un autre lot.`,
  readyCount: (count) => (count === 1 ? '1 adresse' : `${count} adresses`),
  send: 'Envoyer les invitations',
  sendCount: (count) => (count === 1 ? 'Envoyer 1 invitation' : `Envoyer ${count} invitations`),
  sending: (count) => (count === 1 ? 'Envoi de 1 invitation…' : `Envoi de ${count} invitations…`),
  summary: ({ sent, alreadyPending, invalid, failed }) =>
    [
      `${sent} envoyée${sent > 1 ? 's' : ''}`,
      alreadyPending ? `${alreadyPending} déjà en attente` : '',
      invalid ? `${invalid} invalide${invalid > 1 ? 's' : ''}` : '',
      failed ? `${failed} en échec` : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
  allSent: (count) => (count === 1 ? 'Invitation envoyée.' : `Les ${count} invitations ont été envoyées.`),
  keptForRetry: 'Les adresses non envoyées sont restées dans le champ : corrigez-les ou renvoyez.',
  resultsHeading: 'Résultats',
  statusSent: 'Envoyée',
  statusAlreadyPending: 'Déjà invitée (en attente)',
  statusInvalid: 'Adresse e-mail non valide',
  statusFailed: 'Non envoyée : réessayez',
  pendingHeading: 'Invitations en attente',
  pendingEmpty: 'Aucune invitation en attente.',
  pendingLoadFailed: 'Impossible de charger les invitations en attente.',
  pendingForbidden: 'Vous ne pouvez pas voir les invitations en attente de ce compte.',
  pendingRole: (role) => `Rôle : ${role}`,
  expiresRelative: (relative) => `Expire ${relative}`,
  expired: 'Expirée',
  revoke: 'Révoquer',
  revokeLabel: (email) => `Révoquer l’invitation de ${email}`,
  revokeConfirm: (email) => `Révoquer l’invitation de ${email} ?`,
  revokeYes: 'Oui, révoquer',
  revokeCancel: 'Annuler',
  revoking: 'Révocation…',
  revoked: (email) => `Invitation de ${email} révoquée.`,
  revokeFailed: 'Impossible de révoquer cette invitation. Réessayez.',
};
