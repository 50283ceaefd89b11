// User tokens minted by the emulator, and authentication of callers of the management API.
import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { findServiceClientKey, type SigningKey } from './keys.js';
import type { Store } from './store.js';
import type { UserProfile } from './types.js';

/** Localhost has no silent refresh (see the login SDK), so sessions last as long as the id_token. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export interface TokenContext {
  issuer: string;
  applicationId: string;
  signingKey: SigningKey;
  store: Store;
  now: () => number;
}

export interface MintedTokens { accessToken: string; idToken: string; expiresIn: number }

export async function mintUserTokens(ctx: TokenContext, user: UserProfile, expiresInSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS): Promise<MintedTokens> {
  const iat = Math.floor(ctx.now() / 1000);
  const exp = iat + expiresInSeconds;
  const sign = (claims: Record<string, unknown>) => new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: ctx.signingKey.kid, typ: 'JWT' })
    .setIssuer(ctx.issuer)
    .setSubject(user.userId)
    .setAudience(ctx.applicationId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(ctx.signingKey.privateKey);
  const azp = user.connectionId ?? 'emulator';
  const accessToken = await sign({ azp, scope: 'openid profile email', client_id: ctx.applicationId });
  const idToken = await sign({ azp, email: user.email, name: user.name });
  return { accessToken, idToken, expiresIn: expiresInSeconds };
}

export interface Caller { userId: string; kind: 'serviceClient' | 'user' }

const SERVICE_CLIENT_ISSUER_PATH = /^\/v\d+\/clients\/([^/]+)$/;

/**
 * Accepts the SDK's self-signed service-client token (iss = <any origin>/v1/clients/{clientId},
 * signed with that client's key) or a user token this emulator minted. Returns undefined when invalid.
 */
export async function authenticateCaller(ctx: TokenContext, authorization: string | undefined): Promise<Caller | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const token = match[1];
  try {
    const header = decodeProtectedHeader(token);
    const payload = decodeJwt(token);
    if (typeof payload.iss !== 'string' || typeof header.kid !== 'string') return undefined;
    const currentDate = new Date(ctx.now());
    const servicePath = SERVICE_CLIENT_ISSUER_PATH.exec(new URL(payload.iss).pathname);
    if (servicePath) {
      const clientId = decodeURIComponent(servicePath[1]);
      if (payload.sub !== clientId || (payload['client_id'] !== undefined && payload['client_id'] !== clientId)) return undefined;
      const key = findServiceClientKey(ctx.store, clientId, header.kid);
      if (!key) return undefined;
      // The iss origin is whatever URL the backend was configured with (localhost vs 127.0.0.1), so only the path is checked.
      await jwtVerify(token, await importJWK(key.publicJwk, 'EdDSA'), { algorithms: ['EdDSA'], currentDate, requiredClaims: ['exp'] });
      return { userId: clientId, kind: 'serviceClient' };
    }
    if (header.kid !== ctx.signingKey.kid) return undefined;
    const verified = await jwtVerify(token, ctx.signingKey.publicKey, {
      algorithms: ['EdDSA'], issuer: ctx.issuer, currentDate, requiredClaims: ['exp', 'sub'],
    });
    return { userId: verified.payload.sub!, kind: 'user' };
  } catch {
    return undefined;
  }
}
