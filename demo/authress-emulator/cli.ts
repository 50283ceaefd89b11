// `npm run emulator`: the local Authress emulator on 127.0.0.1:${AUTHRESS_EMULATOR_PORT ?? 8888},
// data in demo/.data/authress-emulator.sqlite, access key written for the reference backend.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OAUTH_CALLBACK_PATH, start } from './index.js';

const dataDir = fileURLToPath(new URL('../.data/', import.meta.url));
const accessKeyFile = `${dataDir}service-client-access-key`;
const port = Number(process.env['AUTHRESS_EMULATOR_PORT'] ?? 8888);
mkdirSync(dataDir, { recursive: true });

try {
  const emulator = await start({ port, host: '127.0.0.1', dataPath: `${dataDir}authress-emulator.sqlite`, accessKeyFile });
  console.log(`Local Authress emulator (application ${emulator.applicationId})
  Login host / API base / token issuer: ${emulator.url}
  Hosted login page:                    ${emulator.url}/login
  JWKS:                                 ${emulator.url}/.well-known/openid-configuration/jwks
  Management API:                       ${emulator.url}/v1/
  SSO redirect URI for IdPs:            ${emulator.url}${OAUTH_CALLBACK_PATH}
  Service-client access key (also in ${accessKeyFile}):
  ${emulator.accessKey}
Press Ctrl-C to stop.`);
  const stop = () => { void emulator.close().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const err = error as NodeJS.ErrnoException;
  console.error(err.code === 'EADDRINUSE'
    ? `${err.message}\nSet AUTHRESS_EMULATOR_PORT to use another port.`
    : `Could not start the emulator: ${err.message}`);
  process.exit(1);
}
