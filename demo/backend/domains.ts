// Email domains that route sign-ins to an account's IdP.

/** Webmail domains anyone can register an address at; routing one to a company IdP would hijack strangers. */
export const PUBLIC_EMAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me',
  'protonmail.com', 'pm.me', 'gmx.com', 'gmx.net', 'gmx.de', 'mail.com', 'yandex.com', 'yandex.ru',
  'zoho.com', 'zohomail.com', 'fastmail.com', 'tutanota.com', 'tuta.io', 'hey.com', 'qq.com', '163.com',
  '126.com', 'web.de', 'mail.ru', 'inbox.com', 'hushmail.com', 'duck.com',
]);

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type DomainCode = 'invalid-domain' | 'public-email-domain';

export function normalizeDomain(raw: string): string {
  return raw.trim().toLowerCase().replace(/\.$/, '');
}

/** A registrable-looking DNS name: two or more labels, alphabetic (or IDNA) top-level label, not an IP. */
export function checkDomain(domain: string): DomainCode | undefined {
  const labels = domain.split('.');
  if (domain.length > 253 || labels.length < 2 || !labels.every((label) => LABEL.test(label))) return 'invalid-domain';
  const tld = labels[labels.length - 1];
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return 'invalid-domain';
  if (PUBLIC_EMAIL_DOMAINS.has(domain)) return 'public-email-domain';
  return undefined;
}
