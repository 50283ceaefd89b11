// Ed25519 keys kept in the store so tokens and access keys survive restarts of the same data file.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';
import type { Store } from './store.js';

export interface StoredKey { kid: string; privateKeyPkcs8: string; publicJwk: JWK }
export interface ServiceClientKey extends StoredKey { clientId: string }

export interface SigningKey { kid: string; privateKey: KeyObject; publicKey: KeyObject; publicJwk: JWK }

async function newStoredKey(kid?: string): Promise<StoredKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = await exportJWK(publicKey);
  const keyId = kid ?? `ed_${(await calculateJwkThumbprint(jwk)).slice(0, 16)}`;
  return {
    kid: keyId,
    privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicJwk: { ...jwk, kid: keyId, alg: 'EdDSA', use: 'sig' },
  };
}

export function toSigningKey(stored: StoredKey): SigningKey {
  const privateKey = createPrivateKey({ key: Buffer.from(stored.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return { kid: stored.kid, privateKey, publicKey: createPublicKey(privateKey), publicJwk: stored.publicJwk };
}

/** The emulator's token-signing key: created once per data file. */
export async function loadOrCreateSigningKey(store: Store): Promise<SigningKey> {
  let stored = store.get<StoredKey>('meta', 'signingKey');
  if (!stored) {
    stored = await newStoredKey();
    store.put('meta', 'signingKey', stored);
  }
  return toSigningKey(stored);
}

/** One key per service client; its private half is what the access key carries. */
export async function loadOrCreateServiceClientKey(store: Store, clientId: string): Promise<ServiceClientKey> {
  const existing = store.list<ServiceClientKey>('serviceClientKey').find((key) => key.clientId === clientId);
  if (existing) return existing;
  const stored = await newStoredKey(`key_${randomBytes(8).toString('hex')}`);
  const key: ServiceClientKey = { ...stored, clientId };
  store.put('serviceClientKey', `${clientId}.${key.kid}`, key);
  return key;
}

export function findServiceClientKey(store: Store, clientId: string, kid: string): ServiceClientKey | undefined {
  return store.get<ServiceClientKey>('serviceClientKey', `${clientId}.${kid}`);
}

/** Format read by @authress/sdk ServiceClientTokenProvider: clientId.keyId.accountId.base64(pkcs8 DER). */
export function formatAccessKey(key: ServiceClientKey, accountId: string): string {
  return `${key.clientId}.${key.kid}.${accountId}.${key.privateKeyPkcs8}`;
}
