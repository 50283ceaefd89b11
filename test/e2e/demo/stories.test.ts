// Both user stories through the real demo: real servers, real SDKs, the built site under its strict
// CSP, in Chromium. Axe runs on every page state; CSP violations must be zero for the whole file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { acceptInvite, storyOne, storyTwoAdmin, type Owner } from './flows.js';
import { collectCsp, expectRole, origin, pageReady, startStack, step, type Stack } from './support.js';

describe('demo: both user stories in Chromium', { timeout: 150_000 }, () => {
  let stack: Stack;
  const owner: Owner = { name: 'Ada Lovelace', email: 'ada@example.test', accountName: 'Acme Corp' };
  let accountId = '';
  let ownerPage: Page;
  let inviteLink = '';
  const onStep = (page: Page, name: string) => step(stack, page, name);

  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('the CSP recorder sees a deliberate violation (so "zero" below means something)', async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto(stack.demo.urls.pages.mailbox);
    await pageReady(page);
    const before = stack.cspViolations.length;
    await page.evaluate(() => { try { document.createElement('div').innerHTML = '<b>x</b>'; } catch { /* blocked by Trusted Types */ } });
    await page.waitForTimeout(100);
    await collectCsp(stack, page);
    const seen = stack.cspViolations.splice(before);
    assert.ok(seen.some((v) => /trusted-types|TrustedHTML/i.test(v)), `recorded: ${JSON.stringify(seen)}`);
    await context.close();
  });

  it('story 1: signs up with Google, creates the account and lands on "your account" as Owner', async () => {
    ownerPage = await (await stack.newContext()).newPage();
    accountId = await storyOne(stack.demo, ownerPage, owner, onStep);
    assert.match(accountId, /^acc_/);
  });

  it('story 2: the owner sets up SSO and invites bob@acme.test as Editor; the email carries the link', async () => {
    assert.ok(accountId, 'story 1 ran');
    inviteLink = await storyTwoAdmin(stack.demo, ownerPage, owner, 'bob@acme.test', onStep);
    const tenant = stack.demo.emulator!.state.tenants().find((t) => t.tenantId === accountId);
    assert.ok(tenant, 'the backend created the tenant');
    assert.deepEqual(tenant.domains?.map((d) => d.domain), ['acme.test']);
  });

  it('story 2: Bob opens the link in a fresh browser, signs in through the corporate IdP and is Editor', async () => {
    assert.ok(inviteLink, 'the invite was sent');
    const context = await stack.newContext();
    const page = await acceptInvite(stack.demo, context, inviteLink, /Bob Builder/, onStep);
    await expectRole(page, owner.accountName, 'Editor');
    assert.equal(await page.locator('#who-email').textContent(), 'bob@acme.test');
    assert.equal(await page.getByRole('link', { name: /SSO and invitations/ }).count(), 0, 'an Editor gets no admin link');
    await step(stack, page, '11-account-editor');
    const records = stack.demo.emulator!.state.accessRecords();
    assert.ok(records.some((r) => r.users?.some((u) => u.userId.endsWith('|bob')) && JSON.stringify(r.statements).includes(`Accounts/${accountId}`)));
  });

  it('story 2: a second use of the same link shows the "already used" screen', async () => {
    const page = await (await stack.newContext()).newPage();
    await page.goto(inviteLink);
    await pageReady(page);
    await page.getByRole('heading', { name: 'This invitation has already been used' }).waitFor({ timeout: 15_000 });
    assert.equal(await page.getByRole('button', { name: 'Accept and sign in' }).count(), 0);
    await step(stack, page, '12-invite-used');
  });

  it('SSO by email domain: Alice signs in from the landing page through the corporate IdP', async () => {
    assert.ok(inviteLink, 'SSO for acme.test was configured in story 2');
    const page = await (await stack.newContext()).newPage();
    await page.goto(stack.demo.urls.pages.landing);
    await pageReady(page);
    await page.getByLabel('Work email').fill('alice@acme.test');
    await page.getByRole('button', { name: 'Continue with SSO' }).click();
    // The email's domain is the tenant lookup identifier: straight to Acme's IdP, no provider picker.
    await page.waitForURL((url) => url.origin === stack.demo.urls.idp, { timeout: 15_000 });
    await page.getByRole('button', { name: /Alice/ }).click();
    await page.waitForURL((url) => url.pathname === '/account.html', { timeout: 20_000 });
    await page.locator('#who-email').filter({ hasText: 'alice@acme.test' }).waitFor({ timeout: 15_000 });
    const userId = await page.locator('#who-id').textContent();
    assert.match(userId ?? '', new RegExp(`^con_${accountId}\\|`), 'the user id is namespaced by the account connection');
    await step(stack, page, '12b-sso-by-domain');
  });

  it('the script-tag page (no build step) renders a working <signup-button>', async () => {
    const page = await (await stack.newContext()).newPage();
    await page.goto(stack.demo.urls.pages.scriptTag);
    await pageReady(page);
    const scripts = await page.evaluate(() => Array.from(document.scripts).map((s) => s.getAttribute('src')));
    assert.deepEqual(scripts, ['/dist/onboarding-elements.bundle.js', '/script-tag-setup.js']);
    await step(stack, page, '13-script-tag');
    await page.getByRole('button', { name: 'Sign up free' }).click();
    await page.waitForURL((url) => url.origin === origin(stack.demo.urls.loginHost), { timeout: 15_000 });
    await page.getByRole('button', { name: 'Continue with Google' }).waitFor();
  });

  it('no page violated the Content Security Policy', () => {
    assert.deepEqual(stack.cspViolations, []);
  });
});
