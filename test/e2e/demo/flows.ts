// The two user stories as steps, shared by the e2e tests (which check axe + CSP at every step)
// and scripts/bench.ts (which counts the browser's requests per step).
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningDemo } from '../../../demo/launcher/index.js';
import { expectRole, fillAccountForm, googleSignIn, origin, pageReady } from './support.js';

/** Called once each step's page state is reached (name like "01-landing"). */
export type StepHook = (page: Page, name: string) => Promise<void>;

export interface Owner { name: string; email: string; accountName: string }

/** Story 1: landing → Google on the hosted page → create the account → account.html as Owner. */
export async function storyOne(demo: RunningDemo, page: Page, owner: Owner, onStep: StepHook): Promise<string> {
  await page.goto(demo.urls.pages.landing);
  await pageReady(page);
  await onStep(page, '01-landing');

  await page.getByRole('button', { name: 'Sign up free' }).click();
  await page.waitForURL((url) => url.origin === origin(demo.urls.loginHost), { timeout: 15_000 });
  await page.getByRole('button', { name: 'Continue with Google' }).waitFor();
  await onStep(page, '02-hosted-login');

  await googleSignIn(page, owner.name, owner.email);
  await page.waitForURL((url) => url.pathname === '/onboarding.html', { timeout: 15_000 });
  await pageReady(page);
  await fillAccountForm(page, owner.accountName);
  assert.equal(await page.getByLabel('Your name').inputValue(), owner.name, 'contact name prefilled from the identity');
  assert.equal(await page.getByLabel('Contact email').inputValue(), owner.email, 'contact email prefilled from the identity');
  await onStep(page, '03-create-account');

  await page.getByRole('button', { name: 'Create account' }).click();
  const accountId = await expectRole(page, owner.accountName, 'Owner');
  assert.equal(await page.locator('#who-email').textContent(), owner.email);
  await onStep(page, '04-account-owner');
  return accountId;
}

/** Story 2, admin side: SSO to the corporate IdP for acme.test, invite bob as Editor, read the email. */
export async function storyTwoAdmin(demo: RunningDemo, page: Page, owner: Owner, invitee: string, onStep: StepHook): Promise<string> {
  const idp = demo.idpValues!;
  await page.getByRole('link', { name: `SSO and invitations for ${owner.accountName}` }).click();
  await page.waitForURL((url) => url.pathname === '/admin.html', { timeout: 15_000 });
  await pageReady(page);
  await page.getByLabel('Authorization URL').waitFor({ timeout: 15_000 });
  await page.getByRole('radio', { name: /^Editor/ }).waitFor({ timeout: 15_000 });
  await onStep(page, '05-admin');

  await page.getByLabel('Authorization URL').fill(idp.authorizationUrl);
  await page.getByLabel('Token URL').fill(idp.tokenUrl);
  await page.getByLabel('Client ID').fill(idp.clientId);
  await page.getByLabel('Client secret').fill(idp.clientSecret);
  await page.getByLabel('Issuer (optional)').fill(idp.issuer);
  await page.getByLabel('Email domains').fill(idp.domain);
  await page.getByRole('button', { name: 'Save SSO settings' }).click();
  await page.getByText('Single sign-on settings saved.').first().waitFor({ timeout: 15_000 });
  await onStep(page, '06-sso-saved');

  await page.getByRole('radio', { name: /^Editor/ }).check();
  await page.getByLabel('Email addresses').fill(invitee);
  await page.getByRole('button', { name: /Send (1 )?invitations?/ }).click();
  await page.getByText('Invitation sent.').first().waitFor({ timeout: 15_000 });
  await onStep(page, '07-invite-sent');

  await page.getByRole('link', { name: 'Mailbox' }).click();
  await page.waitForURL((url) => url.pathname === '/mailbox.html');
  await pageReady(page);
  const link = page.getByRole('link', { name: `Open invitation sent to ${invitee}` }).first();
  await link.waitFor({ timeout: 10_000 });
  await onStep(page, '08-mailbox');
  const href = await link.getAttribute('href');
  assert.ok(href && new URL(href).origin === demo.urls.site, `invite link on the site: ${href}`);
  assert.match(href, /\/invite\.html\?inviteId=inv_/);
  return href;
}

/** Story 2, invitee side in a fresh context: accept, sign in at the corporate IdP as `idpUser`. */
export async function acceptInvite(demo: RunningDemo, context: BrowserContext, link: string, idpUser: RegExp, onStep: StepHook): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await pageReady(page);
  await page.getByRole('button', { name: 'Accept and sign in' }).waitFor({ timeout: 15_000 });
  assert.equal(new URL(page.url()).searchParams.get('inviteId'), null, 'the invite id is removed from the address bar');
  await onStep(page, '09-invite-pending');

  await page.getByRole('button', { name: 'Accept and sign in' }).click();
  await page.waitForURL((url) => url.origin === demo.urls.idp, { timeout: 15_000 });
  await page.getByRole('button', { name: idpUser }).waitFor();
  await onStep(page, '10-corporate-idp');
  await page.getByRole('button', { name: idpUser }).click();
  return page;
}
