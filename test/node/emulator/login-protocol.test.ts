// The login wire protocol of @authress/login, exercised with plain fetch, including its negatives.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { AuthressClient, TokenVerifier } from '@authress/sdk';
import { decodeJwt } from 'jose';
import type { RunningEmulator } from '../../../demo/authress-emulator/index.js';
import { APP_ORIGIN, beginLogin, exchangeCode, loginAs, pickSimulatedUser, postJson, startEmulator } from './helpers.js';

describe('login protocol', () => {
  let emulator: RunningEmulator;
  let clock = Date.now();
  let sdk: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  before(async () => {
    emulator = await startEmulator({ now: () => clock });
    sdk = new AuthressClient({ authressApiUrl: emulator.url }, emulator.accessKey);
  });
  after(async () => { await emulator.close(); });

  it('runs authenticate → hosted page → redirect with code → token exchange', async () => {
    const login = await beginLogin(emulator);
    assert.match(login.authenticationRequestId, /^[A-Za-z0-9_-]{32}$/);
    assert.equal(login.authenticationUrl, `${emulator.url}/login?authenticationRequestId=${login.authenticationRequestId}`);
    const page = await fetch(login.authenticationUrl);
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /Continue with Google/);
    assert.match(html, /Sign in with your company SSO/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!localhost|127)/);

    const picked = await pickSimulatedUser(emulator, login, 'github', 'Ada Lovelace', 'Ada@Example.test');
    assert.equal(picked.status, 302);
    assert.equal(picked.location.origin + picked.location.pathname, `${APP_ORIGIN}/welcome`);
    assert.equal(picked.location.searchParams.get('x'), '1', 'existing query kept');
    assert.equal(picked.location.hash, '#top', 'hash kept');
    assert.equal(picked.location.searchParams.get('nonce'), login.authenticationRequestId);
    assert.equal(picked.location.searchParams.get('iss'), emulator.url);
    assert.match(picked.cookie ?? '', /HttpOnly/i);
    assert.match(picked.cookie ?? '', /SameSite=Lax/i);

    const exchanged = await exchangeCode(emulator, login, picked.location.searchParams.get('code')!);
    assert.equal(exchanged.status, 200);
    assert.equal(exchanged.body.token_type, 'Bearer');
    const id = decodeJwt(exchanged.body.id_token);
    assert.equal(id.sub, 'github|ada@example.test');
    assert.equal(id.email, 'ada@example.test');
    assert.equal(id.name, 'Ada Lovelace');
    assert.equal(id['azp'], 'github');
    const access = await TokenVerifier(emulator.url, exchanged.body.access_token);
    assert.equal(access['scope'], 'openid profile email');

    // The login session refreshes tokens and is cleared by DELETE /api/session.
    const cookie = picked.cookie!.split(';')[0];
    const refreshed = await fetch(`${emulator.url}/api/session`, { method: 'PATCH', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(refreshed.status, 200);
    assert.ok((await refreshed.json() as Record<string, string>)['id_token']);
    assert.equal((await fetch(`${emulator.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie } })).status, 204);
    assert.equal((await fetch(`${emulator.url}/api/session`, { method: 'PATCH', headers: { Cookie: cookie } })).status, 404);
  });

  it('refuses a wrong PKCE verifier and a replayed code with invalid_request', async () => {
    const login = await beginLogin(emulator);
    const code = (await pickSimulatedUser(emulator, login, 'google', 'A', 'a@example.test')).location.searchParams.get('code')!;
    const wrong = await exchangeCode(emulator, login, code, { code_verifier: 'not-the-verifier' });
    assert.deepEqual([wrong.status, wrong.body], [400, { error: 'invalid_request' }]);

    const second = await beginLogin(emulator);
    const code2 = (await pickSimulatedUser(emulator, second, 'google', 'A', 'a@example.test')).location.searchParams.get('code')!;
    assert.equal((await exchangeCode(emulator, second, code2)).status, 200);
    const replay = await exchangeCode(emulator, second, code2);
    assert.deepEqual([replay.status, replay.body], [400, { error: 'invalid_request' }]);
  });

  it('refuses a mismatched redirect_uri or client_id at the exchange', async () => {
    const login = await beginLogin(emulator);
    const code = (await pickSimulatedUser(emulator, login, 'google', 'A', 'a@example.test')).location.searchParams.get('code')!;
    assert.equal((await exchangeCode(emulator, login, code, { redirect_uri: `${APP_ORIGIN}/other` })).status, 400);
    const login2 = await beginLogin(emulator);
    const code2 = (await pickSimulatedUser(emulator, login2, 'google', 'A', 'a@example.test')).location.searchParams.get('code')!;
    assert.equal((await exchangeCode(emulator, login2, code2, { client_id: 'app_other' })).status, 400);
  });

  it('refuses redirect URLs outside the allow-list and bad requests with {errorCode, title}', async () => {
    for (const redirectUrl of ['https://evil.example/cb', '/relative', 'javascript:alert(1)']) {
      const response = await postJson(`${emulator.url}/api/authentication`, { applicationId: emulator.applicationId, redirectUrl, codeChallengeMethod: 'S256', codeChallenge: 'x'.repeat(43) });
      assert.equal(response.status, 400);
      assert.equal(response.body.errorCode, 'InvalidRedirectUrl');
      assert.ok(response.body.title);
    }
    const noPkce = await postJson(`${emulator.url}/api/authentication`, { applicationId: emulator.applicationId, redirectUrl: `${APP_ORIGIN}/` });
    assert.equal(noPkce.status, 400);
    const badApp = await postJson(`${emulator.url}/api/authentication`, { applicationId: 'app_nope', redirectUrl: `${APP_ORIGIN}/`, codeChallengeMethod: 'S256', codeChallenge: 'x' });
    assert.equal(badApp.body.errorCode, 'InvalidApplication');
    const logout = await fetch(`${emulator.url}/logout?redirect_uri=${encodeURIComponent('https://evil.example/')}&client_id=x`, { redirect: 'manual' });
    assert.equal(logout.status, 400);
    const goodLogout = await fetch(`${emulator.url}/logout?redirect_uri=${encodeURIComponent(`${APP_ORIGIN}/bye`)}&client_id=x`, { redirect: 'manual' });
    assert.equal(goodLogout.status, 302);
    assert.equal(goodLogout.headers.get('location'), `${APP_ORIGIN}/bye`);
    assert.match(goodLogout.headers.get('set-cookie') ?? '', /Max-Age=0/);
  });

  it('validates tenants and connections', async () => {
    await assert.rejects(beginLogin(emulator, { tenantLookupIdentifier: 'nowhere.test' }), (e: { response: { status: number; body: { errorCode: string } } }) =>
      e.response.status === 404 && e.response.body.errorCode === 'TenantNotFound');
    await assert.rejects(beginLogin(emulator, { connectionId: 'con_missing' }), (e: { response: { status: number } }) => e.response.status === 404);
    const google = await beginLogin(emulator, { connectionId: 'google' });
    const html = await (await fetch(google.authenticationUrl)).text();
    assert.match(html, /Continue with Google/);
    assert.doesNotMatch(html, /Continue with GitHub/);
  });

  describe('invites', () => {
    const createInvite = async () => (await sdk.invites.createInvite({
      statements: [{ roles: ['Editor'], resources: [{ resourceUri: 'Accounts/acme' }] }],
    })).data.inviteId as string;

    it('grants the invite on login and then refuses it as used', async () => {
      const inviteId = await createInvite();
      const login = await beginLogin(emulator, { inviteId });
      assert.match(await (await fetch(login.authenticationUrl)).text(), /invited/);
      const tokens = await loginAs(emulator, 'newbie@example.test', { inviteId });
      assert.equal(decodeJwt(tokens.id_token).sub, 'google|newbie@example.test');
      assert.equal((await sdk.userPermissions.authorizeUser('google|newbie@example.test', 'Accounts/acme', 'content:write')).status, 200);
      await assert.rejects(beginLogin(emulator, { inviteId }), (e: { response: { body: { errorCode: string } } }) => e.response.body.errorCode === 'InviteAlreadyUsed');
      // A page opened before the invite was used cannot use it a second time.
      const picked = await pickSimulatedUser(emulator, login, 'google', 'Late', 'late@example.test');
      assert.equal(picked.status, 410);
      assert.equal(emulator.state.invites().find((i) => i.inviteId === inviteId)?.status, 'used');
    });

    it("shows the invite's tenant and records the new member there", async () => {
      await sdk.tenants.createTenant({ tenantId: 'globex', data: { name: 'Globex' } });
      const inviteId = (await sdk.invites.createInvite({
        tenantId: 'globex', statements: [{ roles: ['Viewer'], resources: [{ resourceUri: 'Accounts/globex' }] }],
      })).data.inviteId as string;
      const login = await beginLogin(emulator, { inviteId, tenantLookupIdentifier: 'ignored-when-invite-has-tenant' });
      assert.match(await (await fetch(login.authenticationUrl)).text(), /You&#39;re joining Globex\./);
      const picked = await pickSimulatedUser(emulator, login, 'google', 'Gina', 'gina@globex.test');
      assert.equal(picked.status, 302);
      assert.deepEqual(emulator.state.tenants().find((t) => t.tenantId === 'globex')?.members, ['google|gina@globex.test']);
      assert.equal(emulator.state.accessRecords().find((r) => r.recordId === `rec_invite_${inviteId}`)?.users?.[0]?.userId, 'google|gina@globex.test');
    });

    it('refuses unknown and expired invites', async () => {
      await assert.rejects(beginLogin(emulator, { inviteId: 'inv_doesnotexist' }), (e: { response: { status: number; body: { errorCode: string } } }) =>
        e.response.status === 404 && e.response.body.errorCode === 'InviteNotFound');
      const inviteId = await createInvite();
      clock += 7 * 24 * 3600e3 + 60e3;
      try {
        await assert.rejects(beginLogin(emulator, { inviteId }), (e: { response: { status: number; body: { errorCode: string } } }) =>
          e.response.status >= 400 && e.response.status < 500 && e.response.body.errorCode === 'InviteExpired');
      } finally {
        clock = Date.now();
      }
    });
  });

  it('refuses requests whose Host is not loopback', async () => {
    const { port } = new URL(emulator.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/.well-known/openid-configuration/jwks', headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 421);
  });

  it('sends CORS headers on preflights and on error responses', async () => {
    const preflight = await fetch(`${emulator.url}/api/authentication`, {
      method: 'OPTIONS',
      headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-powered-by' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /x-powered-by/);
    const error = await postJson(`${emulator.url}/api/authentication`, { applicationId: 'nope' }, { Origin: APP_ORIGIN });
    assert.equal(error.status, 400);
    assert.equal(error.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.equal(error.headers.get('access-control-allow-credentials'), 'true');
    assert.match(error.headers.get('vary') ?? '', /Origin/);
  });

  it('echoes only allow-listed origins in CORS (a foreign page cannot read /api/session)', async () => {
    const login = await beginLogin(emulator);
    const picked = await pickSimulatedUser(emulator, login, 'google', 'Ada', 'ada@example.test');
    const cookie = picked.cookie!.split(';')[0];
    for (const origin of ['http://evil.example', 'https://localhost:5173', 'null', 'http://localhost.evil.example:5173']) {
      const preflight = await fetch(`${emulator.url}/api/session`, {
        method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH' },
      });
      assert.equal(preflight.status, 204, `preflight from ${origin} is still answered`);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null, `no ACAO for ${origin}`);
      assert.equal(preflight.headers.get('access-control-allow-credentials'), null, `no ACAC for ${origin}`);
      const refreshed = await fetch(`${emulator.url}/api/session`, { method: 'PATCH', headers: { Origin: origin, Cookie: cookie } });
      assert.equal(refreshed.status, 200, `request from ${origin} is still answered`);
      assert.equal(refreshed.headers.get('access-control-allow-origin'), null, `no ACAO for ${origin}`);
      assert.equal(refreshed.headers.get('access-control-allow-credentials'), null, `no ACAC for ${origin}`);
      assert.match(refreshed.headers.get('vary') ?? '', /Origin/);
      await refreshed.arrayBuffer();
    }
    // The default seed admits the demo/test app origins (http://localhost:<any port>), errors included.
    for (const origin of [APP_ORIGIN, 'http://localhost:40123', 'http://127.0.0.1:8080']) {
      const missing = await fetch(`${emulator.url}/api/session`, { method: 'PATCH', headers: { Origin: origin } });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('access-control-allow-origin'), origin);
      assert.equal(missing.headers.get('access-control-allow-credentials'), 'true');
      await missing.arrayBuffer();
    }
  });

  it('takes the CORS allow-list from the seed patterns', async () => {
    const { readSeed } = await import('../../../demo/authress-emulator/seed.js');
    const strict = await startEmulator({ seed: { ...readSeed(), allowedRedirectOrigins: ['http://localhost:5173'] } });
    try {
      const allowed = await fetch(`${strict.url}/.well-known/openid-configuration`, { headers: { Origin: 'http://localhost:5173' } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      for (const origin of ['http://localhost:5174', 'http://127.0.0.1:5173']) {
        const refused = await fetch(`${strict.url}/.well-known/openid-configuration`, { headers: { Origin: origin } });
        assert.equal(refused.status, 200);
        assert.equal(refused.headers.get('access-control-allow-origin'), null, origin);
      }
    } finally {
      await strict.close();
    }
  });

  it('counts requests per path prefix for tests of callers', async () => {
    const before = emulator.state.requestCount('/.well-known/');
    await fetch(`${emulator.url}/.well-known/openid-configuration`);
    assert.equal(emulator.state.requestCount('/.well-known/'), before + 1);
    assert.ok(emulator.state.requestCount() > emulator.state.requestCount('/.well-known/'));
  });
});
