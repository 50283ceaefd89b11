/**
 * The light, synchronous part of the certificate check: recognise PEM armour, refuse private keys,
 * decode base64. No ASN.1 library here, so this costs nothing in the initial bundle.
 */

/** Field codes (docs/contract.md) the browser check can produce. */
export type CertificateProblemCode =
  | 'certificate-invalid'
  | 'certificate-private-key'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'certificate-weak-key'
  | 'certificate-weak-signature';

const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY-----/;
const CERTIFICATE = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** True when the text holds a private key (anywhere, even next to a certificate). */
export function containsPrivateKey(text: string): boolean {
  return PRIVATE_KEY.test(text);
}

/**
 * The DER bytes of the first certificate in `text`: PEM (`BEGIN CERTIFICATE`), or the bare base64
 * body SAML metadata carries. Null when there is none or the base64 is broken.
 */
export function pemToDer(text: string): Uint8Array | null {
  const armoured = CERTIFICATE.exec(text);
  if (!armoured && /-----BEGIN /.test(text)) return null; // some other PEM object (CSR, public key…)
  const body = (armoured ? armoured[1] : text).replace(/\s+/g, '');
  if (!body || body.length % 4 !== 0 || !BASE64.test(body)) return null;
  try {
    const binary = atob(body);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    // Every X.509 certificate is a DER SEQUENCE with a long-form length.
    return bytes[0] === 0x30 && bytes.length > 64 ? bytes : null;
  } catch {
    return null;
  }
}

/** PEM text for DER bytes, 64 characters a line (what the backend expects). */
export function derToPem(der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----`;
}
