/**
 * Client-side checks of the SSO form: fast, precise feedback with the same field codes the backend
 * uses (docs/contract.md). The backend checks everything again and is the authority.
 */
import { isDomain } from '../../core/validation.js';

/** The contract's DomainList maxItems. */
export const MAX_DOMAINS = 10;

/**
 * Webmail domains that can never route to a company IdP. A small list for instant feedback; the
 * backend's list is authoritative.
 */
export const PUBLIC_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
  'yandex.com',
  'zoho.com',
]);

export interface DomainProblem {
  domain: string;
  code: 'invalid-domain' | 'public-email-domain';
}

/** Splits on commas, semicolons and white space; lower-cases, drops a leading `@`, dedupes. */
export function parseDomains(text: string): { domains: string[]; problems: DomainProblem[] } {
  const domains = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, ''))
        .filter(Boolean),
    ),
  ];
  const problems: DomainProblem[] = [];
  for (const domain of domains) {
    if (!isDomain(domain)) problems.push({ domain, code: 'invalid-domain' });
    else if (PUBLIC_EMAIL_DOMAINS.has(domain)) problems.push({ domain, code: 'public-email-domain' });
  }
  return { domains, problems };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A field code for an IdP URL, or null when fine. `url-loopback-not-allowed` is client-only: an
 * `http://localhost` URL without the `allow-insecure-loopback` development switch.
 */
export function checkUrl(
  value: string,
  allowInsecureLoopback: boolean,
): null | 'required' | 'invalid-url' | 'url-not-https' | 'url-has-credentials' | 'url-loopback-not-allowed' {
  const text = value.trim();
  if (!text) return 'required';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid-url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid-url';
  if (url.username || url.password) return 'url-has-credentials';
  if (url.protocol === 'https:') return null;
  if (LOOPBACK_HOSTS.has(url.hostname)) return allowInsecureLoopback ? null : 'url-loopback-not-allowed';
  return 'url-not-https';
}
