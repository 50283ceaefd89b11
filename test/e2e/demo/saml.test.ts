// SAML SSO through the real demo: an owner configures the local SAML IdP in <sso-config-form> by
// pasting its metadata XML (copied from the admin page), then Carol signs in from the landing page
// through a genuine AuthnRequest / signed Response exchange. Axe on every page state; zero CSP
// violations for the file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { storyOne, type Owner } from './flows.js';
import { pageReady, startStack, step, type Stack } from './support.js';

describe('demo: SAML SSO in Chromium', { timeout: 90_000 }, () => {
  let stack: Stack;
  const owner: Owner = { name: 'Sam Larsen', email: 'sam@example.test', accountName: 'Acme SAML' };
  let accountId = '';
  // Own screenshot names: storyOne's "01-landing"… belong to stories.test.ts (and the README images).
  const onStep = (page: Page, name: string) => step(stack, page, `saml-${name}`);

  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('the owner configures SAML in <sso-config-form> with the values of the local SAML IdP', async () => {
    const saml = stack.demo.samlValues!;
    assert.ok(saml, 'the demo runs the local SAML IdP');
    const page = await (await stack.newContext()).newPage();
    accountId = await storyOne(stack.demo, page, owner, onStep);

    await page.getByRole('link', { name: `SSO and invitations for ${owner.accountName}` }).click();
    await page.waitForURL((url) => url.pathname === '/admin.html', { timeout: 15_000 });
    await pageReady(page);
    const metadataBox = page.getByLabel('IdP metadata XML');
    await metadataBox.waitFor({ timeout: 15_000 });
    assert.equal(await metadataBox.getAttribute('readonly'), '');
    const metadataXml = await metadataBox.inputValue();
    assert.equal(metadataXml, saml.metadataXml, 'the page shows the IdP metadata as text');
    const aside = page.locator('#saml-idp-values');
    assert.match((await aside.textContent()) ?? '', new RegExp(saml.ssoUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    await page.getByRole('radio', { name: 'SAML 2.0' }).check();
    await page.getByLabel('SSO URL').waitFor({ timeout: 10_000 });
    const acsUrl = `${stack.demo.urls.loginHost}/api/authentication/saml/con_${accountId}/acs`;
    await page.getByText(acsUrl).first().waitFor({ timeout: 10_000 });
    await onStep(page, '05-admin-saml');

    // Paste the IdP's metadata XML (copied from the "Local test IdP" box) into the certificate field:
    // the form reads the SSO URL, entity id and signing certificate out of it, under the page's
    // Trusted Types CSP.
    await page.getByLabel('Signing certificate', { exact: true }).fill(metadataXml);
    await page.getByText(/Filled in the SSO URL, entity ID and certificate/).first().waitFor({ timeout: 5_000 });
    assert.equal(await page.getByLabel('SSO URL').inputValue(), saml.ssoUrl);
    assert.equal(await page.getByLabel('Identity provider entity ID').inputValue(), saml.entityId);
    assert.match(await page.getByLabel('Signing certificate', { exact: true }).inputValue(), /^-----BEGIN CERTIFICATE-----/);
    await page.getByLabel('Email domains').fill(saml.domain);
    await page.locator('sso-config-form [part~="certificate-summary"]').first().waitFor({ timeout: 10_000 });
    await onStep(page, '06-saml-filled');

    await page.getByRole('button', { name: 'Save SSO settings' }).click();
    await page.getByText('Single sign-on settings saved.').first().waitFor({ timeout: 15_000 });
    await onStep(page, '07-saml-saved');

    const connection = stack.demo.emulator!.state.connections().find((c) => c.connectionId === `con_${accountId}`);
    assert.equal(connection?.type, 'SAML2');
    assert.equal(connection?.authenticationUrl, saml.ssoUrl);
    assert.equal(connection?.issuerUrl, saml.entityId);
    assert.equal(connection?.providerCertificate?.replace(/\s/g, ''), saml.certificatePem.replace(/\s/g, ''));
    const tenant = stack.demo.emulator!.state.tenants().find((t) => t.connection?.connectionId === `con_${accountId}`);
    assert.deepEqual(tenant?.domains?.map((d) => d.domain), ['acme.test']);
  });

  it('Carol signs in from the landing page through the SAML IdP', async () => {
    assert.ok(accountId, 'SAML was configured above');
    const saml = stack.demo.samlValues!;
    const page = await (await stack.newContext()).newPage();
    await page.goto(stack.demo.urls.pages.landing);
    await pageReady(page);
    await page.getByLabel('Work email').fill('carol@acme.test');
    await page.getByRole('button', { name: 'Continue with SSO' }).click();
    await page.waitForURL((url) => `${url.origin}${url.pathname}` === saml.ssoUrl, { timeout: 15_000 });
    await page.getByRole('button', { name: /Carol/ }).waitFor();
    await onStep(page, '08-saml-idp');

    await page.getByRole('button', { name: /Carol/ }).click();
    // The IdP answers with an HTTP-POST page that submits itself; press Continue if it did not.
    const atAccount = (url: URL) => url.pathname === '/account.html';
    const arrived = await page.waitForURL(atAccount, { timeout: 5_000 }).then(() => true, () => false);
    if (!arrived) {
      const button = page.getByRole('button', { name: 'Continue' });
      if (await button.isVisible().catch(() => false)) await button.click();
      await page.waitForURL(atAccount, { timeout: 15_000 });
    }
    await pageReady(page);
    await page.locator('#who-email').filter({ hasText: 'carol@acme.test' }).waitFor({ timeout: 15_000 });
    const userId = (await page.locator('#who-id').textContent()) ?? '';
    assert.match(userId, new RegExp(`^con_${accountId}\\|`), 'the user id is namespaced by the account connection');
    await onStep(page, '09-signed-in-saml');
  });

  it('no page violated the Content Security Policy', () => {
    assert.deepEqual(stack.cspViolations, []);
  });
});
