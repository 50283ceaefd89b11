// Failure paths through the real demo: the backend going away mid-submit, a double click, an expired
// invite, and a user of another domain trying an SSO invite. Axe and CSP checks as in the stories.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { acceptInvite } from './flows.js';
import { expectRole, fillAccountForm, pageReady, signUp, startStack, step, type Stack } from './support.js';

describe('demo: failure paths in Chromium', { timeout: 150_000 }, () => {
  let stack: Stack;
  let ownerPage: Page;
  let accountId = '';
  const accountsOf = (userId: string) => stack.demo.backend()!.db.listAccounts().filter((a) => a.created_by === userId);

  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('backend down on submit: the form keeps its data; after the restart a retry creates exactly one account', async () => {
    ownerPage = await (await stack.newContext()).newPage();
    const page = ownerPage;
    await signUp(stack, page, 'Grace Hopper', 'grace@example.test');
    await fillAccountForm(page, 'Globex');

    const posts: string[] = [];
    page.on('request', (request) => { if (request.method() === 'POST' && request.url().endsWith('/api/accounts')) posts.push(request.headers()['idempotency-key'] ?? ''); });
    await stack.demo.stopBackend();
    await page.getByRole('button', { name: 'Create account' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
    await alert.waitFor({ timeout: 20_000 });
    assert.equal(new URL(page.url()).pathname, '/onboarding.html');
    assert.equal(await page.getByLabel('Account name').inputValue(), 'Globex', 'the form keeps its data');
    assert.equal(await page.getByLabel(/Company size/).inputValue(), '11-50');
    assert.equal(await page.getByLabel(/I accept the Tessera terms/).isChecked(), true);
    await step(stack, page, 'f01-backend-down');

    await stack.demo.startBackend(); // same port, same database file
    await page.getByRole('button', { name: 'Create account' }).click();
    accountId = await expectRole(page, 'Globex', 'Owner');
    assert.equal(new Set(posts).size, 1, `every attempt reused one idempotency key: ${posts.join(', ')}`);
    assert.equal(accountsOf('google|grace@example.test').length, 1, 'exactly one account');
    await step(stack, page, 'f02-after-retry');
  });

  it('a double click on "Create account" creates one account', async () => {
    const page = await (await stack.newContext()).newPage();
    await signUp(stack, page, 'Hedy Lamarr', 'hedy@example.test');
    await fillAccountForm(page, 'Initech');
    let posts = 0;
    page.on('request', (request) => { if (request.method() === 'POST' && request.url().endsWith('/api/accounts')) posts++; });
    await page.getByRole('button', { name: 'Create account' }).dblclick();
    await expectRole(page, 'Initech', 'Owner');
    assert.equal(posts, 1, 'one request');
    assert.equal(accountsOf('google|hedy@example.test').length, 1, 'one account');
  });

  let carolLink = '';
  let aliceLink = '';
  it('prepares SSO for acme.test and two invitations (alice, carol)', async () => {
    assert.ok(accountId);
    const page = ownerPage;
    const idp = stack.demo.idpValues!;
    await page.goto(`${stack.demo.urls.pages.admin}?accountId=${accountId}`);
    await pageReady(page);
    await page.getByLabel('Authorization URL').fill(idp.authorizationUrl);
    await page.getByLabel('Token URL').fill(idp.tokenUrl);
    await page.getByLabel('Client ID').fill(idp.clientId);
    await page.getByLabel('Client secret').fill(idp.clientSecret);
    await page.getByLabel('Email domains').fill(idp.domain);
    await page.getByRole('button', { name: 'Save SSO settings' }).click();
    await page.getByText('Single sign-on settings saved.').first().waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: /^Viewer/ }).check();
    await page.getByLabel('Email addresses').fill('alice@acme.test, carol@acme.test');
    await page.getByRole('button', { name: /Send 2 invitations/ }).click();
    await page.getByText('All 2 invitations sent.').first().waitFor({ timeout: 15_000 });
    const outbox = stack.demo.backend()!.outbox.list();
    aliceLink = outbox.find((m) => m.to === 'alice@acme.test')!.links[0]!;
    carolLink = outbox.find((m) => m.to === 'carol@acme.test')!.links[0]!;
    assert.ok(aliceLink && carolLink);
  });

  it('an expired invite shows the "expired" screen', async () => {
    // Seam: the backend's own database (RunningBackend.db) — the invite's expiry moved into the past.
    const inviteId = new URL(aliceLink).searchParams.get('inviteId')!;
    const changed = stack.demo.backend()!.db.raw.prepare('UPDATE invites SET expires_at = ? WHERE invite_id = ?').run(Date.now() - 60_000, inviteId).changes;
    assert.equal(changed, 1);
    const page = await (await stack.newContext()).newPage();
    await page.goto(aliceLink);
    await pageReady(page);
    await page.getByRole('heading', { name: 'This invitation has expired' }).waitFor({ timeout: 15_000 });
    assert.equal(await page.getByRole('button', { name: 'Accept and sign in' }).count(), 0);
    await step(stack, page, 'f03-invite-expired');
  });

  it('eve@other.test cannot use an acme.test invite: the emulator refuses her and the invite stays pending', async () => {
    const context = await stack.newContext();
    const page = await acceptInvite(stack.demo, context, carolLink, /Eve Outsider/, async (p, name) => {
      if (name === '09-invite-pending') await step(stack, p, 'f04-invite-pending');
    });
    await page.waitForURL((url) => url.origin === stack.demo.urls.loginHost, { timeout: 15_000 });
    await page.getByRole('heading', { name: 'Account not allowed' }).waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /eve@other\.test is not part of/);
    await step(stack, page, 'f05-other-domain-refused');

    const inviteId = new URL(carolLink).searchParams.get('inviteId')!;
    assert.equal(stack.demo.emulator!.state.invites().find((i) => i.inviteId === inviteId)?.status, 'pending');
    const preview = await fetch(`${stack.demo.urls.site}/api/invites/${inviteId}`).then((r) => r.json()) as { status: string };
    assert.equal(preview.status, 'pending');
  });

  it('no page violated the Content Security Policy', () => {
    assert.deepEqual(stack.cspViolations, []);
  });
});
