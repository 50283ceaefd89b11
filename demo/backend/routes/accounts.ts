// POST /accounts and GET /accounts.
import { createHash, randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { OWNER_ROLE, accountResource, highestRole } from '../access.js';
import type { AccountRow } from '../db.js';
import { fingerprint, parseIdempotencyKey } from '../idempotency.js';
import type { FieldProblem } from '../problems.js';
import { accountIdParam, authenticate, clientIp, json, readJson, type Env } from '../request.js';
import type { Services } from '../services.js';

interface NewAccount { accountName: string; contactName: string; contactEmail: string; fields?: Record<string, string | number | boolean> }

/** 128 bits from the CSPRNG: ids are not guessable. */
const newAccountId = () => `acc_${randomBytes(16).toString('base64url')}`;

/**
 * The access record id is predictable, so a retry finds (409) what an earlier attempt created:
 * `rec_Accounts:{accountId}:User:{userRef}`. The user part is a digest of the user id, not the id
 * itself: Authress record ids allow only `[a-zA-Z0-9-_:|~]` and 100 characters, and user ids like
 * `google|ada@acme.test` (or long SSO subjects) would break either rule.
 */
export const ownerRecordId = (accountId: string, userId: string) =>
  `rec_Accounts:${accountId}:User:${createHash('sha256').update(userId).digest('base64url').slice(0, 22)}`;

export function toAccount(row: AccountRow) {
  return {
    accountId: row.account_id,
    name: row.name,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    fields: JSON.parse(row.fields_json) as Record<string, string | number | boolean>,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function blankChecks(body: NewAccount): FieldProblem[] {
  return (['accountName', 'contactName'] as const)
    .filter((field) => body[field].trim().length === 0)
    .map((field) => ({ pointer: `/${field}`, code: 'required', detail: 'This field is required.' }));
}

export function registerAccountRoutes(app: Hono<Env>, s: Services): void {
  app.post('/accounts', async (c) => {
    c.set('operationId', 'createAccount');
    const userId = await authenticate(c, s);
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    const body = await readJson<NewAccount>(c, s, 'NewAccount', blankChecks);
    const ip = clientIp(c, s);

    const result = await s.idempotency.run(userId, key, fingerprint('POST', '/accounts', body), async (attempt) => {
      s.limiter.take([
        { bucket: `accounts:user:${userId}`, rule: s.config.rateLimits.accountsPerUser },
        { bucket: `accounts:ip:${ip}`, rule: s.config.rateLimits.accountsPerIp },
      ]);
      // A retry after a failed attempt reuses that attempt's id, so at most one account ever exists per key.
      const accountId = attempt.resourceId ?? newAccountId();
      attempt.remember(accountId);
      // Authress first, database second: the row only appears once the owner's access exists, so a
      // failure leaves nothing behind locally, and the retry's createRecord answers 409 if it had landed.
      const outcome = await s.authress.createRecord({
        recordId: ownerRecordId(accountId, userId),
        name: `Owner of ${accountResource(accountId)}`,
        users: [{ userId }],
        statements: [{ roles: [OWNER_ROLE], resources: [{ resourceUri: accountResource(accountId) }] }],
      });
      s.db.insertAccount({
        account_id: accountId,
        name: body.accountName.trim(),
        contact_name: body.contactName.trim(),
        contact_email: body.contactEmail.trim(),
        fields_json: JSON.stringify(body.fields ?? {}),
        created_by: userId,
        created_at: s.now(),
      });
      s.log('info', 'account-created', { accountId, recordOutcome: outcome });
      return {
        status: 201,
        body: { account: toAccount(s.db.getAccount(accountId)!), role: OWNER_ROLE },
        headers: { Location: `/accounts/${accountId}` },
      };
    });
    return json(result.status, result.body, { ...result.headers, ...(result.replayed ? { 'Idempotency-Replayed': 'true' } : {}) });
  });

  app.get('/accounts/:accountId', async (c) => {
    c.set('operationId', 'getAccount');
    const userId = await authenticate(c, s);
    const accountId = accountIdParam(c);
    const row = await s.access.requireAccount(userId, accountId, s.contract.permissionFor('getAccount'));
    const role = highestRole(await s.authress.rolesOn(userId, accountResource(accountId)));
    return json(200, { account: toAccount(row), role: role ?? 'Viewer' });
  });

  app.get('/accounts', async (c) => {
    c.set('operationId', 'listAccounts');
    const userId = await authenticate(c, s);
    const visible = await s.authress.resourcesWith(userId, 'Accounts/*', 'accounts:read');
    const rows = visible.all
      ? s.db.listAccounts()
      : [...new Set(visible.uris.map((uri) => /^\/?Accounts\/([^/]+)\/?$/.exec(uri)?.[1]).filter((id): id is string => !!id))]
        .map((id) => s.db.getAccount(id)).filter((row): row is AccountRow => !!row);
    const accounts = await Promise.all(rows.map(async (row) => {
      const role = highestRole(await s.authress.rolesOn(userId, accountResource(row.account_id)));
      return { accountId: row.account_id, name: row.name, role: role ?? 'Viewer' };
    }));
    accounts.sort((a, b) => a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId));
    return json(200, { accounts });
  });
}
