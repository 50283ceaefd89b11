// "Your account": who is signed in (from the elements' shared login client) and their role in
// each account (GET /accounts through the library's API client).
import { createApiClient, SignupButtonElement } from '../../../src/index.js';
import { getLoginClient, readIdentity } from '../../../src/core/login-client.js';
import { el, pageReady, setUpPage, showProblem } from './site.js';

const ROLE_NAMES: Record<string, string> = { 'Authress:Owner': 'Owner' };
const MANAGERS = new Set(['Authress:Owner', 'Admin']);

async function main(): Promise<void> {
  const config = await setUpPage();
  SignupButtonElement.define();
  const status = document.getElementById('account-status')!;
  const client = getLoginClient(config.loginHost, config.applicationId);
  // Also completes the code exchange when the user has just come back from the login page.
  const signedIn = await client.userSessionExists().catch(() => false);
  const identity = signedIn ? readIdentity(client) : null;
  if (!identity) {
    status.textContent = 'Sign in to see your account.';
    document.getElementById('signed-out')!.hidden = false;
    return;
  }

  document.getElementById('who-name')!.textContent = identity.name ?? '—';
  document.getElementById('who-email')!.textContent = identity.email ?? '—';
  document.getElementById('who-id')!.textContent = identity.userId;
  document.getElementById('who')!.hidden = false;
  document.getElementById('sign-out')!.addEventListener('click', () => {
    void client.logout(new URL('/', location.href).href);
  });

  const api = createApiClient({
    apiBase: config.apiBase,
    getToken: () => client.ensureToken({ timeoutInMillis: 5000 }).catch(() => null),
  });
  try {
    const { accounts } = await api.listAccounts();
    const rows = document.getElementById('account-rows')!;
    const selected = new URL(location.href).searchParams.get('accountId');
    for (const account of accounts) {
      const row = el('tr');
      row.dataset.accountId = account.accountId;
      if (account.accountId === selected) row.setAttribute('aria-current', 'true');
      row.append(el('td', account.name));
      const role = el('td');
      role.append(el('span', ROLE_NAMES[account.role] ?? account.role, { className: 'badge' }));
      row.append(role);
      const manage = el('td');
      if (MANAGERS.has(account.role)) {
        const link = el('a', 'SSO and invitations');
        link.href = `/admin.html?accountId=${encodeURIComponent(account.accountId)}`;
        link.setAttribute('aria-label', `SSO and invitations for ${account.name}`);
        manage.append(link);
      } else {
        manage.append(el('span', '—', { className: 'muted' }));
      }
      row.append(manage);
      rows.append(row);
    }
    document.getElementById('no-accounts')!.hidden = accounts.length > 0;
    document.getElementById('accounts')!.hidden = false;
    status.textContent = `Signed in as ${identity.email ?? identity.userId}.`;
  } catch (error) {
    showProblem('Your accounts could not be loaded. Try again in a moment.', error);
  }
}

main()
  .catch((error) => showProblem('This page could not load.', error))
  .finally(pageReady);
