// Shared by every page: reads the live settings the demo server publishes and hands them to the
// elements with configure(). Pages register their elements only after this, so the elements
// never start without a login host, application id and API base.
import { configure } from '../../../src/index.js';

export interface DemoConfig {
  loginHost: string;
  applicationId: string;
  apiBase: string;
  outbox: string;
  mode: 'emulator' | 'authress';
  idp?: {
    issuer: string;
    authorizationUrl: string;
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    domain: string;
    users: string[];
  };
  /** The local SAML IdP (same users and domain as `idp`). */
  samlIdp?: {
    metadataUrl: string;
    ssoUrl: string;
    entityId: string;
    certificatePem: string;
    metadataXml: string;
    domain: string;
    users: string[];
  };
}

export async function setUpPage(): Promise<DemoConfig> {
  const response = await fetch('/demo-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/demo-config.json answered ${response.status}`);
  const config = (await response.json()) as DemoConfig;
  configure({ loginHost: config.loginHost, applicationId: config.applicationId, apiBase: config.apiBase });
  return config;
}

/** Marks the page as set up (tests and screenshots wait for it). */
export function pageReady(): void {
  document.documentElement.dataset.ready = 'true';
}

/** Shows a page-level problem as text in the page's status line, if it has one. */
export function showProblem(message: string, error?: unknown): void {
  if (error) console.error(message, error);
  const status = document.querySelector<HTMLElement>('[role="status"]');
  if (status) status.textContent = message;
}

/** Creates an element with text content (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.assign(node, props);
  return node;
}
