// HTML of the hosted login page: plain, accessible, no scripts and no external resources.
import type { SimulatedProvider } from './types.js';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.75rem}fieldset{border:1px solid #c8c8d0;border-radius:8px;padding:1rem;margin:0 0 1rem}
label{display:block;margin:.5rem 0 .25rem;font-weight:600}input[type=text],input[type=email]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #6e6e78;border-radius:6px}
button{margin-top:.75rem;padding:.55rem 1rem;font-size:1rem;border-radius:6px;border:1px solid #3b3bd4;background:#3b3bd4;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#3b3bd4}.context{background:#eef0ff;border-radius:8px;padding:.75rem 1rem}
.error{background:#fde8e8;color:#8a1111;border-radius:8px;padding:.75rem 1rem}.note{color:#55555f;font-size:.9rem}
:focus-visible{outline:3px solid #ff9f1c;outline-offset:2px}`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function errorPage(title: string, message: string, retryHref?: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
${retryHref ? `<p><a href="${escapeHtml(retryHref)}">Start again</a></p>` : ''}
<p class="note">Local Authress emulator.</p>`);
}

export interface LoginPageModel {
  applicationName: string;
  authenticationRequestId: string;
  /** e.g. "You're joining Acme Corp" */
  contextLines: string[];
  providers: SimulatedProvider[];
  showSso: boolean;
  error?: string;
  values?: { email?: string; name?: string; ssoEmail?: string };
}

const SAMPLE_USERS = [
  { name: 'Ada Lovelace', email: 'ada@example.test' },
  { name: 'Grace Hopper', email: 'grace@example.test' },
];

export function loginPage(model: LoginPageModel): string {
  const id = escapeHtml(model.authenticationRequestId);
  const context = model.contextLines.length
    ? `<div class="context">${model.contextLines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>` : '';
  const error = model.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(model.error)}</p>` : '';
  const providerForms = model.providers.map((provider) => {
    const pid = escapeHtml(provider.connectionId);
    return `<form method="post" action="/login/provider" aria-labelledby="heading-${pid}">
<input type="hidden" name="authenticationRequestId" value="${id}">
<input type="hidden" name="provider" value="${pid}">
<fieldset>
<legend id="heading-${pid}">Continue with ${escapeHtml(provider.name)} (simulated)</legend>
<label for="${pid}-name">Name</label>
<input type="text" id="${pid}-name" name="name" autocomplete="name" required value="${escapeHtml(model.values?.name ?? '')}">
<label for="${pid}-email">Email</label>
<input type="email" id="${pid}-email" name="email" autocomplete="email" required value="${escapeHtml(model.values?.email ?? '')}">
<button type="submit">Continue with ${escapeHtml(provider.name)}</button>
</fieldset>
</form>
<form method="post" action="/login/provider" aria-label="Sample ${escapeHtml(provider.name)} users">
<input type="hidden" name="authenticationRequestId" value="${id}">
<input type="hidden" name="provider" value="${pid}">
<p class="note">Or pick a sample ${escapeHtml(provider.name)} user:</p>
${SAMPLE_USERS.map((user) => `<button type="submit" class="secondary" name="sample" value="${escapeHtml(`${user.name}|${user.email}`)}">${escapeHtml(user.name)} (${escapeHtml(user.email)})</button>`).join('\n')}
</form>`;
  }).join('\n');
  const sso = model.showSso ? `<h2 id="sso-heading">Sign in with your company SSO</h2>
<form method="post" action="/login/sso" aria-labelledby="sso-heading">
<input type="hidden" name="authenticationRequestId" value="${id}">
<label for="sso-email">Work email</label>
<input type="email" id="sso-email" name="email" autocomplete="email" required value="${escapeHtml(model.values?.ssoEmail ?? '')}"${model.error ? ' aria-describedby="login-error"' : ''}>
<button type="submit">Continue with SSO</button>
</form>` : '';
  return page(`Sign in to ${model.applicationName}`, `<h1>Sign in to ${escapeHtml(model.applicationName)}</h1>
${context}
${error}
${model.providers.length ? '<h2>Choose a provider</h2>' : ''}
${providerForms}
${sso}
<p class="note">This is the local Authress emulator: no real provider is contacted for Google or GitHub.</p>`);
}
