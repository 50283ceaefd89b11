import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { pageConfig } from './config.js';
import { defineElement } from './define-element.js';
import { ConfigurationError, getLoginClient, type LoginClientLike } from './login-client.js';
import { resolveSafeRedirect } from './redirect.js';
import { languageOf, resolveMessages } from './i18n.js';

/**
 * What all five elements share: configuration from attributes with page-wide defaults, the shared
 * login client, safe redirects, strings and the guarded `define()`. Elements that call the backend
 * extend `ApiElement` (api-element.ts), so `<signup-button>` doesn't ship the API client.
 * `Messages` is the element's string catalog.
 */
export abstract class OnboardingElement<Messages extends object> extends LitElement {
  /** The tag this class registers under by default. */
  static tagName: string;

  /** Registers the element (once) under `tag` in `registry`. */
  static define(tag?: string, registry?: CustomElementRegistry): void {
    defineElement(tag ?? this.tagName, this as unknown as CustomElementConstructor, registry);
  }

  /** Authress login host, e.g. `https://login.example.com` (defaults to `configure({ loginHost })`). */
  @property({ attribute: 'login-host' }) loginHost?: string;

  /** Authress application id (defaults to `configure({ applicationId })`). */
  @property({ attribute: 'application-id' }) applicationId?: string;

  /**
   * Space-separated origins, besides the page's own, that redirects may go to. Adds to
   * `configure({ allowedRedirectOrigins })`.
   */
  @property({ attribute: 'allowed-redirect-origins' }) allowedRedirectOrigins?: string;

  /** `light` or `dark` forces a color scheme; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Overrides for any of the element's strings (merged over the language's defaults). */
  @property({ attribute: false }) i18n?: Partial<Messages>;

  /** Seam for tests and stories: a login client to use instead of the shared one. */
  @property({ attribute: false }) loginClient?: LoginClientLike;

  /** Key of this element's strings in locale catalogs (e.g. `signupButton`). */
  protected abstract readonly messageKey: string;
  /** English defaults of this element's strings. */
  protected abstract readonly defaultMessages: Messages;

  /** The strings for the current language with overrides applied. */
  protected get messages(): Messages {
    return resolveMessages(this.messageKey, languageOf(this), this.defaultMessages, this.i18n);
  }

  /** The login client for this element's settings; throws ConfigurationError when incomplete. */
  protected resolveLoginClient(): LoginClientLike {
    if (this.loginClient) return this.loginClient;
    const defaults = pageConfig();
    const loginHost = this.loginHost ?? defaults.loginHost;
    const applicationId = this.applicationId ?? defaults.applicationId;
    if (!loginHost) throw new ConfigurationError('login-host is not set (attribute or configure({ loginHost }))', 'login-host');
    if (!applicationId) {
      throw new ConfigurationError('application-id is not set (attribute or configure({ applicationId }))', 'application-id');
    }
    return getLoginClient(loginHost, applicationId);
  }

  /** Resolves `target` against the page; null when it would be an open redirect. */
  protected safeRedirect(target: string | null | undefined): URL | null {
    const configured = pageConfig().allowedRedirectOrigins ?? [];
    const own = (this.allowedRedirectOrigins ?? '').split(/\s+/).filter(Boolean);
    return resolveSafeRedirect(target, { base: location.href, allowedOrigins: [...configured, ...own] });
  }

  /**
   * Goes to the login page `authenticate()` answered with, if any: the SDK skips the navigation
   * when the login page shares the app's hostname, and leaves it to the caller.
   */
  protected followAuthenticationUrl(result: unknown): void {
    const authenticationUrl = (result as { authenticationUrl?: unknown } | null)?.authenticationUrl;
    if (typeof authenticationUrl === 'string') this.navigate(authenticationUrl);
  }

  /** Full-page navigation through the configurable seam. */
  protected navigate(url: string): void {
    const navigate = pageConfig().navigate;
    if (navigate) navigate(url);
    else location.assign(url);
  }
}
