// The backend's own SQLite data: account names, SSO settings minus secrets, invites, idempotency keys, outbox.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  account_id TEXT PRIMARY KEY, name TEXT NOT NULL, contact_name TEXT NOT NULL, contact_email TEXT NOT NULL,
  fields_json TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
  user_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
  state TEXT NOT NULL,            -- in_flight | retryable | done
  resource_id TEXT,               -- id chosen on the first attempt, reused by retries
  status INTEGER, body TEXT, headers_json TEXT,
  locked_until INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key));
CREATE TABLE IF NOT EXISTS sso (
  account_id TEXT PRIMARY KEY, type TEXT NOT NULL, settings_json TEXT NOT NULL,
  client_secret_set INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sso_domains (domain TEXT PRIMARY KEY, account_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invites (
  invite_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, email TEXT NOT NULL, role_id TEXT NOT NULL,
  state TEXT NOT NULL,            -- pending | revoked | used
  invited_by TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS invites_by_account ON invites (account_id, email);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT, to_addr TEXT NOT NULL, subject TEXT NOT NULL, text TEXT NOT NULL,
  html TEXT NOT NULL, links_json TEXT NOT NULL, sent_at INTEGER NOT NULL);
`;

export interface AccountRow { account_id: string; name: string; contact_name: string; contact_email: string; fields_json: string; created_by: string; created_at: number }
export interface IdempotencyRow { user_id: string; key: string; fingerprint: string; state: 'in_flight' | 'retryable' | 'done'; resource_id: string | null; status: number | null; body: string | null; headers_json: string | null; locked_until: number; expires_at: number }
export interface SsoRow { account_id: string; type: 'oauth2' | 'saml'; settings_json: string; client_secret_set: number; updated_at: number }
export interface InviteRow { invite_id: string; account_id: string; email: string; role_id: string; state: 'pending' | 'revoked' | 'used'; invited_by: string; created_at: number; expires_at: number }
export interface OutboxEntry { to: string; subject: string; text: string; html: string; links: string[]; sentAt: string }

export type Db = ReturnType<typeof openDatabase>;

export function openDatabase(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const stmt = {
    insertAccount: db.prepare('INSERT INTO accounts VALUES (@account_id, @name, @contact_name, @contact_email, @fields_json, @created_by, @created_at) ON CONFLICT DO NOTHING'),
    getAccount: db.prepare('SELECT * FROM accounts WHERE account_id = ?'),
    listAccounts: db.prepare('SELECT * FROM accounts ORDER BY created_at LIMIT 1000'),
    reserveKey: db.prepare(`INSERT INTO idempotency (user_id, key, fingerprint, state, locked_until, expires_at)
      VALUES (?, ?, ?, 'in_flight', ?, ?) ON CONFLICT DO NOTHING`),
    dropExpiredKey: db.prepare('DELETE FROM idempotency WHERE user_id = ? AND key = ? AND expires_at <= ?'),
    getKey: db.prepare('SELECT * FROM idempotency WHERE user_id = ? AND key = ?'),
    // Takes over a retryable key, or one whose worker died (lock expired), in one atomic statement.
    retakeKey: db.prepare(`UPDATE idempotency SET state = 'in_flight', locked_until = ?
      WHERE user_id = ? AND key = ? AND (state = 'retryable' OR (state = 'in_flight' AND locked_until <= ?))`),
    // Compare-and-set on locked_until: only the attempt that set the current lock can push it out.
    extendKey: db.prepare(`UPDATE idempotency SET locked_until = ?
      WHERE user_id = ? AND key = ? AND state = 'in_flight' AND locked_until = ?`),
    setKeyResource: db.prepare('UPDATE idempotency SET resource_id = ? WHERE user_id = ? AND key = ?'),
    completeKey: db.prepare(`UPDATE idempotency SET state = 'done', status = ?, body = ?, headers_json = ? WHERE user_id = ? AND key = ?`),
    releaseKey: db.prepare(`UPDATE idempotency SET state = 'retryable' WHERE user_id = ? AND key = ?`),
    deleteKey: db.prepare('DELETE FROM idempotency WHERE user_id = ? AND key = ?'),
    purgeKeys: db.prepare('DELETE FROM idempotency WHERE expires_at <= ?'),
    getSso: db.prepare('SELECT * FROM sso WHERE account_id = ?'),
    upsertSso: db.prepare(`INSERT INTO sso VALUES (@account_id, @type, @settings_json, @client_secret_set, @updated_at)
      ON CONFLICT (account_id) DO UPDATE SET type = excluded.type, settings_json = excluded.settings_json,
      client_secret_set = excluded.client_secret_set, updated_at = excluded.updated_at`),
    domainOwner: db.prepare('SELECT account_id FROM sso_domains WHERE domain = ?'),
    claimDomain: db.prepare('INSERT INTO sso_domains VALUES (?, ?) ON CONFLICT DO NOTHING'),
    releaseDomain: db.prepare('DELETE FROM sso_domains WHERE domain = ? AND account_id = ?'),
    domainsOf: db.prepare('SELECT domain FROM sso_domains WHERE account_id = ?'),
    insertInvite: db.prepare('INSERT INTO invites VALUES (@invite_id, @account_id, @email, @role_id, @state, @invited_by, @created_at, @expires_at)'),
    getInvite: db.prepare('SELECT * FROM invites WHERE invite_id = ?'),
    pendingInvitesFor: db.prepare(`SELECT * FROM invites WHERE account_id = ? AND state = 'pending' AND expires_at > ? ORDER BY created_at, invite_id`),
    pendingInviteForEmail: db.prepare(`SELECT * FROM invites WHERE account_id = ? AND email = ? AND state = 'pending' AND expires_at > ? ORDER BY created_at DESC LIMIT 1`),
    setInviteState: db.prepare('UPDATE invites SET state = ? WHERE invite_id = ?'),
    insertOutbox: db.prepare('INSERT INTO outbox (to_addr, subject, text, html, links_json, sent_at) VALUES (?, ?, ?, ?, ?, ?)'),
    listOutbox: db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT 200'),
  };

  return {
    raw: db,
    close: () => db.close(),
    insertAccount: (row: AccountRow) => stmt.insertAccount.run(row).changes === 1,
    getAccount: (accountId: string) => stmt.getAccount.get(accountId) as AccountRow | undefined,
    listAccounts: () => stmt.listAccounts.all() as AccountRow[],
    idempotency: {
      /** Atomic reservation: true when this caller now owns the key. */
      reserve(userId: string, key: string, fingerprint: string, now: number, lockMs: number, ttlMs: number): boolean {
        stmt.dropExpiredKey.run(userId, key, now);
        return stmt.reserveKey.run(userId, key, fingerprint, now + lockMs, now + ttlMs).changes === 1;
      },
      get: (userId: string, key: string) => stmt.getKey.get(userId, key) as IdempotencyRow | undefined,
      retake: (userId: string, key: string, now: number, lockMs: number) => stmt.retakeKey.run(now + lockMs, userId, key, now).changes === 1,
      /** Moves the lock to `lockedUntil` if it still reads `heldUntil` (the caller's own lock). */
      extend: (userId: string, key: string, heldUntil: number, lockedUntil: number) => stmt.extendKey.run(lockedUntil, userId, key, heldUntil).changes === 1,
      setResource: (userId: string, key: string, resourceId: string) => stmt.setKeyResource.run(resourceId, userId, key),
      complete: (userId: string, key: string, status: number, body: string, headers: Record<string, string>) =>
        stmt.completeKey.run(status, body, JSON.stringify(headers), userId, key),
      release: (userId: string, key: string) => stmt.releaseKey.run(userId, key),
      remove: (userId: string, key: string) => stmt.deleteKey.run(userId, key),
      purge: (now: number) => stmt.purgeKeys.run(now).changes,
    },
    sso: {
      get: (accountId: string) => stmt.getSso.get(accountId) as SsoRow | undefined,
      upsert: (row: SsoRow) => stmt.upsertSso.run(row),
      domainOwner: (domain: string) => (stmt.domainOwner.get(domain) as { account_id: string } | undefined)?.account_id,
      /** Claims the domains for the account in one transaction; returns the ones another account holds. */
      claimDomains: db.transaction((accountId: string, domains: string[]) => {
        const taken: string[] = [];
        const claimed: string[] = [];
        for (const domain of domains) {
          if (stmt.claimDomain.run(domain, accountId).changes === 1) claimed.push(domain);
          else if ((stmt.domainOwner.get(domain) as { account_id: string }).account_id !== accountId) taken.push(domain);
        }
        if (taken.length > 0) for (const domain of claimed) stmt.releaseDomain.run(domain, accountId);
        return { taken, claimed: taken.length > 0 ? [] : claimed };
      }),
      releaseDomains: (accountId: string, domains: string[]) => { for (const d of domains) stmt.releaseDomain.run(d, accountId); },
      domainsOf: (accountId: string) => (stmt.domainsOf.all(accountId) as Array<{ domain: string }>).map((r) => r.domain),
    },
    invites: {
      insert: (row: InviteRow) => stmt.insertInvite.run(row),
      get: (inviteId: string) => stmt.getInvite.get(inviteId) as InviteRow | undefined,
      pending: (accountId: string, now: number) => stmt.pendingInvitesFor.all(accountId, now) as InviteRow[],
      pendingFor: (accountId: string, email: string, now: number) => stmt.pendingInviteForEmail.get(accountId, email, now) as InviteRow | undefined,
      setState: (inviteId: string, state: InviteRow['state']) => stmt.setInviteState.run(state, inviteId),
    },
    outbox: {
      add: (entry: OutboxEntry) => stmt.insertOutbox.run(entry.to, entry.subject, entry.text, entry.html, JSON.stringify(entry.links), Date.parse(entry.sentAt)),
      list: (): OutboxEntry[] => (stmt.listOutbox.all() as Array<{ to_addr: string; subject: string; text: string; html: string; links_json: string; sent_at: number }>)
        .map((r) => ({ to: r.to_addr, subject: r.subject, text: r.text, html: r.html, links: JSON.parse(r.links_json) as string[], sentAt: new Date(r.sent_at).toISOString() })),
    },
  };
}
