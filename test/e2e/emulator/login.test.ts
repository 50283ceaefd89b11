// The unmodified @authress/login 2.6.439 in Chromium against the emulator (127.0.0.1) from a Vite
// app on localhost: simulated provider, invite acceptance, and tenant SSO through a real OIDC IdP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthressClient } from '@authress/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OAUTH_CALLBACK_PATH, start as startEmulator, type RunningEmulator } from '../../../demo/authress-emulator/index.js';
import { start as startIdp, type RunningCorporateIdp } from '../../../demo/corporate-idp/index.js';
import { LOGIN_APP_ROOT, startViteApp, type RunningApp } from '../support/app-server.js';
import { launchChromium } from '../support/browser.js';

type Sdk = any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare global {
  interface Window { loginClient: any; appReady?: boolean; __LOGIN_TEST_CONFIG__?: unknown } // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('@authress/login against the emulator in Chromium', { timeout: 60_000 }, () => {
  let emulator: RunningEmulator;
  let idp: RunningCorporateIdp;
  let app: RunningApp;
  let browser: Browser;
  let sdk: Sdk;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    idp = await startIdp({ port: 0, redirectUris: [`${emulator.url}${OAUTH_CALLBACK_PATH}`] });
    [app, browser] = await Promise.all([startViteApp(LOGIN_APP_ROOT, { optimizeDeps: ['@authress/login'] }), launchChromium()]);
    sdk = new AuthressClient({ authressApiUrl: emulator.url }, emulator.accessKey);
    await sdk.connections.createConnection({
      connectionId: 'con_acme', type: 'OAUTH2', authenticationUrl: idp.authorizationUrl, tokenUrl: idp.tokenUrl,
      issuerUrl: idp.url, clientId: idp.clientId, clientSecret: idp.clientSecret,
    });
    await sdk.tenants.createTenant({
      tenantId: 'acme', tenantLookupIdentifier: 'acme.test', data: { name: 'Acme Corp' },
      connection: { connectionId: 'con_acme' }, domains: [{ domain: 'acme.test' }],
    });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
    await emulator?.close();
  });

  const openApp = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext();
    await context.addInitScript((config) => { window.__LOGIN_TEST_CONFIG__ = config; }, { authressApiUrl: emulator.url, applicationId: emulator.applicationId });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error.message));
    await page.goto(`${app.url}/index.html?x=1`);
    await page.waitForFunction(() => window.appReady === true);
    return { context, page };
  };

  /** Calls authenticate() (which navigates away) and waits for the emulator's hosted page or the IdP. */
  const authenticate = async (page: Page, options: Record<string, unknown>, expectedOrigin = emulator.url) => {
    await page.evaluate((opts) => {
      window.loginClient.authenticate({ ...opts, redirectUrl: window.location.href }).catch((error: Error) => { document.title = `authenticate failed: ${error.message}`; });
    }, options);
    await page.waitForURL((url) => url.origin === expectedOrigin, { timeout: 15_000 });
  };

  const backInApp = async (page: Page) => {
    await page.waitForURL((url) => url.origin === app.url, { timeout: 15_000 });
    await page.waitForFunction(() => window.appReady === true);
    const token: string | null = await page.evaluate(() => window.loginClient.ensureToken({ timeoutInMillis: 10_000 }));
    assert.ok(token, 'ensureToken returned a token');
    const identity = await page.evaluate(() => window.loginClient.getUserIdentity());
    return { token, identity: identity as Record<string, string> };
  };

  const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

  it('signs in with a simulated Google account, then logs out', async () => {
    const { context, page } = await openApp();
    try {
      await authenticate(page, {});
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign in to Onboarding demo');
      await page.getByLabel('Name').first().fill('Ada Lovelace');
      await page.getByLabel('Email').first().fill('ada@example.test');
      await page.getByRole('button', { name: 'Continue with Google' }).click();
      const { token, identity } = await backInApp(page);
      assert.equal(claims(token).iss, emulator.url);
      assert.equal(identity['email'], 'ada@example.test');
      assert.equal(identity['userId'], 'google|ada@example.test');
      assert.equal(new URL(page.url()).searchParams.get('x'), '1');
      assert.equal(new URL(page.url()).searchParams.get('code'), null, 'the SDK strips the code from the address bar');

      await page.evaluate((target) => { void window.loginClient.logout(target); }, `${app.url}/index.html?loggedout=1`);
      await page.waitForURL((url) => url.searchParams.get('loggedout') === '1', { timeout: 15_000 });
      await page.waitForFunction(() => window.appReady === true);
      assert.equal(await page.evaluate(() => window.loginClient.userSessionExists()), false);
    } finally {
      await context.close();
    }
  });

  it('accepts an invite during login: the user gets its role and the invite is used', async () => {
    const invite = await sdk.invites.createInvite({ statements: [{ roles: ['Editor'], resources: [{ resourceUri: 'Accounts/globex' }] }] });
    const { context, page } = await openApp();
    try {
      await authenticate(page, { inviteId: invite.data.inviteId });
      await page.getByRole('button', { name: 'Grace Hopper (grace@example.test)' }).first().click();
      const { identity } = await backInApp(page);
      assert.equal(identity['userId'], 'google|grace@example.test');
      assert.equal((await sdk.userPermissions.authorizeUser('google|grace@example.test', 'Accounts/globex', 'invites:create')).status, 200);
      assert.equal(emulator.state.invites().find((i) => i.inviteId === invite.data.inviteId)?.status, 'used');
      const again = await page.evaluate((inviteId) => window.loginClient.authenticate({ inviteId }).then(() => 'ok', (error: { code?: string }) => error.code), invite.data.inviteId);
      assert.equal(again, 'InviteAlreadyUsed');
    } finally {
      await context.close();
    }
  });

  it('routes tenantLookupIdentifier acme.test through the corporate IdP and signs bob in', async () => {
    const { context, page } = await openApp();
    try {
      await authenticate(page, { tenantLookupIdentifier: 'acme.test' }, idp.url);
      await page.getByRole('button', { name: /Bob Builder/ }).click();
      const { token, identity } = await backInApp(page);
      assert.equal(identity['email'], 'bob@acme.test');
      assert.equal(identity['userId'], 'con_acme|bob');
      assert.equal(claims(token)['azp'], 'con_acme');
      assert.ok(emulator.state.tenants().find((t) => t.tenantId === 'acme')?.members.includes('con_acme|bob'));
    } finally {
      await context.close();
    }
  });

  it('refuses eve@other.test at the acme tenant', async () => {
    const { context, page } = await openApp();
    try {
      await authenticate(page, { tenantLookupIdentifier: 'acme.test' }, idp.url);
      await page.getByRole('button', { name: /Eve Outsider/ }).click();
      await page.waitForURL((url) => url.origin === emulator.url, { timeout: 15_000 });
      await page.getByRole('alert').waitFor();
      assert.match(await page.getByRole('alert').textContent() ?? '', /eve@other\.test is not part of Acme Corp/);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Account not allowed');
    } finally {
      await context.close();
    }
  });
});
