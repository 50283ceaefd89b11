// startDemo(): the emulator, the corporate IdPs (OIDC and SAML), the reference backend and the built demo site,
// wired together on loopback. `npm start` (demo/start.ts) and the e2e tests both use it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OAUTH_CALLBACK_PATH, start as startEmulator, type RunningEmulator } from '../authress-emulator/index.js';
import {
  ACME_USERS, mintSamlSigningCertificate, start as startIdp, startSamlIdp, type RunningCorporateIdp, type RunningSamlIdp, type SamlSigningMaterial,
} from '../corporate-idp/index.js';
import { start as startBackend, type RunningBackend } from '../backend/index.js';
import type { BackendConfig } from '../backend/config.js';
import type { Logger } from '../backend/logger.js';
import { buildSite, DIST_DIR, ensureBundle, REPO_ROOT } from './build.js';
import { startSiteServer, type RunningSite } from './site-server.js';

/** The IdP's fixed demo secret (printed, shown on the admin page): it protects nothing but a local test IdP. */
export const DEMO_IDP_CLIENT_SECRET = 'acme-demo-secret-not-for-production';
export const DEMO_SSO_DOMAIN = 'acme.test';

export interface DemoOptions {
  /** Ports (0 = any free port). Defaults: 5173, 8888, 8890, 8891, 8787. */
  sitePort?: number;
  emulatorPort?: number;
  idpPort?: number;
  samlIdpPort?: number;
  backendPort?: number;
  /**
   * Folder for the emulator's and backend's SQLite files and the built site. Default demo/.data.
   * The string 'temp' makes a fresh temporary folder that close() deletes (tests).
   */
  dataDir?: string;
  /** Environment for real-Authress settings and backend variables; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Start the local IdPs (OIDC and SAML) even with real Authress settings (they always start with the emulator). */
  corporateIdp?: boolean;
  /** Backend log lines; default: only warnings and errors on stderr. */
  logger?: Logger;
  /** Backend settings that win over the environment (e.g. raised rate limits for the benchmark). */
  backendOverrides?: Partial<BackendConfig>;
}

export interface DemoUrls {
  site: string;
  pages: { landing: string; onboarding: string; account: string; admin: string; invite: string; mailbox: string; scriptTag: string };
  /** The login host (emulator or real Authress). */
  loginHost: string;
  emulator?: string;
  idp?: string;
  /** The local SAML IdP's base URL. */
  samlIdp?: string;
  backend: string;
  /** Demo-only list of sent emails (JSON). */
  outbox: string;
}

export interface IdpValues {
  issuer: string;
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  domain: string;
  users: string[];
}

/** What an admin gives the SSO form for the local SAML IdP (the metadata XML fills the SAML fields). */
export interface SamlIdpValues {
  metadataUrl: string;
  ssoUrl: string;
  entityId: string;
  certificatePem: string;
  metadataXml: string;
  domain: string;
  users: string[];
}

export interface RunningDemo {
  urls: DemoUrls;
  /** What an admin types into the SSO form (when the local IdP runs). */
  idpValues?: IdpValues;
  mode: 'emulator' | 'authress';
  applicationId: string;
  emulator?: RunningEmulator;
  idp?: RunningCorporateIdp;
  /** What an admin gives the SSO form for SAML (when the local IdPs run). */
  samlValues?: SamlIdpValues;
  samlIdp?: RunningSamlIdp;
  /** The running backend; stopBackend()/startBackend() restart it on the same port with the same database. */
  backend(): RunningBackend | undefined;
  stopBackend(): Promise<void>;
  startBackend(): Promise<RunningBackend>;
  dataDir: string;
  close(): Promise<void>;
}

/** A port that is taken, with the variable that moves it. */
export class PortInUseError extends Error {
  constructor(readonly service: string, readonly port: number, readonly envVar: string) {
    super(`Port ${port} (${service}) is already in use. Stop the other process or set ${envVar} to another port.`);
    this.name = 'PortInUseError';
  }
}

async function onPort<T>(service: string, port: number, envVar: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err?.code === 'EADDRINUSE' || /already in use/i.test(err?.message ?? '')) throw new PortInUseError(service, port, envVar);
    throw error;
  }
}

