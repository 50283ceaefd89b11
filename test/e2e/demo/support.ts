// Helpers of the demo's end-to-end tests: the whole demo in-process (startDemo on port 0, fresh
// data), Chromium, CSP-violation recording, axe checks and screenshots.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDemo, type RunningDemo } from '../../../demo/launcher/index.js';
import { REPO_ROOT } from '../support/app-server.js';
import { launchChromium } from '../support/browser.js';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/screenshots');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// page.addScriptTag() sets script.text, which the pages' `require-trusted-types-for 'script'` blocks
// (and would count as a violation). Evaluating the source through the DevTools protocol is not a sink.
let axeSource: string | undefined;

declare global {
  interface Window { __cspViolations?: string[] }
}

export interface Stack {
  demo: RunningDemo;
  browser: Browser;
  /** Every CSP violation seen by any page of any context, as text. */
  cspViolations: string[];
  /** Every axe violation, as text (checked per page state). */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const [demo, browser] = await Promise.all([
    startDemo({ sitePort: 0, emulatorPort: 0, idpPort: 0, samlIdpPort: 0, backendPort: 0, dataDir: 'temp', logger: () => undefined }),
    launchChromium(),
  ]);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const cspViolations: string[] = [];
  const contexts: BrowserContext[] = [];

  const watch = (page: Page) => {
    page.on('console', (message) => {
      const text = message.text();
      if (/Content[- ]Security[- ]Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(text)) cspViolations.push(`${page.url()}: ${text}`);
    });
    page.on('pageerror', (error) => {
      if (/Trusted Type|Content Security Policy/i.test(error.message)) cspViolations.push(`${page.url()}: ${error.message}`);
    });
  };

  return {
    demo,
    browser,
    cspViolations,
    async newContext() {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      contexts.push(context);
      // Records violations in every document, including the emulator's and the IdP's pages.
      await context.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
        });
      });
      context.on('page', watch);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await demo.close();
    },
  };
}

/** Reads violations the page's securitypolicyviolation listener recorded into the stack's list. */
export async function collectCsp(stack: Stack, page: Page): Promise<void> {
  const found = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
  for (const v of found) stack.cspViolations.push(`${page.url()}: ${v}`);
  await page.evaluate(() => { window.__cspViolations = []; }).catch(() => undefined);
}

/** Waits for a demo page to finish its setup (pages set <html data-ready="true">). */
export async function pageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 15_000 });
}

/** Runs axe on the page's current state; fails on any violation. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (window as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return r.violations.map((v: any) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n: any) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
  });
  assert.deepEqual(result, [], `axe violations on ${label} (${page.url()})`);
}

/** A screenshot of the step, named NN-step.png, in test-results/screenshots/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  // DOCS_SCREENSHOTS=1 refreshes the README's images (viewport-sized, so each stays small).
  const docName = DOC_SCREENSHOTS[name];
  if (docName && process.env['DOCS_SCREENSHOTS'] === '1') {
    await page.screenshot({ path: join(REPO_ROOT, 'docs/images', docName) });
  }
}

/** Steps whose screenshots go into docs/images/ (README). */
export const DOC_SCREENSHOTS: Record<string, string> = {
  '01-landing': 'demo-1-landing.png',
  '03-create-account': 'demo-2-create-account.png',
  '04-account-owner': 'demo-3-account-owner.png',
  '06-sso-saved': 'demo-4-sso-settings.png',
  '08-mailbox': 'demo-5-mailbox.png',
  '09-invite-pending': 'demo-6-invite.png',
  '11-account-editor': 'demo-7-account-editor.png',
};

/** Checks the state (axe + CSP listener) and takes its screenshot. */
export async function step(stack: Stack, page: Page, name: string): Promise<void> {
  await checkA11y(page, name);
  await collectCsp(stack, page);
  await snap(page, name);
}

export const origin = (url: string) => new URL(url).origin;

/** Signs up on the emulator's hosted page with the simulated Google provider. */
export async function googleSignIn(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Name').first().fill(name);
  await page.getByLabel('Email').first().fill(email);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
}

/** On onboarding.html: fills the create-account form (contact fields come prefilled). */
export async function fillAccountForm(page: Page, accountName: string): Promise<void> {
  await page.getByLabel('Account name').waitFor({ timeout: 15_000 });
  await page.getByLabel('Account name').fill(accountName);
  await page.getByLabel(/Company size/).selectOption('11-50');
  await page.getByLabel(/I accept the Tessera terms/).check();
}

/** From the landing page: Google sign-up, then back on onboarding.html with the form shown. */
export async function signUp(stack: Stack, page: Page, name: string, email: string): Promise<void> {
  await page.goto(stack.demo.urls.pages.landing);
  await pageReady(page);
  await page.getByRole('button', { name: 'Sign up free' }).click();
  await page.waitForURL((url) => url.origin === origin(stack.demo.urls.loginHost), { timeout: 15_000 });
  await googleSignIn(page, name, email);
  await page.waitForURL((url) => url.pathname === '/onboarding.html', { timeout: 15_000 });
  await pageReady(page);
  await page.getByLabel('Account name').waitFor({ timeout: 15_000 });
}

/** Waits for account.html to list the account with this role; returns the account id. */
export async function expectRole(page: Page, accountName: string, role: string): Promise<string> {
  await page.waitForURL((url) => url.pathname === '/account.html', { timeout: 20_000 });
  await pageReady(page);
  const row = page.locator('#account-rows tr', { hasText: accountName });
  await row.waitFor({ timeout: 15_000 });
  assert.equal((await row.locator('.badge').textContent())?.trim(), role);
  const accountId = await row.getAttribute('data-account-id');
  assert.ok(accountId);
  return accountId;
}
