// Idempotency-Key handling (draft-ietf-httpapi-idempotency-key-header): keys are scoped to
// (user, key), kept 24 h, reserved by one atomic INSERT … ON CONFLICT DO NOTHING, and bound to a
// SHA-256 fingerprint of the request so a reused key with another body is refused.
import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import { ProblemError } from './problems.js';

/** Bare token or RFC 8941 sf-string; 16–255 visible characters. */
const BARE = /^[A-Za-z0-9\-._~:+/=]{16,255}$/;
const QUOTED = /^"([\x20\x21\x23-\x5B\x5D-\x7E]{16,255})"$/;

export function parseIdempotencyKey(header: string | undefined): string {
  const value = header?.trim() ?? '';
  const key = QUOTED.exec(value)?.[1] ?? (BARE.test(value) ? value : undefined);
  if (!key) {
    throw new ProblemError('idempotency-key-missing', {
      detail: 'Send a fresh Idempotency-Key (a UUID, 16–255 characters) with each submission and reuse it on retries.',
    });
  }
  return key;
}

/** JSON with object keys sorted, so formatting and key order do not change the fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonical(body)}`).digest('hex');
}

export interface StoredResponse { status: number; body: unknown; headers: Record<string, string> }

export interface IdempotentContext {
  /** The id chosen by an earlier, failed attempt under this key (reuse it), if any. */
  resourceId?: string;
  /** Records the id this attempt uses, before any side effect outside the database. */
  remember(resourceId: string): void;
  /**
   * Long work calls this between steps: it pushes the lock out to a full `lockMs` from now, so a retry
   * cannot take the key over while this attempt is still making progress. Returns false when the
   * lock was already lost (expired and taken over); the lock is then left alone.
   */
  heartbeat(): boolean;
}

export function createIdempotency(db: Db, now: () => number, ttlMs: number, lockMs = 60_000) {
  return {
    /**
     * Runs `work` at most once per (user, key) to completion. Replays the stored response after
     * completion; 409 while another request holds the key; 422 when the fingerprint differs.
     * A 503/500 leaves the key retryable (with its resource id); a 429 forgets it entirely.
     */
    async run(userId: string, key: string, print: string, work: (ctx: IdempotentContext) => Promise<StoredResponse>): Promise<StoredResponse & { replayed: boolean }> {
      const t = now();
      let lockedUntil = t + lockMs;
      let resourceId: string | undefined;
      if (!db.idempotency.reserve(userId, key, print, t, lockMs, ttlMs)) {
        const row = db.idempotency.get(userId, key);
        if (!row) throw new ProblemError('idempotency-key-in-flight', { retryAfter: 1 });
        if (row.fingerprint !== print) throw new ProblemError('idempotency-key-reused');
        if (row.state === 'done') {
          return { status: row.status!, body: JSON.parse(row.body!), headers: JSON.parse(row.headers_json ?? '{}') as Record<string, string>, replayed: true };
        }
        if (!db.idempotency.retake(userId, key, t, lockMs)) throw new ProblemError('idempotency-key-in-flight', { retryAfter: 1 });
        resourceId = row.resource_id ?? undefined;
      }
      const heartbeat = () => {
        const next = Math.max(now() + lockMs, lockedUntil);
        if (!db.idempotency.extend(userId, key, lockedUntil, next)) return false;
        lockedUntil = next;
        return true;
      };
      try {
        const result = await work({ resourceId, remember: (id) => db.idempotency.setResource(userId, key, id), heartbeat });
        db.idempotency.complete(userId, key, result.status, JSON.stringify(result.body), result.headers);
        return { ...result, replayed: false };
      } catch (error) {
        if (error instanceof ProblemError && error.status === 429) db.idempotency.remove(userId, key);
        else db.idempotency.release(userId, key);
        throw error;
      }
    },
    purge: () => db.idempotency.purge(now()),
  };
}