/** Fails fast (before building anything) when a fixed port is taken. */
async function checkPortFree(service: string, port: number, envVar: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(service, port, envVar) : error));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * The SAML IdP's signing key and certificate, kept in the data folder so a restart keeps the
 * certificate an admin already pasted into the SSO form. Minted again when missing, unreadable or
 * within a day of expiry (the certificate is valid for a year).
 */
async function samlSigningMaterial(dataDir: string): Promise<SamlSigningMaterial> {
  const file = join(dataDir, 'saml-idp-signing.json');
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<SamlSigningMaterial> & { notAfter?: string };
    if (typeof stored.privateKeyPem === 'string' && typeof stored.certificatePem === 'string'
      && typeof stored.notAfter === 'string' && Date.parse(stored.notAfter) > Date.now() + 24 * 3600 * 1000) {
      return { privateKeyPem: stored.privateKeyPem, certificatePem: stored.certificatePem };
    }
  } catch {
    // missing or unreadable: mint a new one below
  }
  const minted = await mintSamlSigningCertificate();
  const notAfter = new Date(Date.now() + 364 * 24 * 3600 * 1000).toISOString(); // mint: now - 1 min + 365 days
  writeFileSync(file, `${JSON.stringify({ ...minted, notAfter }, null, 2)}\n`, { mode: 0o600 });
  return minted;
}

