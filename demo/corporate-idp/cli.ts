// `npm run corporate-idp`: "Acme Corp" OpenID provider on 127.0.0.1:${CORPORATE_IDP_PORT ?? 8890},
// with the emulator's fixed callback as its only redirect URI.
import { ACME_USERS, start } from './index.js';

const DEMO_CLIENT_SECRET = 'acme-demo-secret-not-for-production';
const port = Number(process.env['CORPORATE_IDP_PORT'] ?? 8890);
const emulatorUrl = (process.env['AUTHRESS_EMULATOR_URL'] ?? 'http://127.0.0.1:8888').replace(/\/+$/, '');

try {
  const idp = await start({ port, redirectUris: [`${emulatorUrl}/api/authentication/oauth/callback`], clientSecret: DEMO_CLIENT_SECRET });
  console.log(`Acme Corp test IdP (OpenID Connect)
  Issuer:            ${idp.url}
  Authorization URL: ${idp.authorizationUrl}
  Token URL:         ${idp.tokenUrl}
  Client ID:         ${idp.clientId}
  Client secret:     ${idp.clientSecret}
  Redirect URI:      ${emulatorUrl}/api/authentication/oauth/callback
  Test users:        ${ACME_USERS.map((user) => user.email).join(', ')}
Press Ctrl-C to stop.`);
  const stop = () => { void idp.close().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const err = error as NodeJS.ErrnoException;
  console.error(err.code === 'EADDRINUSE' ? `${err.message}\nSet CORPORATE_IDP_PORT to use another port.` : `Could not start the IdP: ${err.message}`);
  process.exit(1);
}
