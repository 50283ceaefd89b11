/**
 * The heavy part of the certificate check, loaded on demand (`import('./parse.js')`) so
 * `@peculiar/asn1-x509` is a separate chunk that only SSO admins pasting a certificate download.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Name } from '@peculiar/asn1-x509';

export interface ParsedCertificate {
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** `rsa`, `ec`, `ed25519`, `ed448` or the key algorithm OID. */
  keyType: string;
  /** RSA modulus or EC field size, in bits (0 when unknown). */
  keyBits: number;
  /** Signature algorithm OID. */
  signatureAlgorithm: string;
}

const NAME_LABELS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.25': 'DC',
};

const RSA = '1.2.840.113549.1.1.1';
const EC = '1.2.840.10045.2.1';
const KEY_TYPES: Record<string, string> = { [RSA]: 'rsa', [EC]: 'ec', '1.3.101.112': 'ed25519', '1.3.101.113': 'ed448' };
const EDWARDS_BITS: Record<string, number> = { ed25519: 256, ed448: 448 };

/** Parses DER; throws on anything that is not an X.509 certificate. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const certificate = AsnConvert.parse(der, Certificate);
  const tbs = certificate.tbsCertificate;
  const spki = tbs.subjectPublicKeyInfo;
  const keyType = KEY_TYPES[spki.algorithm.algorithm] ?? spki.algorithm.algorithm;
  const key = new Uint8Array(spki.subjectPublicKey);
  return {
    subject: formatName(tbs.subject),
    issuer: formatName(tbs.issuer),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    keyType,
    keyBits: keyType === 'rsa' ? rsaModulusBits(key) : keyType === 'ec' ? ecPointBits(key) : (EDWARDS_BITS[keyType] ?? 0),
    signatureAlgorithm: certificate.signatureAlgorithm.algorithm,
  };
}

function formatName(name: Name): string {
  return name
    .map((rdn) => rdn.map((atv) => `${NAME_LABELS[atv.type] ?? atv.type}=${atv.value.toString()}`).join(' + '))
    .join(', ');
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }: the modulus' bit length. */
function rsaModulusBits(key: Uint8Array): number {
  let offset = 0;
  const readHeader = (expectedTag: number): number => {
    if (key[offset++] !== expectedTag) throw new Error('not an RSA public key');
    let length = key[offset++];
    if (length & 0x80) {
      const count = length & 0x7f;
      length = 0;
      for (let i = 0; i < count; i++) length = (length << 8) | key[offset++];
    }
    return length;
  };
  readHeader(0x30);
  let length = readHeader(0x02);
  while (length > 0 && key[offset] === 0) {
    offset++;
    length--;
  }
  if (length === 0) return 0;
  return (length - 1) * 8 + (32 - Math.clz32(key[offset]));
}

/** An EC point (0x04‖X‖Y uncompressed, 0x02/0x03‖X compressed): the field size in bits. */
function ecPointBits(point: Uint8Array): number {
  if (point[0] === 0x04) return ((point.length - 1) / 2) * 8;
  if (point[0] === 0x02 || point[0] === 0x03) return (point.length - 1) * 8;
  return 0;
}
