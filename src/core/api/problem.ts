import type { FieldProblem, Problem } from './types.js';

const PROBLEM_PREFIX = 'urn:authress-onboarding:problem:';

/**
 * Codes for failures that never reached the backend (or came back unreadable). Together with the
 * problem-type slugs of docs/contract.md they are the `code` of every failure event.
 */
export type ClientFailureCode = 'network-error' | 'timeout' | 'not-signed-in' | 'configuration-error' | 'unexpected-response';

/** A failed API call: the backend's problem (RFC 9457) or a client-side failure. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** Stable code: the problem-type slug (`validation-failed`, `rate-limited`, …) or a ClientFailureCode. */
  readonly code: string;
  /** Field problems (`errors[]`), empty when none. */
  readonly fieldErrors: readonly FieldProblem[];
  /** Seconds the backend asked us to wait (429/503), when it said. */
  readonly retryAfter?: number;

  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    code?: string,
    retryAfter?: number,
  ) {
    super(problem?.title ?? code ?? `HTTP ${status}`);
    this.code = code ?? slugOf(problem?.type) ?? `http-${status}`;
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.retryAfter = retryAfter ?? (typeof problem?.retryAfter === 'number' ? problem.retryAfter : undefined);
  }
}

export function slugOf(type: string | undefined): string | undefined {
  if (!type) return undefined;
  return type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : undefined;
}

/** Reads a problem body; anything that is not a problem object yields null (never throws). */
export async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const body: unknown = await response.clone().json();
    if (body && typeof body === 'object' && typeof (body as Problem).type === 'string') return body as Problem;
  } catch {
    // not JSON: the caller falls back to the status
  }
  return null;
}

/** Parses `Retry-After` (seconds or HTTP date) into seconds, or undefined. */
export function retryAfterSeconds(response: Response, now = Date.now()): number | undefined {
  const value = response.headers.get('Retry-After');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
