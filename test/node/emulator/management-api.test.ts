// The management API through the unmodified @authress/sdk 2.3.127 (service-client access key and user tokens).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthressClient } from '@authress/sdk';
import type { RunningEmulator } from '../../../demo/authress-emulator/index.js';
import { startEmulator, statusOf } from './helpers.js';

// demo/types/authress-sdk.d.ts: the 2.3 typings disagree with the runtime in places (e.g. optional-first parameters), so its members are loose.
type Sdk = AuthressClient;

describe('management API via @authress/sdk', () => {
  let emulator: RunningEmulator;
  let sdk: Sdk;
  const asUser = async (sub: string): Promise<Sdk> => {
    const { accessToken } = await emulator.mintUserToken({ sub, email: `${sub.split('|')[1] ?? sub}`, name: sub });
    return new AuthressClient({ authressApiUrl: emulator.url }, () => accessToken);
  };

  before(async () => {
    emulator = await startEmulator();
    sdk = new AuthressClient({ authressApiUrl: emulator.url }, emulator.accessKey);
    await sdk.accessRecords.createRecord({
      recordId: 'rec_acme_admin', name: 'Acme admins',
      users: [{ userId: 'google|alice@acme.test' }],
      statements: [{ roles: ['Admin'], resources: [{ resourceUri: 'Accounts/acme' }] }],
    });
    await sdk.accessRecords.createRecord({
      recordId: 'rec_wild_viewer', name: 'Viewer of every project of globex',
      users: [{ userId: 'google|vic@globex.test' }],
      statements: [{ roles: ['Viewer'], resources: [{ resourceUri: 'Accounts/globex/Projects/*' }] }],
    });
  });
  after(async () => { await emulator.close(); });

  describe('access records', () => {
    it('creates, reads, lists, updates and deletes', async () => {
      const created = await sdk.accessRecords.createRecord({
        recordId: 'rec_crud', name: 'CRUD', users: [{ userId: 'u-crud' }],
        statements: [{ roles: ['Viewer'], resources: [{ resourceUri: 'Accounts/crud' }] }],
      });
      assert.equal(created.status, 201);
      assert.equal(created.data.status, 'ACTIVE');
      assert.equal((await sdk.accessRecords.getRecord('rec_crud')).data.name, 'CRUD');
      const list = await sdk.accessRecords.getRecords();
      assert.ok(list.data.records.some((r: { recordId: string }) => r.recordId === 'rec_crud'));
      const updated = await sdk.accessRecords.updateRecord('rec_crud', { ...created.data, name: 'CRUD 2' }, new Date(created.data.lastUpdated));
      assert.equal(updated.status, 202);
      assert.equal((await sdk.accessRecords.getRecord('rec_crud')).data.name, 'CRUD 2');
      await sdk.accessRecords.deleteRecord('rec_crud');
      assert.equal(await statusOf(sdk.accessRecords.getRecord('rec_crud')), 404);
      await assert.rejects(sdk.userPermissions.authorizeUser('u-crud', 'Accounts/crud', 'content:read'), { code: 'UnauthorizedError' });
    });

    it('answers 409 for a duplicate recordId', async () => {
      const body = { recordId: 'rec_dup', name: 'dup', users: [{ userId: 'x' }], statements: [{ roles: ['Viewer'], resources: [{ resourceUri: 'A/1' }] }] };
      await sdk.accessRecords.createRecord(body);
      assert.equal(await statusOf(sdk.accessRecords.createRecord(body)), 409);
    });

    it('answers 412 when the record changed after If-Unmodified-Since (ISO and HTTP-date)', async () => {
      const created = await sdk.accessRecords.createRecord({
        recordId: 'rec_412', name: 'v1', users: [{ userId: 'x' }], statements: [{ roles: ['Viewer'], resources: [{ resourceUri: 'A/2' }] }],
      });
      const original = new Date(created.data.lastUpdated);
      await sdk.accessRecords.updateRecord('rec_412', { ...created.data, name: 'v2' }, original);
      assert.equal(await statusOf(sdk.accessRecords.updateRecord('rec_412', { ...created.data, name: 'v3' }, original)), 412);
      const current = await sdk.accessRecords.getRecord('rec_412');
      const httpDate = current.headers['last-modified'];
      assert.match(httpDate, /GMT$/);
      assert.equal(await statusOf(sdk.accessRecords.updateRecord('rec_412', { ...current.data, name: 'v4' }, httpDate)), 202);
      assert.equal(await statusOf(sdk.accessRecords.updateRecord('rec_412', { ...current.data, name: 'v5' }, 'Thu, 01 Jan 1970 00:00:00 GMT')), 412);
    });
  });

  describe('authorizeUser and user resources', () => {
    it('allows through the role, cascading to sub-resources, and denies otherwise', async () => {
      assert.equal((await sdk.userPermissions.authorizeUser('google|alice@acme.test', 'Accounts/acme', 'sso:update')).status, 200);
      assert.equal((await sdk.userPermissions.authorizeUser('google|alice@acme.test', 'Accounts/acme/Documents/d1', 'CONTENT:write')).status, 200);
      await assert.rejects(sdk.userPermissions.authorizeUser('google|alice@acme.test', 'Accounts/globex', 'accounts:read'), { code: 'UnauthorizedError' });
      await assert.rejects(sdk.userPermissions.authorizeUser('google|alice@acme.test', 'Accounts/acme', 'billing:read'), { code: 'UnauthorizedError' });
      await assert.rejects(sdk.userPermissions.authorizeUser('nobody', 'Accounts/acme', 'accounts:read'), { code: 'UnauthorizedError' });
    });

    it('matches `*` resource segments', async () => {
      assert.equal((await sdk.userPermissions.authorizeUser('google|vic@globex.test', 'Accounts/globex/Projects/p7', 'content:read')).status, 200);
      assert.equal((await sdk.userPermissions.authorizeUser('google|vic@globex.test', 'Accounts/globex/Projects/p7/Docs/1', 'content:read')).status, 200);
      await assert.rejects(sdk.userPermissions.authorizeUser('google|vic@globex.test', 'Accounts/globex', 'content:read'), { code: 'UnauthorizedError' });
      await assert.rejects(sdk.userPermissions.authorizeUser('google|vic@globex.test', 'Accounts/globex/Projects/p7', 'content:write'), { code: 'UnauthorizedError' });
    });

    it('lists roles on a resource including ones inherited from parents', async () => {
      const roles = await sdk.userPermissions.getUserRolesForResource('google|alice@acme.test', 'Accounts/acme/Documents/d1');
      assert.deepEqual(roles.data.roles, [{ roleId: 'Admin' }]);
      const none = await sdk.userPermissions.getUserRolesForResource('google|alice@acme.test', 'Accounts/globex');
      assert.deepEqual(none.data.roles, []);
    });

    it('lists the resources of a collection the user can access', async () => {
      const result = await sdk.userPermissions.getUserResources('google|alice@acme.test', 'Accounts/*', 20, undefined, 'accounts:read');
      assert.deepEqual(result.data.resources, [{ resourceUri: 'Accounts/acme' }]);
      const none = await sdk.userPermissions.getUserResources('google|alice@acme.test', 'Accounts/*', 20, undefined, 'billing:read');
      assert.deepEqual(none.data.resources, []);
    });

    it('lets a user check himself but not someone else (403)', async () => {
      const alice = await asUser('google|alice@acme.test');
      assert.equal((await alice.userPermissions.authorizeUser('google|alice@acme.test', 'Accounts/acme', 'accounts:read')).status, 200);
      assert.equal(await statusOf(alice.userPermissions.authorizeUser('google|vic@globex.test', 'Accounts/globex/Projects/p', 'content:read')), 403);
    });
  });

  describe('caller authentication and authorization', () => {
    it('rejects a service-client key with the wrong private key (401)', async () => {
      const other = await startEmulator();
      try {
        const [clientId, keyId, accountId] = emulator.accessKey.split('.');
        const wrongKey = [clientId, keyId, accountId, other.accessKey.split('.')[3]].join('.');
        const forged = new AuthressClient({ authressApiUrl: emulator.url }, wrongKey);
        assert.equal(await statusOf(forged.httpClient.get('/v1/roles')), 401);
      } finally {
        await other.close();
      }
    });

    it('rejects a missing token with 401 and a JSON error body', async () => {
      const response = await fetch(`${emulator.url}/v1/records`);
      assert.equal(response.status, 401);
      const body = await response.json() as Record<string, string>;
      assert.equal(body['errorCode'], 'Unauthorized');
      assert.ok(body['title'] && body['errorId']);
    });

    it('refuses management calls from a user without permission (403)', async () => {
      const alice = await asUser('google|alice@acme.test');
      assert.equal(await statusOf(alice.connections.getConnections()), 403);
      assert.equal(await statusOf(alice.tenants.createTenant({ tenantId: 'evil', data: { name: 'Evil' } })), 403);
      assert.equal(await statusOf(alice.accessRecords.createRecord({
        name: 'escalate', users: [{ userId: 'google|alice@acme.test' }], statements: [{ roles: ['Authress:Owner'], resources: [{ resourceUri: '*' }] }],
      })), 403);
    });

    it('lets a user grant roles he holds with grant on his own account', async () => {
      const alice = await asUser('google|alice@acme.test');
      const created = await alice.accessRecords.createRecord({
        name: 'editor by alice', users: [{ userId: 'google|ed@acme.test' }], statements: [{ roles: ['Editor'], resources: [{ resourceUri: 'Accounts/acme' }] }],
      });
      assert.equal(created.status, 201);
      assert.equal(await statusOf(alice.accessRecords.createRecord({
        name: 'editor elsewhere', users: [{ userId: 'google|ed@acme.test' }], statements: [{ roles: ['Editor'], resources: [{ resourceUri: 'Accounts/globex' }] }],
      })), 403);
    });
  });

  describe('connections and tenants', () => {
    it('supports connection CRUD without echoing the client secret', async () => {
      const created = await sdk.connections.createConnection({
        connectionId: 'con_acme', type: 'OAUTH2', authenticationUrl: 'http://127.0.0.1:1/auth', tokenUrl: 'http://127.0.0.1:1/token',
        issuerUrl: 'http://127.0.0.1:1', clientId: 'acme', clientSecret: 'S3cr3t-canary', data: { name: 'Acme SSO' },
      });
      assert.equal(created.status, 201);
      assert.equal(created.data.clientSecret, undefined);
      assert.equal(await statusOf(sdk.connections.createConnection({ connectionId: 'con_acme', authenticationUrl: 'http://x.test/' })), 409);
      assert.equal((await sdk.connections.getConnection('con_acme')).data.clientId, 'acme');
      const listed = await sdk.connections.getConnections();
      assert.ok(listed.data.connections.some((c: { connectionId: string }) => c.connectionId === 'con_acme'));
      const updated = await sdk.connections.updateConnection('con_acme', { ...created.data, clientId: 'acme2' });
      assert.equal(updated.data.clientId, 'acme2');
      assert.equal(emulator.state.connections().find((c) => c.connectionId === 'con_acme')?.clientSecret, 'S3cr3t-canary');
      assert.ok(!JSON.stringify(listed.data).includes('S3cr3t-canary'));
      await sdk.connections.deleteConnection('con_acme');
      assert.equal(await statusOf(sdk.connections.getConnection('con_acme')), 404);
    });

    it('supports tenant CRUD, with unique lookup identifiers and domains', async () => {
      await sdk.connections.createConnection({ connectionId: 'con_initech', authenticationUrl: 'http://127.0.0.1:1/auth', clientId: 'c' });
      const created = await sdk.tenants.createTenant({
        tenantId: 'initech', tenantLookupIdentifier: 'initech.test', data: { name: 'Initech' },
        connection: { connectionId: 'con_initech' }, domains: [{ domain: 'Initech.test' }],
      });
      assert.equal(created.status, 201);
      assert.deepEqual(created.data.domains, [{ domain: 'initech.test' }]);
      assert.equal((await sdk.tenants.getTenant('initech')).data.data.name, 'Initech');
      assert.ok((await sdk.tenants.getTenants()).data.tenants.some((t: { tenantId: string }) => t.tenantId === 'initech'));
      assert.equal(await statusOf(sdk.tenants.createTenant({ tenantId: 'copycat', tenantLookupIdentifier: 'initech.test' })), 409);
      const updated = await sdk.tenants.updateTenant('initech', { ...created.data, data: { name: 'Initech Corp' } });
      assert.equal(updated.data.data.name, 'Initech Corp');
      await sdk.tenants.deleteTenant('initech');
      assert.equal(await statusOf(sdk.tenants.getTenant('initech')), 404);
      assert.equal(await statusOf(sdk.connections.getConnection('con_initech')), 404, 'deleting a tenant deletes its connection');
    });
  });

  describe('invites, roles and users', () => {
    it('creates, reads and deletes an invite', async () => {
      const created = await sdk.invites.createInvite({ statements: [{ roles: ['Viewer'], resources: [{ resourceUri: 'Accounts/acme' }] }] });
      assert.equal(created.status, 201);
      assert.match(created.data.inviteId, /^inv_[A-Za-z0-9_-]{22,}$/);
      const expiry = Date.parse(created.data.expiryTime) - Date.now();
      assert.ok(expiry > 6.9 * 86400e3 && expiry <= 7 * 86400e3);
      assert.equal((await sdk.invites.getInvite(created.data.inviteId)).status, 200);
      await sdk.invites.deleteInvite(created.data.inviteId);
      assert.equal(await statusOf(sdk.invites.getInvite(created.data.inviteId)), 404);
    });

    it('applies an invite to the user who responds with his token, once', async () => {
      const created = await sdk.invites.createInvite({ statements: [{ roles: ['Editor'], resources: [{ resourceUri: 'Accounts/acme' }] }] });
      const bob = await asUser('google|bob@acme.test');
      assert.equal(await statusOf(sdk.invites.respondToInvite(created.data.inviteId)), 403, 'a service client cannot accept');
      assert.equal((await bob.invites.respondToInvite(created.data.inviteId)).status, 200);
      assert.equal((await sdk.userPermissions.authorizeUser('google|bob@acme.test', 'Accounts/acme', 'content:write')).status, 200);
      assert.equal(await statusOf(bob.invites.respondToInvite(created.data.inviteId)), 404);
      assert.equal(await statusOf(sdk.invites.getInvite(created.data.inviteId)), 404);
      assert.equal(await statusOf(sdk.invites.deleteInvite(created.data.inviteId)), 404, 'a used invite cannot be "revoked"');
    });

    it('refuses an invite granting a role the caller cannot grant', async () => {
      const viewer = await asUser('google|vic@globex.test');
      assert.equal(await statusOf(viewer.invites.createInvite({ statements: [{ roles: ['Admin'], resources: [{ resourceUri: 'Accounts/globex' }] }] })), 403);
    });

    it('lists and reads roles', async () => {
      const roles = await sdk.httpClient.get('/v1/roles');
      assert.deepEqual(roles.data.roles.map((r: { roleId: string }) => r.roleId), ['Admin', 'Editor', 'Viewer']);
      assert.equal(roles.data.roles[0].description, 'Manages the account: SSO, invitations and members');
      assert.equal((await sdk.roles.getRole('Viewer')).data.permissions.length, 2);
      assert.deepEqual((await sdk.roles.getRole('Authress:Owner')).data.permissions, [{ action: '*', allow: true, grant: true, delegate: true }]);
    });

    it('returns users who have signed in, 404 otherwise', async () => {
      await emulator.mintUserToken({ sub: 'google|dora@example.test', email: 'dora@example.test', name: 'Dora' });
      const user = await sdk.users.getUser('google|dora@example.test');
      assert.deepEqual(user.data, { userId: 'google|dora@example.test', name: 'Dora', email: 'dora@example.test' });
      assert.equal(await statusOf(sdk.users.getUser('google|ghost@example.test')), 404);
    });
  });
});
