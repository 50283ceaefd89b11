// SSO through a real OpenID provider (demo/corporate-idp): the emulator as an OAuth2 client,
// driven with fetch and a tiny cookie jar instead of a browser.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthressClient } from '@authress/sdk';
import { decodeJwt } from 'jose';
import { OAUTH_CALLBACK_PATH, type RunningEmulator } from '../../../demo/authress-emulator/index.js';
import { start as startIdp, type RunningCorporateIdp } from '../../../demo/corporate-idp/index.js';
import { APP_ORIGIN, beginLogin, exchangeCode, pickSimulatedUser, startEmulator } from './helpers.js';

/** Follows redirects by hand, keeping cookies per host, until `stop(url)` says so or a page is reached. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();

  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}, stop: (url: URL) => boolean = () => false) {
    let current = new URL(url);
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hops = 0; hops < 20; hops++) {
      if (stop(current)) return { url: current, status: 0, html: '' };
      const cookies = [...(this.jar.get(current.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(current, {
        method, redirect: 'manual', body,
        headers: { ...(cookies ? { Cookie: cookies } : {}), ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
      });
      for (const setCookie of response.headers.getSetCookie()) {
        const [pair] = setCookie.split(';');
        const index = pair.indexOf('=');
        const jar = this.jar.get(current.host) ?? new Map<string, string>();
        jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
        this.jar.set(current.host, jar);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current);
        method = 'GET';
        body = undefined;
        await response.arrayBuffer();
        continue;
      }
      return { url: current, status: response.status, html: await response.text() };
    }
    throw new Error('too many redirects');
  }
}

/** Name of the upstream-login binding cookie the browser holds for the emulator, if any. */
function bindingCookieName(browser: Browser): string | undefined {
  for (const jar of browser.jar.values()) {
    for (const [name, value] of jar) if (name.startsWith('authress_emulator_oauth_') && value) return name;
  }
  return undefined;
}

