// Authentication (401) and authorization through Authress (404 for invisible, 403 for insufficient).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { createAccount, grantRole, newKey, oauth2Body, setup, type Harness } from './helpers.js';

let h: Harness;
let owner: string;
let accountId: string;
before(async () => {
  h = await setup();
  owner = await h.token('google|owner@acme.test');
  accountId = await createAccount(h, owner, 'Guarded Inc');
});
after(async () => { await h.close(); });

const UNAUTHENTICATED = 'urn:authress-onboarding:problem:unauthenticated';

test('no token, garbage, alg none, forged and expired tokens → 401', async () => {
  const noToken = await h.api('GET', '/accounts');
  assert.equal(noToken.status, 401);
  assert.equal(noToken.body.type, UNAUTHENTICATED);
  assert.equal(noToken.headers.get('www-authenticate'), 'Bearer');
  assert.equal((await h.api('GET', '/accounts', { headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status, 401);
  assert.equal((await h.api('GET', '/accounts', { token: 'not-a-jwt' })).status, 401);

  const real = await h.token('google|mallory@acme.test');
  const header = decodeProtectedHeader(real);
  const claims = decodeJwt(real);
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  assert.equal((await h.api('GET', '/accounts', { token: `${b64({ alg: 'none', kid: header.kid })}.${b64(claims)}.` })).status, 401);

  // Same kid, issuer and claims, signed with another Ed25519 key.
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const forged = await new SignJWT({ ...claims, sub: 'google|owner@acme.test' }).setProtectedHeader({ alg: 'EdDSA', kid: header.kid! }).sign(privateKey);
  const forgedRes = await h.api('GET', `/accounts/${accountId}/sso`, { token: forged });
  assert.equal(forgedRes.status, 401);

  const expired = await h.token('google|late@acme.test', { expiresInSeconds: -60 });
  assert.equal((await h.api('GET', '/accounts', { token: expired })).status, 401);
  assert.ok(h.logs.some((line) => line.includes('"authentication-failed"')));
  assert.ok(!h.logs.join('\n').includes(real), 'tokens are never logged');
});

test('public preview needs no token; everything else does', async () => {
  assert.equal((await h.api('GET', '/invites/inv_does_not_exist')).status, 404);
  for (const [method, path] of [['POST', '/accounts'], ['GET', `/accounts/${accountId}/sso`], ['PUT', `/accounts/${accountId}/sso`], ['GET', `/accounts/${accountId}/roles`], ['GET', `/accounts/${accountId}/invites`], ['POST', `/accounts/${accountId}/invites`], ['DELETE', `/accounts/${accountId}/invites/inv_12345678`]] as const) {
    assert.equal((await h.api(method, path, method === 'GET' || method === 'DELETE' ? {} : { body: {} })).status, 401, `${method} ${path}`);
  }
});

test("another user's account and a non-existent account look the same (404)", async () => {
  const stranger = await h.token('google|stranger@other.test');
  for (const id of [accountId, 'acc_doesnotexist123', 'not-an-account-id']) {
    for (const [method, path, body] of [['GET', `/accounts/${id}`], ['GET', `/accounts/${id}/sso`], ['PUT', `/accounts/${id}/sso`, oauth2Body(['stranger.test'])], ['GET', `/accounts/${id}/roles`], ['GET', `/accounts/${id}/invites`], ['DELETE', `/accounts/${id}/invites/inv_12345678`]] as const) {
      const res = await h.api(method, path, body ? { token: stranger, body } : { token: stranger });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(res.body.type, 'urn:authress-onboarding:problem:not-found');
    }
    const invite = await h.api('POST', `/accounts/${id}/invites`, { token: stranger, key: newKey(), body: { emails: ['x@y.test'], roleId: 'Viewer' } });
    assert.equal(invite.status, 404);
  }
  assert.deepEqual((await h.api('GET', '/accounts', { token: stranger })).body.accounts, []);
});

test('Viewer and Editor get 403 where their role lacks the permission', async () => {
  const viewerId = 'google|viewer@acme.test';
  const editorId = 'google|editor@acme.test';
  await grantRole(h, accountId, viewerId, 'Viewer');
  await grantRole(h, accountId, editorId, 'Editor');
  const viewer = await h.token(viewerId);
  const editor = await h.token(editorId);

  assert.deepEqual((await h.api('GET', '/accounts', { token: viewer })).body.accounts, [{ accountId, name: 'Guarded Inc', role: 'Viewer' }]);
  for (const [method, path] of [['GET', `/accounts/${accountId}/sso`], ['GET', `/accounts/${accountId}/roles`], ['GET', `/accounts/${accountId}/invites`]] as const) {
    const res = await h.api(method, path, { token: viewer });
    assert.equal(res.status, 403, `viewer ${method} ${path}`);
    assert.equal(res.body.type, 'urn:authress-onboarding:problem:forbidden');
  }
  assert.equal((await h.api('POST', `/accounts/${accountId}/invites`, { token: viewer, key: newKey(), body: { emails: ['v@acme.test'], roleId: 'Viewer' } })).status, 403);

  assert.equal((await h.api('PUT', `/accounts/${accountId}/sso`, { token: editor, body: oauth2Body(['guarded.test']) })).status, 403);
  const roles = await h.api('GET', `/accounts/${accountId}/roles`, { token: editor });
  assert.deepEqual(roles.body.roles.map((r: { roleId: string }) => r.roleId).sort(), ['Editor', 'Viewer'], 'an Editor cannot grant Admin');

  const admin = await h.api('POST', `/accounts/${accountId}/invites`, { token: editor, key: newKey(), body: { emails: ['boss@acme.test'], roleId: 'Admin' } });
  assert.equal(admin.status, 403);
  assert.equal(admin.body.type, 'urn:authress-onboarding:problem:role-not-grantable');
  assert.equal(admin.body.errors[0].pointer, '/roleId');
  const builtIn = await h.api('POST', `/accounts/${accountId}/invites`, { token: editor, key: newKey(), body: { emails: ['boss@acme.test'], roleId: 'Authress:Owner' } });
  assert.equal(builtIn.body.type, 'urn:authress-onboarding:problem:role-not-grantable');
  const unknown = await h.api('POST', `/accounts/${accountId}/invites`, { token: editor, key: newKey(), body: { emails: ['boss@acme.test'], roleId: 'Janitor' } });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.errors[0].pointer, '/roleId');

  const ok = await h.api('POST', `/accounts/${accountId}/invites`, { token: editor, key: newKey(), body: { emails: ['intern@acme.test'], roleId: 'Viewer' } });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.results[0].status, 'sent');
  // Editors may invite but not revoke (no invites:delete).
  const revoke = await h.api('DELETE', `/accounts/${accountId}/invites/${ok.body.results[0].inviteId}`, { token: editor });
  assert.equal(revoke.status, 403);
  // An invite id of another account is not found from this one.
  const otherAccount = await createAccount(h, owner, 'Elsewhere');
  assert.equal((await h.api('DELETE', `/accounts/${otherAccount}/invites/${ok.body.results[0].inviteId}`, { token: owner })).status, 404);
});

test('a service-client key cannot mint "user" tokens through an encoded issuer path', async () => {
  // The access key is clientId.keyId.accountId.<base64 PKCS#8 Ed25519 key>.
  const [clientId, keyId, , der] = h.emu.accessKey.split('.');
  const { createPrivateKey } = await import('node:crypto');
  const key = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
  const now = Math.floor(Date.now() / 1000);
  for (const iss of [`${h.emu.url}/v1/%63lients/${clientId}`, `${h.emu.url}/v1/clients/${clientId}`, `${h.emu.url}/anything`]) {
    const token = await new SignJWT({ sub: 'google|owner@acme.test', iss, iat: now, exp: now + 300, client_id: clientId })
      .setProtectedHeader({ alg: 'EdDSA', kid: keyId })
      .sign(key);
    assert.equal((await h.api('GET', '/accounts', { token })).status, 401, iss);
  }
  // A kid that is not a key id is refused before any key lookup.
  const real = await h.token('google|kid@acme.test');
  const [, payload, signature] = real.split('.');
  const oddKid = `${Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: '../../x'.repeat(40) })).toString('base64url')}.${payload}.${signature}`;
  assert.equal((await h.api('GET', '/accounts', { token: oddKid })).status, 401);
});

test('a user with a very long id can create an account (the owner record id stays short)', async () => {
  const longUser = `google|${'a'.repeat(90)}@acme.test`;
  const token = await h.token(longUser);
  const created = await h.api('POST', '/accounts', { token, key: newKey(), body: { accountName: 'Long Co', contactName: 'A', contactEmail: 'a@acme.test' } });
  assert.equal(created.status, 201);
  const record = h.emu.state.accessRecords().find((r) => r.users?.some((u) => u.userId === longUser));
  assert.ok(record && record.recordId.length <= 100 && /^[a-zA-Z0-9-_:|~]+$/.test(record.recordId), record?.recordId);
});

test('revoking an invite that was accepted meanwhile answers 409 and keeps the member', async () => {
  const sent = await h.api('POST', `/accounts/${accountId}/invites`, { token: owner, key: newKey(), body: { emails: ['quick@acme.test'], roleId: 'Viewer' } });
  const inviteId: string = sent.body.results[0].inviteId;
  const quick = await h.token('google|quick@acme.test');
  await h.userSdk(quick).invites.respondToInvite(inviteId);
  // No preview in between: the backend still thinks it is pending.
  const revoke = await h.api('DELETE', `/accounts/${accountId}/invites/${inviteId}`, { token: owner });
  assert.equal(revoke.status, 409);
  assert.equal(revoke.body.type, 'urn:authress-onboarding:problem:invite-not-pending');
  assert.equal((await h.api('GET', `/accounts/${accountId}`, { token: quick })).status, 200);
  assert.equal((await h.api('GET', `/invites/${inviteId}`)).body.status, 'used');
});
