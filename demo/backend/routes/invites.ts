// Roles, invitations and the public invite preview. Authress holds the invite (and decides whether
// it is still open); we keep who it was for, its expiry and whether we revoked it, and send the email.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { accountResource } from '../access.js';
import type { Authress } from '../authress.js';
import type { InviteRow } from '../db.js';
import { fingerprint, parseIdempotencyKey } from '../idempotency.js';
import { inviteEmail } from '../mailer.js';
import { ProblemError, problemType, validationFailed } from '../problems.js';
import { accountIdParam, authenticate, clientIp, inviteIdParam, json, readJson, type Env } from '../request.js';
import type { Services } from '../services.js';

interface NewInvites { emails: string[]; roleId: string }
type InviteResult = { email: string; status: 'sent' | 'already_pending' | 'invalid' | 'failed'; inviteId?: string; expiresAt?: string; problemType?: string };

const iso = (ms: number) => new Date(ms).toISOString();
/** Invite ids are bearer capabilities: logs carry a short hash instead. */
const inviteRef = (inviteId: string) => createHash('sha256').update(inviteId).digest('hex').slice(0, 12);

/** Runs fn over items with at most `limit` in flight (Authress calls per request stay bounded). */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  }));
  return results;
}

/** True when the locally pending invite is still open at Authress; records `used` when it is not. */
async function stillOpen(s: Services, authress: Authress, row: InviteRow): Promise<boolean> {
  if (await authress.inviteIsOpen(row.invite_id)) return true;
  s.db.invites.setState(row.invite_id, 'used');
  return false;
}

export function inviteLink(s: Services, inviteId: string): string {
  // Built only from configuration (APP_URL + INVITE_PATH), never from Host or X-Forwarded-Host.
  const url = new URL(s.config.invitePath, s.config.appUrl);
  url.searchParams.set('inviteId', inviteId);
  return url.toString();
}

