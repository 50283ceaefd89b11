import type { ErrorMessages } from '../core/error-messages.js';

/** French for the failures every element can meet (see core/error-messages.ts). */
export const errorMessagesFr: ErrorMessages = {
  networkError: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  timeout: 'Le serveur a mis trop de temps à répondre. Réessayez.',
  notSignedIn: 'Vous devez vous connecter pour continuer.',
  sessionExpired: 'Votre session a expiré. Reconnectez-vous pour continuer.',
  forbidden: 'Vous n’avez pas l’autorisation de faire cela. Demandez à un administrateur de ce compte.',
  notFound: 'Introuvable. Cet élément a peut-être été supprimé, ou vous n’y avez pas accès.',
  rateLimited: (seconds) =>
    seconds ? `Trop de tentatives. Réessayez dans ${seconds} secondes.` : 'Trop de tentatives. Réessayez dans un instant.',
  unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
  conflict: 'Cet élément a été modifié en même temps ailleurs. Réessayez.',
  payloadTooLarge: 'Trop de données envoyées en une fois.',
  validationFailed: 'Certains champs sont à corriger.',
  genericError: 'Une erreur est survenue. Réessayez.',
  signInAgain: 'Se connecter',
  fieldCodes: {
    required: 'Ce champ est obligatoire.',
    'too-long': 'Ce texte est trop long.',
    'too-short': 'Ce texte est trop court.',
    'invalid-value': 'Cette valeur n’est pas autorisée.',
    'unknown-field': 'Ce champ n’est pas accepté.',
    'invalid-email': 'Saisissez une adresse e-mail comme nom@entreprise.fr.',
    'invalid-url': 'Saisissez une URL complète commençant par https://.',
    'url-not-https': 'Utilisez une URL en https://.',
    'url-has-credentials': 'Retirez le nom d’utilisateur ou le mot de passe de l’URL.',
    'url-not-public': 'Cette adresse pointe vers un réseau privé ou local, ce qui n’est pas autorisé.',
    'invalid-domain': 'Saisissez un domaine comme entreprise.fr.',
    'public-email-domain': 'Les domaines de messagerie publics comme gmail.com ne peuvent pas servir à la connexion d’entreprise.',
    'domain-taken': 'Un autre compte utilise déjà ce domaine.',
    'client-secret-required': 'Saisissez le secret client.',
    'certificate-invalid': 'Ce n’est pas un certificat X.509 valide au format PEM.',
    'certificate-private-key':
      'Ceci est une clé privée. Collez le certificat (BEGIN CERTIFICATE) à la place, et gardez la clé secrète.',
    'certificate-expired': 'Ce certificat a expiré.',
    'certificate-not-yet-valid': 'Ce certificat n’est pas encore valide.',
    'certificate-weak-key': 'La clé de ce certificat est trop faible (RSA 2048+ ou EC 256+ requis).',
    'certificate-weak-signature': 'Ce certificat est signé avec un algorithme faible (SHA-1 ou MD5).',
    'role-not-grantable': 'Vous ne pouvez pas attribuer ce rôle.',
  },
};