const quietLogger: Logger = (level, event, fields = {}) => {
  if (level !== 'info') process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
};

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const env = options.env ?? process.env;
  const temp = options.dataDir === 'temp';
  const dataDir = temp ? mkdtempSync(join(tmpdir(), 'onboarding-demo-')) : resolve(options.dataDir ?? join(REPO_ROOT, 'demo/.data'));
  mkdirSync(dataDir, { recursive: true });
  const realAuthress = Boolean(env['AUTHRESS_URL'] && env['AUTHRESS_ACCESS_KEY'] && env['AUTHRESS_APPLICATION_ID']);
  const sitePort = options.sitePort ?? 5173;
  const backendPortWanted = options.backendPort ?? 8787;

  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    closers.length = 0;
    if (temp) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const localIdp = !realAuthress || options.corporateIdp || env['DEMO_CORPORATE_IDP'] === '1';
    await checkPortFree('demo site', sitePort, 'DEMO_PORT');
    await checkPortFree('backend', backendPortWanted, 'BACKEND_PORT');
    if (!realAuthress) await checkPortFree('Authress emulator', options.emulatorPort ?? 8888, 'AUTHRESS_EMULATOR_PORT');
    if (localIdp) await checkPortFree('corporate IdP', options.idpPort ?? 8890, 'CORPORATE_IDP_PORT');
    if (localIdp) await checkPortFree('SAML IdP', options.samlIdpPort ?? 8891, 'SAML_IDP_PORT');

    // Build first (nothing listens yet): the site, and the script-tag bundle when dist/ lacks it.
    const siteDir = join(dataDir, 'site');
    await Promise.all([buildSite(siteDir), ensureBundle()]);

    let emulator: RunningEmulator | undefined;
    let loginHost: string;
    let accessKey: string;
    let applicationId: string;
    if (realAuthress) {
      loginHost = env['AUTHRESS_URL']!.replace(/\/+$/, '');
      accessKey = env['AUTHRESS_ACCESS_KEY']!;
      applicationId = env['AUTHRESS_APPLICATION_ID']!;
    } else {
      const port = options.emulatorPort ?? 8888;
      emulator = await onPort('Authress emulator', port, 'AUTHRESS_EMULATOR_PORT', () => startEmulator({
        port,
        host: '127.0.0.1',
        dataPath: join(dataDir, 'authress-emulator.sqlite'),
        accessKeyFile: join(dataDir, 'service-client-access-key'),
      }));
      closers.push(() => emulator!.close());
      loginHost = emulator.url;
      accessKey = emulator.accessKey;
      applicationId = emulator.applicationId;
    }

    let idp: RunningCorporateIdp | undefined;
    let idpValues: IdpValues | undefined;
    if (localIdp) {
      const port = options.idpPort ?? 8890;
      const redirectUri = env['DEMO_IDP_REDIRECT_URI'] ?? `${loginHost}${OAUTH_CALLBACK_PATH}`;
      idp = await onPort('corporate IdP', port, 'CORPORATE_IDP_PORT', () => startIdp({
        port, host: '127.0.0.1', redirectUris: [redirectUri], clientSecret: DEMO_IDP_CLIENT_SECRET,
      }));
      closers.push(() => idp!.close());
      idpValues = {
        issuer: idp.url, authorizationUrl: idp.authorizationUrl, tokenUrl: idp.tokenUrl, clientId: idp.clientId,
        clientSecret: idp.clientSecret, redirectUri, domain: DEMO_SSO_DOMAIN, users: ACME_USERS.map((u) => u.email),
      };
    }

    let samlIdp: RunningSamlIdp | undefined;
    let samlValues: SamlIdpValues | undefined;
    if (localIdp) {
      const port = options.samlIdpPort ?? 8891;
      const signing = await samlSigningMaterial(dataDir);
      // Connection ids (con_<accountId>) exist only once an account is created: accept any SP the
      // login host serves under its SAML path, each with its own `<entity id>/acs` only.
      samlIdp = await onPort('SAML IdP', port, 'SAML_IDP_PORT', () => startSamlIdp({
        port, host: '127.0.0.1', spPrefix: new URL(`${loginHost}/api/authentication/saml/`).href, signing,
      }));
      closers.push(() => samlIdp!.close());
      samlValues = {
        metadataUrl: `${samlIdp.url}/metadata`, ssoUrl: samlIdp.ssoUrl, entityId: samlIdp.entityId, certificatePem: samlIdp.certificatePem,
        metadataXml: samlIdp.metadataXml, domain: DEMO_SSO_DOMAIN, users: ACME_USERS.map((u) => u.email),
      };
    }

    // The site's URL must be known before the backend starts (invite links are built from APP_URL):
    // with port 0, take a free port now and keep it.
    let backend: RunningBackend | undefined;
    let backendPort = backendPortWanted;
    const siteUrlFor = (port: number) => `http://localhost:${port}`;
    const demoConfig: Record<string, unknown> = {
      loginHost, applicationId, apiBase: '/api', outbox: '/api/outbox', mode: realAuthress ? 'authress' : 'emulator',
      ...(idpValues ? { idp: idpValues } : {}),
      ...(samlValues ? { samlIdp: samlValues } : {}),
    };
    const site: RunningSite = await onPort('demo site', sitePort, 'DEMO_PORT', () => startSiteServer({
      port: sitePort,
      root: siteDir,
      distDir: DIST_DIR,
      backendUrl: () => backend?.url ?? `http://127.0.0.1:${backendPort}`,
      loginOrigin: new URL(loginHost).origin,
      demoConfig,
    }));
    closers.push(() => site.close());
    const siteUrl = siteUrlFor(site.port);

    const startBackendNow = async (): Promise<RunningBackend> => {
      const started = await onPort('backend', backendPort, 'BACKEND_PORT', () => startBackend({
        env: { ...env, ALLOW_LOOPBACK_IDP: '1', OUTBOX_HTTP: '1' },
        port: backendPort,
        host: '127.0.0.1',
        authressUrl: loginHost,
        authressAccessKey: accessKey,
        applicationId,
        appUrl: siteUrl,
        corsOrigins: [siteUrl],
        databasePath: join(dataDir, 'backend.sqlite'),
        outboxHttp: true,
        allowLoopbackIdp: true,
        ...options.backendOverrides,
      }, { logger: options.logger ?? quietLogger }));
      backendPort = Number(new URL(started.url).port);
      backend = started;
      return started;
    };
    await startBackendNow();
    closers.push(async () => { await backend?.close(); backend = undefined; });

    const page = (name: string) => `${siteUrl}/${name}.html`;
    return {
      urls: {
        site: siteUrl,
        pages: {
          landing: `${siteUrl}/`, onboarding: page('onboarding'), account: page('account'), admin: page('admin'),
          invite: page('invite'), mailbox: page('mailbox'), scriptTag: page('script-tag'),
        },
        loginHost,
        emulator: emulator?.url,
        idp: idp?.url,
        samlIdp: samlIdp?.url,
        backend: backend!.url,
        outbox: `${siteUrl}/api/outbox`,
      },
      idpValues,
      mode: realAuthress ? 'authress' : 'emulator',
      applicationId,
      emulator,
      idp,
      samlValues,
      samlIdp,
      backend: () => backend,
      stopBackend: async () => { await backend?.close(); backend = undefined; },
      startBackend: () => startBackendNow(),
      dataDir,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
