// The whole onboarding story against the local Authress emulator, through real HTTP.
import { ownerRecordId } from '../../../demo/backend/routes/accounts.js';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AuthressClient } from '../../../demo/backend/sdk.js';
import { APP_URL, SECRET_CANARY, captured, createAccount, newKey, oauth2Body, setup, type Harness } from './helpers.js';

let h: Harness;
before(async () => { h = await setup(); });
after(async () => { await h.close(); });

const ADA = 'google|ada@acme.test';

test('create account → SSO → roles → invites → email → preview → revoke → accept', async () => {
  const ada = await h.token(ADA);
  const created = await h.api('POST', '/accounts', { token: ada, key: newKey(), body: { accountName: 'Acme <Corp>', contactName: 'Ada', contactEmail: 'ada@acme.test', fields: { plan: 'team', seats: 5 } } });
  assert.equal(created.status, 201);
  assert.equal(created.body.role, 'Authress:Owner');
  const accountId: string = created.body.account.accountId;
  assert.equal(created.headers.get('location'), `/accounts/${accountId}`);
  const fetched = await h.api('GET', created.headers.get('location')!, { token: ada });
  assert.equal(fetched.status, 200);
  assert.deepEqual(fetched.body, created.body);
  assert.deepEqual(created.body.account.fields, { plan: 'team', seats: 5 });

  // Authress (not our DB) says Ada owns it, through the predictable record.
  const service = new AuthressClient({ authressApiUrl: h.emu.url }, h.emu.accessKey);
  await service.userPermissions.authorizeUser(ADA, `Accounts/${accountId}`, 'sso:update');
  assert.ok(h.emu.state.accessRecords().some((r) => r.recordId === ownerRecordId(accountId, ADA)));

  const listed = await h.api('GET', '/accounts', { token: ada });
  assert.deepEqual(listed.body.accounts, [{ accountId, name: 'Acme <Corp>', role: 'Authress:Owner' }]);

  // SSO before configuration: service-provider values are already there.
  const empty = await h.api('GET', `/accounts/${accountId}/sso`, { token: ada });
  assert.equal(empty.body.configured, false);
  assert.equal(empty.body.serviceProvider.redirectUrl, `${h.emu.url}/api/authentication/oauth/callback`);
  assert.equal(empty.body.serviceProvider.acsUrl, `${h.emu.url}/api/authentication/saml/con_${accountId}/acs`);

  const saved = await h.api('PUT', `/accounts/${accountId}/sso`, { token: ada, body: oauth2Body(['Acme.test', 'acme-corp.test']) });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.body.oauth2.clientSecretSet, true);
  assert.deepEqual(saved.body.domains, ['acme-corp.test', 'acme.test']);
  const connection = h.emu.state.connections().find((c) => c.connectionId === `con_${accountId}`);
  assert.ok(connection, 'connection exists in Authress');
  assert.equal(connection.type, 'OAUTH2');
  assert.equal(connection.authenticationUrl, 'http://127.0.0.1:9999/authorize');
  assert.equal(connection.defaultConnectionProperties?.scope, 'openid profile email');
  const tenant = h.emu.state.tenants().find((t) => t.tenantId === accountId);
  assert.ok(tenant, 'tenant exists in Authress');
  assert.equal(tenant.tenantLookupIdentifier, 'acme.test');
  assert.equal(tenant.connection?.connectionId, `con_${accountId}`);
  assert.deepEqual(tenant.domains, [{ domain: 'acme.test' }, { domain: 'acme-corp.test' }]);

  const read = await h.api('GET', `/accounts/${accountId}/sso`, { token: ada });
  assert.equal(read.body.configured, true);
  assert.equal(read.body.oauth2.clientSecretSet, true);
  assert.ok(!read.text.includes(SECRET_CANARY));
  assert.ok(!('clientSecret' in read.body.oauth2));

  // Saving again without the secret keeps it (at Authress) and keeps clientSecretSet.
  const { clientSecret: _omit, ...withoutSecret } = oauth2Body(['acme.test'], { clientId: 'client-456' });
  const resaved = await h.api('PUT', `/accounts/${accountId}/sso`, { token: ada, body: withoutSecret });
  assert.equal(resaved.status, 200, resaved.text);
  assert.equal(resaved.body.oauth2.clientSecretSet, true);
  assert.deepEqual(resaved.body.domains, ['acme.test']);

  const roles = await h.api('GET', `/accounts/${accountId}/roles`, { token: ada });
  assert.deepEqual(roles.body.roles.map((r: { roleId: string }) => r.roleId).sort(), ['Admin', 'Editor', 'Viewer']);

  // Invite two people (+ one invalid, + one duplicate in another spelling). A spoofed forwarded host changes nothing.
  const invited = await h.api('POST', `/accounts/${accountId}/invites`, {
    token: ada, key: newKey(), headers: { 'x-forwarded-host': 'evil.test' },
    body: { emails: ['bob@acme.test', ' Carol@Acme.test ', 'not-an-email', 'BOB@acme.test'], roleId: 'Editor' },
  });
  assert.equal(invited.status, 200, invited.text);
  assert.deepEqual(invited.body.results.map((r: { email: string; status: string }) => [r.email, r.status]),
    [['bob@acme.test', 'sent'], ['carol@acme.test', 'sent'], ['not-an-email', 'invalid']]);
  assert.equal(invited.body.results[2].problemType, 'urn:authress-onboarding:problem:invalid-email');
  const [bob, carol] = invited.body.results as Array<{ inviteId: string }>;
  const authressInvite = h.emu.state.invites().find((i) => i.inviteId === bob.inviteId);
  assert.equal(authressInvite?.tenantId, accountId, 'SSO is configured, so the invite carries the tenant');

  const mails = h.backend.outbox.list();
  assert.equal(mails.length, 2);
  const bobMail = mails.find((m) => m.to === 'bob@acme.test')!;
  assert.deepEqual(bobMail.links, [`${APP_URL}/invite.html?inviteId=${bob.inviteId}`]);
  assert.ok(bobMail.text.includes(bobMail.links[0]));
  assert.ok(bobMail.html.includes('Acme &lt;Corp&gt;'), 'account name is HTML-escaped');
  assert.ok(!bobMail.html.includes('<Corp>'));
  const inviteId = new URL(bobMail.links[0]).searchParams.get('inviteId')!;

  // Same key again → the stored answer; a second invite for bob is "already pending".
  const again = await h.api('POST', `/accounts/${accountId}/invites`, { token: ada, key: newKey(), body: { emails: ['bob@acme.test'], roleId: 'Viewer' } });
  assert.equal(again.body.results[0].status, 'already_pending');

  const preview = await h.api('GET', `/invites/${inviteId}`);
  assert.deepEqual(preview.body, { inviteId, accountName: 'Acme <Corp>', status: 'pending', expiresAt: preview.body.expiresAt });
  const week = Date.parse(preview.body.expiresAt) - Date.now();
  assert.ok(week > 6.9 * 86_400_000 && week <= 7 * 86_400_000);

  const pending = await h.api('GET', `/accounts/${accountId}/invites`, { token: ada });
  assert.equal(pending.body.invites.length, 2);
  assert.equal(pending.body.invites[0].roleName, 'Editor');

  assert.equal((await h.api('DELETE', `/accounts/${accountId}/invites/${inviteId}`, { token: ada })).status, 204);
  assert.equal((await h.api('DELETE', `/accounts/${accountId}/invites/${inviteId}`, { token: ada })).status, 204, 'revoking twice is fine');
  assert.equal((await h.api('GET', `/invites/${inviteId}`)).body.status, 'revoked');
  assert.equal(h.emu.state.invites().find((i) => i.inviteId === inviteId)?.status === 'pending', false);
  assert.equal((await h.api('GET', `/accounts/${accountId}/invites`, { token: ada })).body.invites.length, 1);

  // Carol accepts through Authress with her own token (the SDK's PATCH), and becomes an Editor.
  const carolToken = await h.token('google|carol@acme.test');
  await h.userSdk(carolToken).invites.respondToInvite(carol.inviteId);
  assert.equal((await h.api('GET', `/invites/${carol.inviteId}`)).body.status, 'used');
  const carolAccounts = await h.api('GET', '/accounts', { token: carolToken });
  assert.deepEqual(carolAccounts.body.accounts, [{ accountId, name: 'Acme <Corp>', role: 'Editor' }]);
  const revokeUsed = await h.api('DELETE', `/accounts/${accountId}/invites/${carol.inviteId}`, { token: ada });
  assert.equal(revokeUsed.status, 409);
  assert.equal((await h.api('GET', `/accounts/${accountId}/invites`, { token: ada })).body.invites.length, 0);

  assert.equal((await h.api('GET', '/invites/unknown_invite_id')).status, 404);
  assert.ok(!captured.join('\n').includes(SECRET_CANARY));
  assert.ok(!h.logs.join('\n').includes(SECRET_CANARY));
  assert.ok(!h.logs.join('\n').includes(inviteId), 'invite ids (capabilities) are not logged');
});

test('an expired invite previews as expired', async () => {
  const ada = await h.token(ADA);
  const accountId = await createAccount(h, ada, 'Expiry Ltd');
  const invited = await h.api('POST', `/accounts/${accountId}/invites`, { token: ada, key: newKey(), body: { emails: ['dan@expiry.test'], roleId: 'Viewer' } });
  const inviteId = invited.body.results[0].inviteId as string;
  assert.equal(invited.body.results[0].status, 'sent');
  h.backend.db.raw.prepare('UPDATE invites SET expires_at = ? WHERE invite_id = ?').run(Date.now() - 1000, inviteId);
  assert.equal((await h.api('GET', `/invites/${inviteId}`)).body.status, 'expired');
  assert.equal((await h.api('GET', `/accounts/${accountId}/invites`, { token: ada })).body.invites.length, 0);
});
