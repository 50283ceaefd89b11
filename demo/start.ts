// `npm start`: the whole onboarding demo on this machine, no configuration needed.
// Ports: DEMO_PORT (5173), AUTHRESS_EMULATOR_PORT (8888), CORPORATE_IDP_PORT (8890), SAML_IDP_PORT (8891),
// BACKEND_PORT (8787).
// With AUTHRESS_URL + AUTHRESS_ACCESS_KEY + AUTHRESS_APPLICATION_ID set, real Authress replaces the
// emulator (and the local IdPs are skipped unless DEMO_CORPORATE_IDP=1).
import { PortInUseError, startDemo, type RunningDemo } from './launcher/index.js';

const port = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} must be a port number (0-65535), got ${JSON.stringify(raw)}.`);
    process.exit(1);
  }
  return value;
};

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

function banner(demo: RunningDemo): string {
  const { urls, idpValues, samlValues } = demo;
  const rows: Array<[string, string]> = [
    ['Landing (sign up)', urls.pages.landing],
    ['Create account', urls.pages.onboarding],
    ['Your account', urls.pages.account],
    ['Admin (SSO + invites)', `${urls.pages.admin}?accountId=…  (linked from Your account)`],
    ['Invite page', `${urls.pages.invite}?inviteId=…  (linked from the email)`],
    ['Mailbox (sent emails)', urls.pages.mailbox],
    ['Script-tag page', urls.pages.scriptTag],
    [demo.mode === 'emulator' ? 'Login host (emulator)' : 'Login host (Authress)', urls.loginHost],
  ];
  if (urls.idp) rows.push(['Corporate IdP (Acme)', urls.idp]);
  if (urls.samlIdp) rows.push(['SAML IdP (Acme)', urls.samlIdp]);
  rows.push(['Backend API', `${urls.backend}  (the site proxies it at ${urls.site}/api)`]);
  let text = `\nAuthress onboarding demo is running (${demo.mode === 'emulator' ? 'local Authress emulator' : 'real Authress'}).\n\n${table(rows)}\n`;
  if (idpValues) {
    text += `\nSSO form values for the local test IdP (admin page, OAuth2):\n\n${table([
      ['Email domain', idpValues.domain],
      ['Authorization URL', idpValues.authorizationUrl],
      ['Token URL', idpValues.tokenUrl],
      ['Client ID', idpValues.clientId],
      ['Client secret', idpValues.clientSecret],
      ['Issuer', idpValues.issuer],
      ['Redirect URI (at IdP)', idpValues.redirectUri],
      ['Test users', idpValues.users.join(', ')],
    ])}\n`;
  }
  if (samlValues) {
    text += `\nSSO form values for the local SAML IdP (admin page, SAML 2.0; the admin page shows the full\ncertificate and the metadata XML as text to copy):\n\n${table([
      ['Email domain', samlValues.domain],
      ['Metadata XML', samlValues.metadataUrl],
      ['SSO URL', samlValues.ssoUrl],
      ['Entity ID', samlValues.entityId],
      ['Certificate', `${samlValues.certificatePem.split('\n')[1]?.slice(0, 40) ?? ''}…  (kept in ${demo.dataDir}/saml-idp-signing.json)`],
      ['Test users', samlValues.users.join(', ')],
    ])}\n`;
  }
  text += `\nData: ${demo.dataDir} (delete it to start over). Press Ctrl-C to stop.\n`;
  return text;
}

let demo: RunningDemo;
try {
  console.log('Starting the demo (building the site first)…');
  demo = await startDemo({
    sitePort: port('DEMO_PORT', 5173),
    emulatorPort: port('AUTHRESS_EMULATOR_PORT', 8888),
    idpPort: port('CORPORATE_IDP_PORT', 8890),
    samlIdpPort: port('SAML_IDP_PORT', 8891),
    backendPort: port('BACKEND_PORT', 8787),
  });
} catch (error) {
  if (error instanceof PortInUseError) console.error(error.message);
  else console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(banner(demo));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  void demo.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
