import { errorMessagesEn, type ErrorMessages } from '../../core/error-messages.js';
import { errorMessagesFr } from '../../locales/errors.fr.js';

/** Strings of `<sso-config-form>`. Functions take the values they interpolate. */
export interface SsoConfigFormMessages extends ErrorMessages {
  loading: string;
  loadFailed: string;
  retry: string;
  readOnly: string;
  signInPrompt: string;
  notConfigured: string;
  spHeading: string;
  spIntroOauth2: string;
  spIntroSaml: string;
  redirectUrlLabel: string;
  acsUrlLabel: string;
  spEntityIdLabel: string;
  copy: (label: string) => string;
  copyShort: string;
  copied: string;
  copyFailed: string;
  typeLegend: string;
  typeOauth2: string;
  typeSaml: string;
  authorizationUrlLabel: string;
  tokenUrlLabel: string;
  clientIdLabel: string;
  clientSecretLabel: string;
  clientSecretHint: string;
  secretSet: string;
  replaceSecret: string;
  keepSecret: string;
  scopesLabel: string;
  scopesHint: string;
  issuerLabel: string;
  issuerHint: string;
  ssoUrlLabel: string;
  entityIdLabel: string;
  certificateLabel: string;
  certificateHint: string;
  certificateStoredHint: string;
  currentCertificate: string;
  newCertificate: string;
  checkingCertificate: string;
  certificateSubject: string;
  certificateIssuer: string;
  certificateFingerprint: string;
  certificateValidFrom: string;
  certificateValidUntil: string;
  certificateExpiresSoon: (days: number) => string;
  metadataImported: string;
  metadataNotXml: string;
  metadataNotIdp: string;
  metadataNoCertificate: string;
  domainsLabel: string;
  domainsHint: string;
  domainProblem: (domain: string, problem: string) => string;
  tooManyDomains: (max: number) => string;
  urlLoopbackNotAllowed: string;
  save: string;
  saving: string;
  saved: string;
  lastUpdated: (date: string) => string;
}

export const ssoConfigFormEn: SsoConfigFormMessages = {
  ...errorMessagesEn,
  loading: 'Loading your single sign-on settings…',
  loadFailed: 'We couldn’t load your single sign-on settings.',
  retry: 'Try again',
  readOnly: 'You can’t change single sign-on for this account. Ask an administrator of this account.',
  signInPrompt: 'Sign in to manage single sign-on.',
  notConfigured: 'Single sign-on isn’t set up yet. Give your IT team the values below, then enter your identity provider’s details.',
  spHeading: 'Values for your identity provider',
  spIntroOauth2: 'Your IT team enters this redirect URL in the identity provider’s app settings.',
  spIntroSaml: 'Your IT team enters these values in the identity provider’s SAML app settings.',
  redirectUrlLabel: 'Redirect URL',
  acsUrlLabel: 'ACS URL (reply URL)',
  spEntityIdLabel: 'Entity ID (audience)',
  copy: (label) => `Copy ${label}`,
  copyShort: 'Copy',
  copied: 'Copied',
  copyFailed: 'Couldn’t copy. Select the text and copy it yourself.',
  typeLegend: 'Identity provider type',
  typeOauth2: 'OpenID Connect / OAuth 2.0',
  typeSaml: 'SAML 2.0',
  authorizationUrlLabel: 'Authorization URL',
  tokenUrlLabel: 'Token URL',
  clientIdLabel: 'Client ID',
  clientSecretLabel: 'Client secret',
  clientSecretHint: 'Stored encrypted and never shown again.',
  secretSet: 'Secret: set',
  replaceSecret: 'Replace secret',
  keepSecret: 'Keep the current secret',
  scopesLabel: 'Scopes',
  scopesHint: 'Separated by spaces.',
  issuerLabel: 'Issuer (optional)',
  issuerHint: 'Only when it differs from the authorization URL’s origin.',
  ssoUrlLabel: 'SSO URL',
  entityIdLabel: 'Identity provider entity ID',
  certificateLabel: 'Signing certificate',
  certificateHint: 'Paste the certificate (-----BEGIN CERTIFICATE-----) or your identity provider’s metadata XML, which fills in all SAML fields.',
  certificateStoredHint: 'The stored certificate isn’t sent back to the browser: paste it again (or a new one) to save changes.',
  currentCertificate: 'Current certificate',
  newCertificate: 'Pasted certificate',
  checkingCertificate: 'Checking the certificate…',
  certificateSubject: 'Subject',
  certificateIssuer: 'Issuer',
  certificateFingerprint: 'SHA-256 fingerprint',
  certificateValidFrom: 'Valid from',
  certificateValidUntil: 'Valid until',
  certificateExpiresSoon: (days) =>
    days <= 0 ? 'This certificate expires today. Ask your IT team for the new one.' : `This certificate expires in ${days} day${days === 1 ? '' : 's'}. Ask your IT team for the new one.`,
  metadataImported: 'Filled in the SSO URL, entity ID and certificate from the metadata. Check them, then save.',
  metadataNotXml: 'This looks like XML but can’t be read. Paste the complete metadata file.',
  metadataNotIdp: 'This XML isn’t identity provider SAML metadata (no IDPSSODescriptor).',
  metadataNoCertificate: 'The metadata has no signing certificate. Paste the certificate separately.',
  domainsLabel: 'Email domains',
  domainsHint: 'People with these email addresses sign in through this identity provider. Separate several with commas or spaces.',
  domainProblem: (domain, problem) => `${domain}: ${problem}`,
  tooManyDomains: (max) => `Enter at most ${max} domains.`,
  urlLoopbackNotAllowed: 'Use an https:// URL (local http:// addresses are allowed only in development).',
  save: 'Save SSO settings',
  saving: 'Saving your SSO settings…',
  saved: 'Single sign-on settings saved.',
  lastUpdated: (date) => `Last updated ${date}.`,
};

