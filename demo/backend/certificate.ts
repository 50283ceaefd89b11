// Checks the SAML IdP signing certificate before it is sent to Authress (OWASP SAML cheat sheet:
// RSA ≥ 2048 / EC ≥ 256, SHA-256 or better, inside its validity period).
import 'reflect-metadata';
import { X509Certificate as NodeX509 } from 'node:crypto';
import { X509Certificate as PeculiarX509 } from '@peculiar/x509';

export type CertificateCode = 'certificate-invalid' | 'certificate-private-key' | 'certificate-expired'
  | 'certificate-not-yet-valid' | 'certificate-weak-key' | 'certificate-weak-signature';

export interface CertificateInfo { subject: string; issuer: string; fingerprintSha256: string; notBefore: string; notAfter: string }

export type CertificateResult = { ok: true; pem: string; info: CertificateInfo } | { ok: false; code: CertificateCode };

const WEAK_HASHES = new Set(['SHA-1', 'MD5', 'MD2', 'MD4']);
/** Signature OIDs that name a weak hash, for algorithms @peculiar/x509 cannot map to a hash name. */
const WEAK_SIGNATURE_OIDS = new Set(['1.2.840.113549.1.1.2', '1.2.840.113549.1.1.3', '1.2.840.113549.1.1.4', '1.2.840.113549.1.1.5', '1.2.840.10045.4.1', '1.2.840.10040.4.3', '1.3.14.3.2.29']);
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** Accepts PEM, or bare base64 DER as some IdPs display it. */
function toPem(input: string): string | undefined {
  const block = PEM_BLOCK.exec(input)?.[0];
  if (block) return block;
  const compact = input.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length > 100) {
    return `-----BEGIN CERTIFICATE-----\n${compact.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
  }
  return undefined;
}

/** Readable one-line distinguished name from Node's newline-separated form. */
const dn = (text: string) => text.split('\n').filter(Boolean).join(', ');

export function checkCertificate(input: string, now: Date): CertificateResult {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(input)) return { ok: false, code: 'certificate-private-key' };
  const pem = toPem(input);
  if (!pem) return { ok: false, code: 'certificate-invalid' };
  let cert: NodeX509;
  let parsed: PeculiarX509;
  try {
    cert = new NodeX509(pem);
    parsed = new PeculiarX509(pem);
  } catch {
    return { ok: false, code: 'certificate-invalid' };
  }
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() < now.getTime()) return { ok: false, code: 'certificate-expired' };
  // Allow two minutes of clock skew between the IdP and us.
  if (notBefore.getTime() > now.getTime() + 120_000) return { ok: false, code: 'certificate-not-yet-valid' };

  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
    if ((details.modulusLength ?? 0) < 2048) return { ok: false, code: 'certificate-weak-key' };
  } else if (key.asymmetricKeyType === 'ec') {
    const bits = { prime256v1: 256, secp384r1: 384, secp521r1: 521 }[details.namedCurve ?? ''] ?? 0;
    if (bits < 256) return { ok: false, code: 'certificate-weak-key' };
  } else if (key.asymmetricKeyType !== 'ed25519' && key.asymmetricKeyType !== 'ed448') {
    return { ok: false, code: 'certificate-weak-key' };
  }

  const algorithm = parsed.signatureAlgorithm as { name?: string; hash?: { name?: string } } | undefined;
  const hash = algorithm?.hash?.name?.toUpperCase();
  const oid = readSignatureOid(parsed);
  if ((hash && WEAK_HASHES.has(hash)) || (oid && WEAK_SIGNATURE_OIDS.has(oid))) return { ok: false, code: 'certificate-weak-signature' };

  return {
    ok: true,
    pem: cert.toString().trim(),
    info: {
      subject: dn(cert.subject),
      issuer: dn(cert.issuer),
      fingerprintSha256: cert.fingerprint256,
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
    },
  };
}

function readSignatureOid(parsed: PeculiarX509): string | undefined {
  const algorithm = parsed.signatureAlgorithm as unknown as { name?: string };
  // @peculiar/x509 reports unknown algorithms by OID in `name`.
  return algorithm?.name && /^\d+(\.\d+)+$/.test(algorithm.name) ? algorithm.name : undefined;
}
