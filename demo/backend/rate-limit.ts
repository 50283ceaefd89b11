// Fixed-window counters in memory (one process). Several buckets are checked together and only
// charged when all have room, so a refused request costs nothing.
import type { RateLimitRule } from './config.js';
import { ProblemError } from './problems.js';

export interface Charge { bucket: string; rule: RateLimitRule; cost?: number }

export function createRateLimiter(now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();

  function current(bucket: string, rule: RateLimitRule) {
    const t = now();
    let entry = windows.get(bucket);
    if (!entry || t >= entry.start + rule.windowMs) {
      entry = { start: t, count: 0 };
      windows.set(bucket, entry);
    }
    return entry;
  }

  return {
    /** Charges every bucket, or throws 429 rate-limited with Retry-After (seconds) and charges none. */
    take(charges: Charge[]): void {
      let retryAfterMs = 0;
      for (const { bucket, rule, cost = 1 } of charges) {
        const entry = current(bucket, rule);
        if (entry.count + cost > rule.limit) retryAfterMs = Math.max(retryAfterMs, entry.start + rule.windowMs - now());
      }
      if (retryAfterMs > 0) throw new ProblemError('rate-limited', { retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
      for (const { bucket, rule, cost = 1 } of charges) current(bucket, rule).count += cost;
      if (windows.size > 50_000) {
        const t = now();
        for (const [bucket, entry] of windows) if (t - entry.start > 24 * 60 * 60_000) windows.delete(bucket);
      }
    },
  };
}
