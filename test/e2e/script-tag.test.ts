// The script-tag bundles on a plain HTML page with no build step: the ESM bundle and the IIFE,
// served as static files, render a working <signup-button> that reaches the real login host.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { start as startEmulator, type RunningEmulator } from '../../demo/authress-emulator/index.js';
import { launchChromium } from './support/browser.js';
import { startStaticServer, type StaticServer } from './support/static-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}dist/`;

async function ensureBundles(): Promise<void> {
  for (const mode of ['bundle', 'iife'] as const) {
    const file = mode === 'bundle' ? 'onboarding-elements.bundle.js' : 'onboarding-elements.iife.js';
    if (!existsSync(`${dist}${file}`)) await build({ root, mode, logLevel: 'warn' });
  }
}

describe('script-tag bundles on a plain page', () => {
  let emulator: RunningEmulator;
  let site: StaticServer;
  let browser: Browser;

  before(async () => {
    await ensureBundles();
    emulator = await startEmulator({ port: 0 });
    const button = `<signup-button login-host="${emulator.url}" application-id="${emulator.applicationId}" redirect-url="/welcome"></signup-button>`;
    site = await startStaticServer({
      mounts: { '/dist/': dist },
      pages: {
        '/esm.html': `<!doctype html><html lang="en"><head><title>ESM</title>
<script type="module" src="/dist/onboarding-elements.bundle.js"></script></head><body><main>${button}</main></body></html>`,
        '/iife.html': `<!doctype html><html lang="fr"><head><title>IIFE</title>
<script src="/dist/onboarding-elements.iife.js"></script></head><body><main>${button}</main></body></html>`,
      },
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
  });

  for (const [page, label] of [
    ['esm.html', 'Sign up'],
    ['iife.html', 'S’inscrire'],
  ] as const) {
    it(`${page}: renders and starts login on the hosted page`, async () => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${site.url}/${page}`);
      const button = tab.locator('signup-button button');
      await button.waitFor();
      assert.equal((await tab.locator('signup-button').evaluate((el) => el.shadowRoot?.querySelector('slot')?.textContent)) ?? '', label);
      await button.click();
      await tab.waitForURL((url) => url.href.startsWith(`${emulator.url}/login`), { timeout: 15_000 });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('iife.html exposes the API as window.AuthressOnboarding', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${site.url}/iife.html`);
    const names = await tab.evaluate(() => Object.keys((window as unknown as { AuthressOnboarding: object }).AuthressOnboarding));
    for (const name of ['configure', 'SignupButtonElement', 'CreateAccountFormElement', 'InviteFormElement', 'registerLocale']) {
      assert.ok(names.includes(name), `${name} is exported`);
    }
    await tab.close();
  });
});
