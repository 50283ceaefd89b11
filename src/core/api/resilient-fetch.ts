import { ApiError, readProblem, retryAfterSeconds, slugOf } from './problem.js';

export interface ResilienceOptions {
  fetch: typeof fetch;
  /** Per-attempt timeout (ms). */
  timeoutMs: number;
  /** Automatic retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Longest `Retry-After` we wait for automatically (seconds, default 5); longer waits go to the user. */
  maxAutoWaitSeconds?: number;
  /** Seam for tests: waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/**
 * Wraps fetch with a timeout per attempt and automatic retries — only for requests that are safe
 * to repeat: GET/PUT/DELETE, and POSTs that carry an Idempotency-Key (the backend replays or
 * dedupes them). Retries happen on network errors, timeouts, 502/503/504, 429 with a short
 * Retry-After, and 409 `idempotency-key-in-flight`. Everything else comes back as is.
 */
export function resilientFetch(options: ResilienceOptions): (request: Request) => Promise<Response> {
  const maxRetries = options.maxRetries ?? 2;
  const maxAutoWait = options.maxAutoWaitSeconds ?? 5;
  const sleep = options.sleep ?? defaultSleep;

  return async (request: Request) => {
    const safeToRepeat = request.method !== 'POST' || request.headers.has('Idempotency-Key');
    const template = request.clone();
    for (let attempt = 0; ; attempt++) {
      const outcome = await attemptOnce(options.fetch, template.clone(), options.timeoutMs, request.signal);
      const canRetry = safeToRepeat && attempt < maxRetries && !request.signal.aborted;
      if (outcome instanceof Response) {
        if (!canRetry || !(await shouldRetry(outcome))) return outcome;
        const wait = retryAfterSeconds(outcome);
        if (wait !== undefined && wait > maxAutoWait) return outcome;
        await sleep(wait !== undefined ? wait * 1000 : backoff(attempt), request.signal);
      } else {
        if (!canRetry || outcome.code === 'aborted') throw outcome;
        await sleep(backoff(attempt), request.signal);
      }
      // Aborted while waiting: the sleep ends early, and no further attempt may go out.
      if (request.signal.aborted) throw new ApiError(0, null, 'aborted');
    }
  };
}

async function attemptOnce(
  doFetch: typeof fetch,
  request: Request,
  timeoutMs: number,
  callerSignal: AbortSignal,
): Promise<Response | ApiError> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  // addEventListener('abort') never fires for a signal that is already aborted.
  if (callerSignal.aborted) controller.abort();
  else callerSignal.addEventListener('abort', onAbort, { once: true });
  try {
    return await doFetch(new Request(request, { signal: controller.signal }));
  } catch {
    if (callerSignal.aborted) return new ApiError(0, null, 'aborted');
    return new ApiError(0, null, timedOut ? 'timeout' : 'network-error');
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener('abort', onAbort);
  }
}

async function shouldRetry(response: Response): Promise<boolean> {
  if (RETRYABLE_STATUS.has(response.status)) return true;
  if (response.status === 409) return slugOf((await readProblem(response))?.type) === 'idempotency-key-in-flight';
  return false;
}

// 300 ms, 900 ms, … with jitter, so many tabs retrying after an outage don't arrive together.
function backoff(attempt: number): number {
  return 300 * 3 ** attempt * (0.75 + Math.random() * 0.5);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
