import { property } from 'lit/decorators.js';
import { pageConfig } from './config.js';
import { ConfigurationError, type LoginClientLike } from './login-client.js';
import { OnboardingElement } from './onboarding-element.js';
import { createApiClient, type OnboardingApi } from './api/client.js';
import type { ErrorMessages } from './error-messages.js';

/** An element that calls the app's backend through the contract (docs/openapi.yaml). */
export abstract class ApiElement<Messages extends ErrorMessages> extends OnboardingElement<Messages> {
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

  /**
   * The login client and whether someone is signed in. Null when the settings are incomplete:
   * then `showConfigurationError` has run (before any await, as a synchronous check would).
   */
  protected async checkSession(): Promise<{ client: LoginClientLike; signedIn: boolean } | null> {
    let client: LoginClientLike;
    try {
      client = this.resolveLoginClient();
    } catch (error) {
      this.showConfigurationError(error);
      return null;
    }
    let signedIn = false;
    try {
      // Also completes the code exchange when the user has just come back from the login page.
      signedIn = await client.userSessionExists();
    } catch (error) {
      // An unknown session counts as signed out: the user can still sign in.
      console.warn(`<${this.localName}> could not check the session:`, error);
    }
    return { client, signedIn };
  }

  /** Starts the login, coming back to `redirectUrl`; false (cause logged) when it could not start. */
  protected async startSignIn(redirectUrl: string): Promise<boolean> {
    try {
      this.followAuthenticationUrl(await this.resolveLoginClient().authenticate({ redirectUrl }));
      return true;
    } catch (error) {
      console.error(`<${this.localName}> sign-in could not start:`, error);
      return false;
    }
  }

  /**
   * Keeps the technical cause in the console for developers. Elements that have a
   * configuration-error state override this to show it, calling `super` first.
   */
  protected showConfigurationError(error: unknown): void {
    console.error(`<${this.localName}> configuration-error:`, error);
  }
}
