import { property } from 'lit/decorators.js';
import { pageConfig } from './config.js';
import { ConfigurationError } from './login-client.js';
import { OnboardingElement } from './onboarding-element.js';
import { createApiClient, type OnboardingApi } from './api/client.js';

/** An element that calls the app's backend through the contract (docs/openapi.yaml). */
export abstract class ApiElement<Messages extends object> extends OnboardingElement<Messages> {
  /** Base URL of your backend's onboarding API (defaults to `configure({ apiBase })`). */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An API client with the signed-in user's token; throws ConfigurationError when api-base is missing. */
  protected resolveApi(): OnboardingApi {
    const defaults = pageConfig();
    const apiBase = this.apiBase ?? defaults.apiBase;
    if (!apiBase) throw new ConfigurationError('api-base is not set (attribute or configure({ apiBase }))', 'api-base');
    return createApiClient({
      apiBase,
      fetch: defaults.fetch,
      timeoutMs: defaults.requestTimeoutMs,
      getToken: async () => {
        const client = this.resolveLoginClient();
        try {
          return await client.ensureToken({ timeoutInMillis: 5000 });
        } catch {
          return null; // TokenTimeout: nobody is signed in
        }
      },
    });
  }
}
