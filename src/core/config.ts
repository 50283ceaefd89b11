import type { LoginClientLike } from './login-client.js';

/** Settings shared by every element on the page. Attributes on an element override them. */
export interface OnboardingConfig {
  /** The Authress login host (custom domain), e.g. `https://login.example.com`. */
  loginHost?: string;
  /** The Authress application id, e.g. `app_abc123`. */
  applicationId?: string;
  /** Base URL of your backend's onboarding API (the contract in docs/openapi.yaml), e.g. `/api`. */
  apiBase?: string;
  /**
   * Origins, besides the page's own, that redirects may go to (e.g. `https://app.example.com`).
   * Anything else is refused, so a crafted link cannot turn the page into an open redirect.
   */
  allowedRedirectOrigins?: string[];
  /** Seam for tests and stories: builds the login client instead of `@authress/login`. */
  loginClientFactory?: (settings: { loginHost: string; applicationId: string }) => LoginClientLike;
  /** Seam for tests and stories: the `fetch` the API client uses. */
  fetch?: typeof fetch;
  /** Seam for tests and stories: full-page navigation (defaults to `location.assign`). */
  navigate?: (url: string) => void;
  /** Milliseconds before an API request is abandoned (default 15000). */
  requestTimeoutMs?: number;
}

let pageDefaults: OnboardingConfig = {};

/**
 * Sets page-wide defaults once, before or after the elements are defined:
 * `configure({ loginHost: 'https://login.example.com', applicationId: 'app_x', apiBase: '/api' })`.
 * Later calls merge into earlier ones.
 */
export function configure(config: OnboardingConfig): void {
  pageDefaults = { ...pageDefaults, ...config };
}

/** The current page-wide defaults (read-only copy). */
export function pageConfig(): Readonly<OnboardingConfig> {
  return pageDefaults;
}

/** Test helper: forget all page-wide defaults. */
export function resetConfig(): void {
  pageDefaults = {};
}
