/**
 * Browser-side X.509 check for the SAML signing certificate: instant, precise feedback before the
 * backend (the authority) checks the same things. The ASN.1 parser is loaded on first use only.
 */
import { containsPrivateKey, derToPem, pemToDer, type CertificateProblemCode } from './pem.js';

export { containsPrivateKey, derToPem, pemToDer, type CertificateProblemCode } from './pem.js';

/** What the admin sees about a certificate (the shape of the contract's `CertificateInfo`, plus key facts). */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** SHA-256 of the DER, upper-case hex pairs joined by colons. */
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
  keyType: string;
  keyBits: number;
}

export type CertificateCheck =
  | {
      ok: true;
      summary: CertificateSummary;
      /** Normalised PEM (what to send to the backend). */
      pem: string;
      /** Whole days left when the certificate ends within `warnDays`, else undefined. */
      expiresInDays?: number;
    }
  | { ok: false; code: CertificateProblemCode; summary?: CertificateSummary };

export interface CertificateCheckOptions {
  /** The current time (a seam so tests can pin dates). Default: `new Date()`. */
  now?: Date;
  /** Warn when the certificate ends within this many days. Default 30. */
  warnDays?: number;
}

const WEAK_SIGNATURES = new Set([
  '1.2.840.113549.1.1.2', // md2WithRSAEncryption
  '1.2.840.113549.1.1.4', // md5WithRSAEncryption
  '1.2.840.113549.1.1.5', // sha1WithRSAEncryption
  '1.3.14.3.2.29', // sha1WithRSA (OIW)
  '1.2.840.10045.4.1', // ecdsa-with-SHA1
  '1.2.840.10040.4.3', // dsa-with-sha1
]);
const MIN_KEY_BITS: Record<string, number> = { rsa: 2048, ec: 256 };
const DAY = 86_400_000;

/** How the parser chunk is loaded; an object so tests can make the load fail (a seam, not public API). */
export const parserLoader = {
  load: (): Promise<typeof import('./parse.js')> => import('./parse.js'),
};

/** Loads the parser chunk (cached by the module system after the first call). */
export function loadParser(): Promise<typeof import('./parse.js')> {
  return parserLoader.load();
}

/**
 * The check could not run (the parser chunk did not load — offline, a deploy replaced it, a CSP
 * refused it — or WebCrypto is missing). That is no verdict on the certificate: the backend checks it.
 */
export class CertificateCheckUnavailableError extends Error {
  override name = 'CertificateCheckUnavailableError';
}

/**
 * Checks a pasted certificate (PEM or bare base64). Problems, in the order an admin should fix
 * them: private key, unparsable, expired, not yet valid, weak signature, weak key.
 * Rejects with CertificateCheckUnavailableError when the check itself cannot run.
 */
export async function checkCertificate(text: string, options: CertificateCheckOptions = {}): Promise<CertificateCheck> {
  if (containsPrivateKey(text)) return { ok: false, code: 'certificate-private-key' };
  const der = pemToDer(text);
  if (!der) return { ok: false, code: 'certificate-invalid' };
  let parser: typeof import('./parse.js');
  try {
    parser = await loadParser();
  } catch (cause) {
    throw new CertificateCheckUnavailableError('the certificate parser could not be loaded', { cause });
  }
  let parsed: import('./parse.js').ParsedCertificate;
  try {
    parsed = parser.parseCertificate(der);
  } catch {
    return { ok: false, code: 'certificate-invalid' };
  }
  let fingerprintSha256: string;
  try {
    fingerprintSha256 = await fingerprint(der);
  } catch (cause) {
    throw new CertificateCheckUnavailableError('WebCrypto could not compute the fingerprint', { cause });
  }
  const summary: CertificateSummary = {
    subject: parsed.subject,
    issuer: parsed.issuer,
    fingerprintSha256,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    keyType: parsed.keyType,
    keyBits: parsed.keyBits,
  };
  const now = (options.now ?? new Date()).getTime();
  if (parsed.notAfter.getTime() < now) return { ok: false, code: 'certificate-expired', summary };
  if (parsed.notBefore.getTime() > now) return { ok: false, code: 'certificate-not-yet-valid', summary };
  if (WEAK_SIGNATURES.has(parsed.signatureAlgorithm)) return { ok: false, code: 'certificate-weak-signature', summary };
  const minimum = MIN_KEY_BITS[parsed.keyType];
  if (minimum && parsed.keyBits < minimum) return { ok: false, code: 'certificate-weak-key', summary };
  const daysLeft = Math.floor((parsed.notAfter.getTime() - now) / DAY);
  const warnDays = options.warnDays ?? 30;
  return { ok: true, summary, pem: derToPem(der), ...(daysLeft <= warnDays ? { expiresInDays: daysLeft } : {}) };
}

/** SHA-256 of the DER as `AB:CD:…`. */
export async function fingerprint(der: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