describe('SSO through the corporate IdP', () => {
  let emulator: RunningEmulator;
  let idp: RunningCorporateIdp;
  before(async () => {
    emulator = await startEmulator();
    idp = await startIdp({ port: 0, redirectUris: [`${emulator.url}${OAUTH_CALLBACK_PATH}`] });
    const sdk: any = new AuthressClient({ authressApiUrl: emulator.url }, emulator.accessKey); // eslint-disable-line @typescript-eslint/no-explicit-any
    await sdk.connections.createConnection({
      connectionId: 'con_acme', type: 'OAUTH2', authenticationUrl: idp.authorizationUrl, tokenUrl: idp.tokenUrl,
      issuerUrl: idp.url, clientId: idp.clientId, clientSecret: idp.clientSecret,
    });
    await sdk.tenants.createTenant({
      tenantId: 'acme', tenantLookupIdentifier: 'acme.test', data: { name: 'Acme Corp' },
      connection: { connectionId: 'con_acme' }, domains: [{ domain: 'acme.test' }],
    });
  });
  after(async () => { await idp.close(); await emulator.close(); });

  const toIdpLoginPage = async (browser: Browser) => {
    const login = await beginLogin(emulator, { tenantLookupIdentifier: 'ACME.test' });
    const page = await browser.go(login.authenticationUrl);
    assert.equal(page.status, 200);
    assert.equal(page.url.origin, idp.url);
    assert.match(page.html, /Bob Builder/);
    assert.doesNotMatch(page.html, /googleapis|<script/);
    return { login, action: new URL(page.html.match(/action="([^"]*\/login)"/)![1], page.url).toString() };
  };
  const isCallback = (url: URL) => url.pathname === OAUTH_CALLBACK_PATH;

  it('signs bob in with a namespaced user id and records tenant membership', async () => {
    const browser = new Browser();
    const { login, action } = await toIdpLoginPage(browser);
    const back = await browser.go(action, { method: 'POST', form: { sub: 'bob' } }, (url) => url.origin === APP_ORIGIN);
    assert.equal(back.url.origin, APP_ORIGIN);
    const exchanged = await exchangeCode(emulator, login, back.url.searchParams.get('code')!);
    assert.equal(exchanged.status, 200);
    const id = decodeJwt(exchanged.body.id_token);
    assert.equal(id.sub, 'con_acme|bob');
    assert.equal(id.email, 'bob@acme.test');
    assert.equal(id.name, 'Bob Builder');
    assert.equal(id['azp'], 'con_acme');
    assert.deepEqual(emulator.state.tenants().find((t) => t.tenantId === 'acme')?.members, ['con_acme|bob']);
  });

  it('refuses a user whose email domain is not one of the tenant domains', async () => {
    const browser = new Browser();
    const { action } = await toIdpLoginPage(browser);
    const result = await browser.go(action, { method: 'POST', form: { sub: 'eve' } });
    assert.equal(result.status, 403);
    assert.match(result.html, /eve@other\.test is not part of Acme Corp/);
  });

  it('refuses the simulated providers for a sign-in bound to a tenant with SSO', async () => {
    const login = await beginLogin(emulator, { tenantLookupIdentifier: 'acme.test' });
    const posted = await pickSimulatedUser(emulator, login, 'google', 'Mallory', 'mallory@other.test');
    assert.equal(posted.status, 403);
    assert.equal(emulator.state.tenants().find((t) => t.tenantId === 'acme')?.members?.includes('google|mallory@other.test'), false);
  });

  it('rejects a callback with a swapped state or a foreign iss (mix-up defence)', async () => {
    const browser = new Browser();
    const { action } = await toIdpLoginPage(browser);
    const callback = await browser.go(action, { method: 'POST', form: { sub: 'alice' } }, isCallback);
    assert.ok(isCallback(callback.url));
    assert.equal(callback.url.searchParams.get('iss'), idp.url, 'oidc-provider sends RFC 9207 iss');

    const swapped = new URL(callback.url);
    swapped.searchParams.set('state', 'not-the-state');
    assert.equal((await browser.go(swapped.toString())).status, 400);

    const foreign = new URL(callback.url);
    foreign.searchParams.set('iss', 'http://127.0.0.1:1');
    const refused = await browser.go(foreign.toString());
    assert.equal(refused.status, 400);
    assert.match(refused.html, /unexpected issuer/);
    // The state was consumed by that attempt: the genuine callback cannot be replayed afterwards.
    assert.equal((await browser.go(callback.url.toString())).status, 400);
  });

  it('binds the upstream state to the browser that started the sign-in (login CSRF)', async () => {
    // The attacker signs in at the IdP as themselves and stops at the callback URL...
    const attacker = new Browser();
    const { login, action } = await toIdpLoginPage(attacker);
    const callback = await attacker.go(action, { method: 'POST', form: { sub: 'alice' } }, isCallback);
    assert.ok(isCallback(callback.url));
    // ...and makes the victim's browser open it: refused, no session, no code for the app.
    const membersBefore = emulator.state.tenants().find((t) => t.tenantId === 'acme')?.members ?? [];
    const victim = await fetch(callback.url, { redirect: 'manual' });
    const html = await victim.text();
    assert.equal(victim.status, 403);
    assert.match(html, /started in another browser/);
    assert.equal(victim.headers.get('location'), null);
    assert.doesNotMatch(victim.headers.get('set-cookie') ?? '', /authress_emulator_session=[^;]/);
    const forged = await fetch(callback.url, { redirect: 'manual', headers: { Cookie: `${bindingCookieName(attacker)}=forged-value` } });
    assert.equal(forged.status, 403);
    await forged.arrayBuffer();
    assert.deepEqual(emulator.state.tenants().find((t) => t.tenantId === 'acme')?.members ?? [], membersBefore);
    // The browser that started the sign-in still completes it (the refusals did not burn the state).
    const back = await attacker.go(callback.url.toString(), {}, (url) => url.origin === APP_ORIGIN);
    assert.equal(back.url.origin, APP_ORIGIN);
    assert.equal((await exchangeCode(emulator, login, back.url.searchParams.get('code')!)).status, 200);
    assert.equal(bindingCookieName(attacker), undefined, 'the binding cookie is cleared after use');
  });

  it('sets the binding cookie short-lived, HttpOnly, SameSite=Lax and scoped to the callback', async () => {
    const login = await beginLogin(emulator, { tenantLookupIdentifier: 'acme.test' });
    const response = await fetch(login.authenticationUrl, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(new URL(response.headers.get('location')!).origin, idp.url);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('authress_emulator_oauth_'));
    assert.ok(cookie, 'a binding cookie is set with the redirect to the IdP');
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, new RegExp(`; Path=${OAUTH_CALLBACK_PATH}(;|$)`));
    assert.match(cookie, /; Max-Age=(\d+)/);
    assert.ok(Number(cookie.match(/; Max-Age=(\d+)/)![1]) <= 15 * 60);
  });

  it("renders the IdP's own error page without external resources", async () => {
    const response = await fetch(`${idp.url}/auth?client_id=unknown&response_type=code&scope=openid`);
    const html = await response.text();
    assert.equal(response.status, 400);
    assert.match(html, /<html lang="en">/);
    assert.doesNotMatch(html, /googleapis|https?:\/\/(?!127\.0\.0\.1|localhost)/);
  });

  it('routes a work email typed on the hosted page to the tenant IdP, or explains when none matches', async () => {
    const login = await beginLogin(emulator);
    const browser = new Browser();
    const none = await browser.go(`${emulator.url}/login/sso`, { method: 'POST', form: { authenticationRequestId: login.authenticationRequestId, email: 'x@nowhere.test' } });
    assert.equal(none.status, 422);
    assert.match(none.html, /No company SSO is set up for nowhere\.test/);
    const routed = await browser.go(`${emulator.url}/login/sso`, { method: 'POST', form: { authenticationRequestId: login.authenticationRequestId, email: 'carol@acme.test' } });
    assert.equal(routed.url.origin, idp.url);
  });
});
