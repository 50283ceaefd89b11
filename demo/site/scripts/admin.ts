// Account settings: the SSO form and the invite form for ?accountId=, plus the local IdPs'
// values (OIDC fields; SAML metadata XML) to copy into the SSO form.
import { InviteFormElement } from '../../../src/elements/invite-form/invite-form.js';
import { SsoConfigFormElement } from '../../../src/elements/sso-config-form/sso-config-form.js';
import { createApiClient } from '../../../src/index.js';
import { getLoginClient } from '../../../src/core/login-client.js';
import { el, pageReady, setUpPage, showProblem } from './site.js';

async function main(): Promise<void> {
  const config = await setUpPage();
  const accountId = new URL(location.href).searchParams.get('accountId') ?? '';
  for (const id of ['sso', 'invites']) document.getElementById(id)!.setAttribute('account-id', accountId);
  SsoConfigFormElement.define();
  InviteFormElement.define();

  if (config.idp) {
    const list = document.getElementById('idp-values')!;
    const values: Array<[string, string]> = [
      ['Email domain', config.idp.domain],
      ['Authorization URL', config.idp.authorizationUrl],
      ['Token URL', config.idp.tokenUrl],
      ['Client ID', config.idp.clientId],
      ['Client secret', config.idp.clientSecret],
      ['Issuer', config.idp.issuer],
      ['Test users', config.idp.users.join(', ')],
    ];
    for (const [label, value] of values) list.append(el('dt', label), el('dd', value));
    document.getElementById('idp')!.hidden = false;
  }
  if (config.samlIdp) {
    // Text only (textContent / value): the page runs under Trusted Types.
    const list = document.getElementById('saml-idp-values')!;
    const values: Array<[string, string]> = [
      ['Email domain', config.samlIdp.domain],
      ['SSO URL', config.samlIdp.ssoUrl],
      ['Entity ID', config.samlIdp.entityId],
      ['Metadata URL', config.samlIdp.metadataUrl],
      ['Test users', config.samlIdp.users.join(', ')],
    ];
    for (const [label, value] of values) list.append(el('dt', label), el('dd', value));
    (document.getElementById('saml-idp-metadata') as HTMLTextAreaElement).value = config.samlIdp.metadataXml;
    (document.getElementById('saml-idp-certificate') as HTMLTextAreaElement).value = config.samlIdp.certificatePem;
    document.getElementById('saml-idp')!.hidden = false;
    document.getElementById('idp')!.hidden = false;
  }

  // The account's name for the heading (the forms themselves only need the id).
  const client = getLoginClient(config.loginHost, config.applicationId);
  const api = createApiClient({ apiBase: config.apiBase, getToken: () => client.ensureToken({ timeoutInMillis: 5000 }).catch(() => null) });
  const account = (await api.listAccounts().catch(() => ({ accounts: [] }))).accounts.find((a) => a.accountId === accountId);
  if (account) {
    document.getElementById('account-name')!.textContent = account.name;
    document.title = `${account.name} settings — Tessera`;
  }
}

main()
  .catch((error) => showProblem('This page could not load.', error))
  .finally(pageReady);