export function registerInviteRoutes(app: Hono<Env>, s: Services): void {
  // Addresses being invited right now, per account. The "already pending?" check and the insert
  // are separated by Authress and mail calls, so two requests (with different idempotency keys)
  // could otherwise both invite — and email — the same person. One process holds this state, like
  // the rate limiter; several processes would need a reservation row in a shared database.
  const inviting = new Set<string>();

  app.get('/accounts/:accountId/roles', async (c) => {
    c.set('operationId', 'listGrantableRoles');
    const userId = await authenticate(c, s);
    const accountId = accountIdParam(c);
    await s.access.requireAccount(userId, accountId, s.contract.permissionFor('listGrantableRoles'));
    const { grantable } = await s.access.grantableRoles(userId, accountId);
    return json(200, { roles: grantable.map((role) => ({ roleId: role.roleId, name: role.name, description: role.description ?? null })) });
  });

  app.post('/accounts/:accountId/invites', async (c) => {
    c.set('operationId', 'createInvites');
    const userId = await authenticate(c, s);
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    const accountId = accountIdParam(c);
    const account = await s.access.requireAccount(userId, accountId, s.contract.permissionFor('createInvites'));
    const body = await readJson<NewInvites>(c, s, 'NewInvites');
    const { all, grantable } = await s.access.grantableRoles(userId, accountId);
    const role = all.find((r) => r.roleId === body.roleId);
    // Authress built-ins (Authress:Owner…) are never handed out by invitation.
    if (!role && !body.roleId.startsWith('Authress:')) throw validationFailed([{ pointer: '/roleId', code: 'invalid-value', detail: 'Unknown role.' }]);
    if (!role || !grantable.some((r) => r.roleId === body.roleId)) {
      s.log('warn', 'role-not-grantable', { accountId, roleId: body.roleId });
      throw new ProblemError('role-not-grantable', { errors: [{ pointer: '/roleId', code: 'role-not-grantable', detail: 'You may not grant this role.' }] });
    }

    // Trim, lower-case, dedupe; keep input order. Invalid addresses are reported, not fatal.
    const addresses: Array<{ email: string; valid: boolean }> = [];
    for (const raw of body.emails) {
      const email = raw.trim().toLowerCase();
      if (addresses.some((a) => a.email === email)) continue;
      addresses.push({ email, valid: s.contract.check('Email', email).length === 0 });
    }
    const validCount = addresses.filter((a) => a.valid).length;
    const ip = clientIp(c, s);

    const result = await s.idempotency.run(userId, key, fingerprint('POST', `/accounts/${accountId}/invites`, body), async (attempt) => {
      if (validCount > 0) {
        s.limiter.take([
          { bucket: `invites:account:${accountId}`, rule: s.config.rateLimits.inviteAddressesPerAccount, cost: validCount },
          { bucket: `invites:ip:${ip}`, rule: s.config.rateLimits.inviteAddressesPerIp, cost: validCount },
        ]);
      }
      const tenantId = s.db.sso.get(accountId) ? accountId : undefined;
      const results: InviteResult[] = [];
      let unavailable = 0;
      let lockLost = false;
      for (const { email, valid } of addresses) {
        // Up to 50 addresses, each with Authress calls and an email, can outlast the key's lock:
        // keep it while we make progress, so a client retry is told 409 instead of taking over.
        if (!attempt.heartbeat() && !lockLost) {
          lockLost = true;
          s.log('warn', 'idempotency-lock-lost', { accountId });
        }
        if (!valid) {
          results.push({ email, status: 'invalid', problemType: problemType('invalid-email') });
          continue;
        }
        const slot = `${accountId} ${email}`;
        if (inviting.has(slot)) {
          results.push({ email, status: 'already_pending' });
          continue;
        }
        inviting.add(slot);
        try {
          const pending = s.db.invites.pendingFor(accountId, email, s.now());
          if (pending && await stillOpen(s, s.authress, pending)) {
            results.push({ email, status: 'already_pending', inviteId: pending.invite_id, expiresAt: iso(pending.expires_at) });
            continue;
          }
          const inviteId = await s.authress.createInvite({
            ...(tenantId ? { tenantId } : {}),
            statements: [{ roles: [role.roleId], resources: [{ resourceUri: accountResource(accountId) }] }],
          });
          const createdAt = s.now();
          const expiresAt = createdAt + s.config.inviteTtlMs;
          s.db.invites.insert({ invite_id: inviteId, account_id: accountId, email, role_id: role.roleId, state: 'pending', invited_by: userId, created_at: createdAt, expires_at: expiresAt });
          try {
            await s.mailer.send(inviteEmail({ to: email, accountName: account.name, roleName: role.name, link: inviteLink(s, inviteId), expiresAt: new Date(expiresAt) }));
          } catch {
            // An invite nobody was told about would block the next attempt as "already pending": undo it.
            s.log('error', 'invite-email-failed', { accountId, inviteRef: inviteRef(inviteId) });
            s.db.invites.setState(inviteId, 'revoked');
            await s.authress.deleteInvite(inviteId).catch(() => undefined);
            results.push({ email, status: 'failed', problemType: problemType('invite-failed') });
            continue;
          }
          results.push({ email, status: 'sent', inviteId, expiresAt: iso(expiresAt) });
        } catch (error) {
          if (error instanceof ProblemError && error.status === 503) unavailable++;
          else s.log('error', 'invite-failed', { accountId, reason: error instanceof Error ? error.name : 'unknown' });
          results.push({ email, status: 'failed', problemType: problemType('invite-failed') });
        } finally {
          inviting.delete(slot);
        }
      }
      // Nothing got through because Authress is down: answer 503 and keep the key retryable.
      if (unavailable > 0 && unavailable === validCount) throw new ProblemError('service-unavailable', { retryAfter: 5 });
      s.log('info', 'invites-processed', { accountId, sent: results.filter((r) => r.status === 'sent').length, total: results.length });
      return { status: 200, body: { results }, headers: {} };
    });
    return json(result.status, result.body, result.replayed ? { 'Idempotency-Replayed': 'true' } : {});
  });

  app.get('/accounts/:accountId/invites', async (c) => {
    c.set('operationId', 'listPendingInvites');
    const userId = await authenticate(c, s);
    const accountId = accountIdParam(c);
    await s.access.requireAccount(userId, accountId, s.contract.permissionFor('listPendingInvites'));
    const rows = s.db.invites.pending(accountId, s.now());
    const [open, roles] = await Promise.all([mapLimited(rows, 8, (row) => stillOpen(s, s.authress, row)), s.authress.listRoles()]);
    const invites = rows.filter((_, i) => open[i]).map((row) => ({
      inviteId: row.invite_id,
      email: row.email,
      roleId: row.role_id,
      roleName: roles.find((r) => r.roleId === row.role_id)?.name ?? null,
      createdAt: iso(row.created_at),
      expiresAt: iso(row.expires_at),
    }));
    return json(200, { invites });
  });

  app.delete('/accounts/:accountId/invites/:inviteId', async (c) => {
    c.set('operationId', 'revokeInvite');
    const userId = await authenticate(c, s);
    const accountId = accountIdParam(c);
    const inviteId = inviteIdParam(c);
    await s.access.requireAccount(userId, accountId, s.contract.permissionFor('revokeInvite'));
    const row = s.db.invites.get(inviteId);
    if (!row || row.account_id !== accountId) throw new ProblemError('not-found');
    if (row.state === 'used') throw new ProblemError('invite-not-pending');
    if (row.state === 'pending') {
      // Ask first: Authress may delete an invite that was already accepted and still answer 204,
      // and revoking then would tell the admin access was withdrawn when it was not.
      if (row.expires_at > s.now() && !(await s.authress.inviteIsOpen(inviteId))) {
        s.db.invites.setState(inviteId, 'used');
        throw new ProblemError('invite-not-pending');
      }
      const outcome = await s.authress.deleteInvite(inviteId);
      // Gone at Authress before its expiry means someone accepted it in between.
      if (outcome === 'gone' && row.expires_at > s.now()) {
        s.db.invites.setState(inviteId, 'used');
        throw new ProblemError('invite-not-pending');
      }
      s.db.invites.setState(inviteId, 'revoked');
      s.log('info', 'invite-revoked', { accountId, inviteRef: inviteRef(inviteId) });
    }
    return c.body(null, 204);
  });

  app.get('/invites/:inviteId', async (c) => {
    c.set('operationId', 'previewInvite');
    s.limiter.take([{ bucket: `preview:ip:${clientIp(c, s)}`, rule: s.config.rateLimits.invitePreviewPerIp }]);
    const inviteId = inviteIdParam(c);
    const row = s.db.invites.get(inviteId);
    const account = row && s.db.getAccount(row.account_id);
    if (!row || !account) throw new ProblemError('not-found');
    let status: 'pending' | 'expired' | 'used' | 'revoked';
    if (row.state === 'revoked') status = 'revoked';
    else if (row.state === 'used') status = 'used';
    else if (row.expires_at <= s.now()) status = 'expired';
    else status = (await stillOpen(s, s.authress, row)) ? 'pending' : 'used';
    return json(200, { inviteId, accountName: account.name, status, expiresAt: iso(row.expires_at) });
  });
}
