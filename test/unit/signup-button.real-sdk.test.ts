import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/signup-button/define.js';
import type { SignupButtonElement } from '../../src/elements/signup-button/signup-button.js';
import { configure, resetConfig } from '../../src/core/config.js';
import { resetLoginClients } from '../../src/core/login-client.js';

interface RecordedAuthentication {
  redirectUrl: string;
  codeChallengeMethod: string;
  codeChallenge: string;
  applicationId: string;
  connectionId?: string;
  tenantLookupIdentifier?: string;
  antiAbuseHash: string;
}

/**
 * The real, pinned @authress/login (no fake login client): its request must reach the network with
 * the options the element was given. The login host is the test server's fake-authress middleware.
 */
describe('<signup-button> with the real @authress/login', () => {
  let navigations: string[];

  beforeEach(async () => {
    resetConfig();
    resetLoginClients();
    navigations = [];
    configure({ navigate: (url) => navigations.push(url) });
    await fetch('/__test/authentication-requests', { method: 'DELETE' });
  });
  afterEach(() => {
    resetConfig();
    resetLoginClients();
  });

  async function recorded(): Promise<RecordedAuthentication[]> {
    return (await (await fetch('/__test/authentication-requests')).json()) as RecordedAuthentication[];
  }

  async function clickAndWaitForNavigation(el: SignupButtonElement, submit = false) {
    if (submit) el.shadowRoot!.querySelector('form')!.requestSubmit();
    else el.shadowRoot!.querySelector('button')!.click();
    const start = performance.now();
    // The SDK computes a small proof of work before its POST: allow it a few seconds.
    while (navigations.length === 0 && performance.now() - start < 4500) await new Promise((r) => setTimeout(r, 20));
  }

  it('POSTs redirectUrl, connectionId and a PKCE S256 challenge', async () => {
    const el = await fixture<SignupButtonElement>(
      html`<signup-button login-host=${location.origin} application-id="app_real" connection-id="github" redirect-url="/welcome?x=1"></signup-button>`,
    );
    await clickAndWaitForNavigation(el);
    const [body] = await recorded();
    expect(body, 'the SDK sent POST /api/authentication').to.exist;
    expect(body.redirectUrl).to.equal(new URL('/welcome?x=1', location.href).href);
    expect(body.connectionId).to.equal('github');
    expect(body.applicationId).to.equal('app_real');
    expect(body.codeChallengeMethod).to.equal('S256');
    expect(body.codeChallenge).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(body.antiAbuseHash).to.match(/^v2;/);
    expect(navigations[0]).to.equal(`${location.origin}/__fake-login?authenticationRequestId=req_1`);
  });

  it('POSTs the work email domain as tenantLookupIdentifier in SSO mode', async () => {
    const el = await fixture<SignupButtonElement>(
      html`<signup-button mode="sso" login-host=${location.origin} application-id="app_real"></signup-button>`,
    );
    el.shadowRoot!.querySelector('input')!.value = 'alice@Acme.test';
    await clickAndWaitForNavigation(el, true);
    const [body] = await recorded();
    expect(body.tenantLookupIdentifier).to.equal('acme.test');
    expect(body.connectionId).to.equal(undefined);
    expect(body.redirectUrl).to.equal(location.href);
  });
});
