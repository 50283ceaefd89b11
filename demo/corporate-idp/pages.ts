// HTML for the corporate IdP: its own small accessible pages, so nothing loads from the internet
// (oidc-provider's built-in pages import Google Fonts).

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function idpPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem;color:#17202a;line-height:1.5}
header{border-bottom:4px solid #0b6e4f;margin-bottom:1rem}h1{font-size:1.4rem}ul{list-style:none;padding:0}li{margin:.5rem 0}
button{width:100%;text-align:left;padding:.7rem 1rem;font-size:1rem;border:1px solid #0b6e4f;border-radius:6px;background:#fff;color:#0b6e4f;cursor:pointer}
button:hover{background:#e8f5ef}button.cancel{border-color:#888;color:#444}.note{color:#555;font-size:.9rem}
:focus-visible{outline:3px solid #ff9f1c;outline-offset:2px}.error{background:#fde8e8;color:#8a1111;padding:.75rem 1rem;border-radius:6px}</style>
</head>
<body>
<header><p><strong>Acme Corp</strong> single sign-on (local test IdP)</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

export interface IdpUser { sub: string; email: string; name: string }

export function loginPage(uid: string, clientName: string, users: IdpUser[]): string {
  const action = `/interaction/${encodeURIComponent(uid)}/login`;
  return idpPage('Sign in to Acme Corp', `<h1>Sign in to Acme Corp</h1>
<p>${escapeHtml(clientName)} wants you to sign in. Choose a test user:</p>
<form method="post" action="${escapeHtml(action)}">
<ul aria-label="Test users">
${users.map((user) => `<li><button type="submit" name="sub" value="${escapeHtml(user.sub)}">${escapeHtml(user.name)} &lt;${escapeHtml(user.email)}&gt;</button></li>`).join('\n')}
</ul>
</form>
<form method="post" action="/interaction/${escapeHtml(encodeURIComponent(uid))}/abort">
<button type="submit" class="cancel">Cancel sign-in</button>
</form>
<p class="note">No password is needed: this identity provider exists only for local testing.</p>`);
}

export function errorPage(title: string, details: Record<string, string>): string {
  return idpPage(title, `<h1>${escapeHtml(title)}</h1>
<div class="error" role="alert">${Object.entries(details).map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(value)}</p>`).join('')}</div>`);
}
