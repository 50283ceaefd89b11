// TokenVerifier from the real @authress/sdk against emulator tokens, plus key stability on restart.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AuthressClient, TokenVerifier } from '@authress/sdk';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import type { RunningEmulator } from '../../../demo/authress-emulator/index.js';
import { startEmulator } from './helpers.js';

describe('emulator tokens', () => {
  let emulator: RunningEmulator;
  before(async () => { emulator = await startEmulator(); });
  after(async () => { await emulator.close(); });

  it('are accepted by TokenVerifier with the expected claims', async () => {
    const { accessToken, idToken } = await emulator.mintUserToken({ sub: 'google|ada@example.test', email: 'ada@example.test', name: 'Ada' });
    const payload = await TokenVerifier(emulator.url, accessToken);
    assert.equal(payload['sub'], 'google|ada@example.test');
    assert.equal(payload['iss'], emulator.url);
    assert.equal(payload['aud'], emulator.applicationId);
    assert.equal(decodeProtectedHeader(accessToken).alg, 'EdDSA');
    const id = decodeJwt(idToken);
    assert.equal(id.email, 'ada@example.test');
    assert.ok((id.exp! - id.iat!) >= 60 * 60, 'tokens live for hours on localhost');
  });

  it('rejects a token signed with another key using the same kid', async () => {
    const { accessToken } = await emulator.mintUserToken({ sub: 'u1' });
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT(decodeJwt(accessToken)).setProtectedHeader(decodeProtectedHeader(accessToken) as { alg: string; kid: string }).sign(privateKey);
    await assert.rejects(TokenVerifier(emulator.url, forged), (error: { code?: string }) => error.code === 'TokenVerificationError');
  });

  it('rejects an expired token', async () => {
    const { accessToken } = await emulator.mintUserToken({ sub: 'u1', expiresInSeconds: -60 });
    await assert.rejects(TokenVerifier(emulator.url, accessToken), /exp|expired/i);
  });

  it('rejects a token whose issuer is another host', async () => {
    const { accessToken } = await emulator.mintUserToken({ sub: 'u1' });
    await assert.rejects(TokenVerifier('http://localhost:1', accessToken), /Invalid Issuer/);
  });

  it('serves the service client public key where TokenVerifier looks for it', async () => {
    // httpClient is public at runtime but missing from the 2.3 typings.
    const client = new AuthressClient({ authressApiUrl: emulator.url }, emulator.accessKey) as unknown as { httpClient: { tokenProvider: () => Promise<string> } };
    const serviceToken = await client.httpClient.tokenProvider();
    const payload = await TokenVerifier(emulator.url, serviceToken);
    assert.equal(payload['sub'], 'sc_onboarding_backend');
  });

  it('serves JWKS regardless of Authorization headers or query strings', async () => {
    const response = await fetch(`${emulator.url}/.well-known/openid-configuration/jwks?kid=whatever`, { headers: { Authorization: 'Bearer nonsense' } });
    assert.equal(response.status, 200);
    const { keys } = await response.json() as { keys: Array<Record<string, string>> };
    assert.deepEqual(Object.keys(keys[0]).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    assert.equal(keys[0]['kty'], 'OKP');
  });
});

describe('persistence', () => {
  it('keeps the signing key and access key across restarts of the same data file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-'));
    try {
      const dataPath = join(dir, 'emulator.sqlite');
      const keyFile = join(dir, 'nested', 'access-key');
      const first = await startEmulator({ dataPath, accessKeyFile: keyFile });
      const jwks1 = await (await fetch(`${first.url}/.well-known/openid-configuration/jwks`)).json();
      const { accessToken } = await first.mintUserToken({ sub: 'u1' });
      const key1 = first.accessKey;
      await first.close();
      assert.equal(readFileSync(keyFile, 'utf8').trim(), key1);

      const second = await startEmulator({ dataPath });
      const jwks2 = await (await fetch(`${second.url}/.well-known/openid-configuration/jwks`)).json();
      assert.deepEqual(jwks2, jwks1);
      assert.equal(second.accessKey, key1);
      const client = new AuthressClient({ authressApiUrl: second.url }, key1) as unknown as { httpClient: { get(path: string): Promise<{ status: number }> } };
      assert.equal((await client.httpClient.get('/v1/roles')).status, 200);
      assert.equal(decodeProtectedHeader(accessToken).kid, (jwks2 as { keys: Array<{ kid: string }> }).keys[0].kid);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