export const ssoConfigFormFr: SsoConfigFormMessages = {
  ...errorMessagesFr,
  loading: 'Chargement de vos paramètres d’authentification unique…',
  loadFailed: 'Impossible de charger vos paramètres d’authentification unique.',
  retry: 'Réessayer',
  readOnly: 'Vous ne pouvez pas modifier l’authentification unique de ce compte. Demandez à un administrateur du compte.',
  signInPrompt: 'Connectez-vous pour gérer l’authentification unique.',
  notConfigured:
    'L’authentification unique n’est pas encore configurée. Transmettez les valeurs ci-dessous à votre équipe informatique, puis saisissez les informations de votre fournisseur d’identité.',
  spHeading: 'Valeurs pour votre fournisseur d’identité',
  spIntroOauth2: 'Votre équipe informatique saisit cette URL de redirection dans les paramètres de l’application du fournisseur d’identité.',
  spIntroSaml: 'Votre équipe informatique saisit ces valeurs dans les paramètres SAML de l’application du fournisseur d’identité.',
  redirectUrlLabel: 'URL de redirection',
  acsUrlLabel: 'URL ACS (URL de réponse)',
  spEntityIdLabel: 'ID d’entité (audience)',
  copy: (label) => `Copier : ${label}`,
  copyShort: 'Copier',
  copied: 'Copié',
  copyFailed: 'Impossible de copier. Sélectionnez le texte et copiez-le vous-même.',
  typeLegend: 'Type de fournisseur d’identité',
  typeOauth2: 'OpenID Connect / OAuth 2.0',
  typeSaml: 'SAML 2.0',
  authorizationUrlLabel: 'URL d’autorisation',
  tokenUrlLabel: 'URL de jeton',
  clientIdLabel: 'ID client',
  clientSecretLabel: 'Secret client',
  clientSecretHint: 'Stocké chiffré et jamais réaffiché.',
  secretSet: 'Secret : enregistré',
  replaceSecret: 'Remplacer le secret',
  keepSecret: 'Conserver le secret actuel',
  scopesLabel: 'Portées (scopes)',
  scopesHint: 'Séparées par des espaces.',
  issuerLabel: 'Émetteur (facultatif)',
  issuerHint: 'Seulement s’il diffère de l’origine de l’URL d’autorisation.',
  ssoUrlLabel: 'URL SSO',
  entityIdLabel: 'ID d’entité du fournisseur d’identité',
  certificateLabel: 'Certificat de signature',
  certificateHint:
    'Collez le certificat (-----BEGIN CERTIFICATE-----) ou le XML de métadonnées de votre fournisseur d’identité, qui remplit tous les champs SAML.',
  certificateStoredHint:
    'Le certificat enregistré n’est pas renvoyé au navigateur : collez-le à nouveau (ou un nouveau) pour enregistrer des modifications.',
  currentCertificate: 'Certificat actuel',
  newCertificate: 'Certificat collé',
  checkingCertificate: 'Vérification du certificat…',
  certificateSubject: 'Sujet',
  certificateIssuer: 'Émetteur',
  certificateFingerprint: 'Empreinte SHA-256',
  certificateValidFrom: 'Valide à partir du',
  certificateValidUntil: 'Valide jusqu’au',
  certificateExpiresSoon: (days) =>
    days <= 0
      ? 'Ce certificat expire aujourd’hui. Demandez le nouveau à votre équipe informatique.'
      : `Ce certificat expire dans ${days} jour${days === 1 ? '' : 's'}. Demandez le nouveau à votre équipe informatique.`,
  metadataImported: 'URL SSO, ID d’entité et certificat remplis depuis les métadonnées. Vérifiez-les, puis enregistrez.',
  metadataNotXml: 'Cela ressemble à du XML mais est illisible. Collez le fichier de métadonnées complet.',
  metadataNotIdp: 'Ce XML n’est pas un fichier de métadonnées SAML de fournisseur d’identité (pas d’IDPSSODescriptor).',
  metadataNoCertificate: 'Les métadonnées ne contiennent pas de certificat de signature. Collez le certificat séparément.',
  domainsLabel: 'Domaines de messagerie',
  domainsHint:
    'Les personnes ayant ces adresses e-mail se connectent via ce fournisseur d’identité. Séparez-en plusieurs par des virgules ou des espaces.',
  domainProblem: (domain, problem) => `${domain} : ${problem}`,
  tooManyDomains: (max) => `Saisissez au plus ${max} domaines.`,
  urlLoopbackNotAllowed: 'Utilisez une URL https:// (les adresses http:// locales ne sont autorisées qu’en développement).',
  save: 'Enregistrer les paramètres SSO',
  saving: 'Enregistrement de vos paramètres SSO…',
  saved: 'Paramètres d’authentification unique enregistrés.',
  lastUpdated: (date) => `Dernière modification le ${date}.`,
};
