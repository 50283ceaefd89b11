// RFC 9457 problem details with the contract's stable `urn:authress-onboarding:problem:*` types.
export const PROBLEM_PREFIX = 'urn:authress-onboarding:problem:';

export interface FieldProblem { pointer: string; code: string; detail?: string }

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  retryAfter?: number;
  [extension: string]: unknown;
}

const TITLES: Record<string, [number, string]> = {
  'malformed-request': [400, 'The request is malformed'],
  'idempotency-key-missing': [400, 'A valid Idempotency-Key header is required'],
  unauthenticated: [401, 'Authentication is required'],
  forbidden: [403, 'You do not have permission to do this'],
  'role-not-grantable': [403, 'You may not grant this role'],
  'not-found': [404, 'Not found'],
  'method-not-allowed': [405, 'Method not allowed'],
  'idempotency-key-in-flight': [409, 'A request with this Idempotency-Key is still being processed'],
  'sso-domain-taken': [409, 'A domain is already used by another account'],
  'invite-not-pending': [409, 'The invite has already been used'],
  'payload-too-large': [413, 'The request body is too large'],
  'unsupported-media-type': [415, 'The request body must be application/json'],
  'validation-failed': [422, 'Some fields are invalid'],
  'idempotency-key-reused': [422, 'This Idempotency-Key was used with a different request'],
  'rate-limited': [429, 'Too many requests'],
  'internal-error': [500, 'Internal error'],
  'service-unavailable': [503, 'A service this request depends on is unavailable'],
};

export type ProblemSlug = keyof typeof TITLES;

/** Thrown anywhere in a handler; the error handler turns it into a problem+json response. */
export class ProblemError extends Error {
  readonly status: number;
  readonly body: ProblemBody;
  readonly headers: Record<string, string>;

  constructor(slug: string, options: { detail?: string; errors?: FieldProblem[]; retryAfter?: number; headers?: Record<string, string> } = {}) {
    const [status, title] = TITLES[slug] ?? TITLES['internal-error'];
    super(title);
    this.status = status;
    this.body = { type: PROBLEM_PREFIX + slug, title, status };
    if (options.detail) this.body.detail = options.detail;
    if (options.errors) this.body.errors = options.errors;
    this.headers = { ...options.headers };
    if (options.retryAfter !== undefined) {
      this.body.retryAfter = options.retryAfter;
      this.headers['Retry-After'] = String(options.retryAfter);
    }
  }
}

export const problemType = (slug: string) => PROBLEM_PREFIX + slug;

export function problemResponse(problem: ProblemError): Response {
  return new Response(JSON.stringify(problem.body), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...problem.headers },
  });
}

export const validationFailed = (errors: FieldProblem[]) => new ProblemError('validation-failed', { errors });
export const unavailable = (retryAfter = 2, detail?: string) => new ProblemError('service-unavailable', { retryAfter, detail });
