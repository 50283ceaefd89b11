// start(): the backend on a loopback port, for `npm run backend` and in-process tests.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createBackend, type BackendDeps } from './app.js';
import { loadConfig, type BackendConfig } from './config.js';
import type { OutboxEntry } from './db.js';

export { createBackend, type BackendDeps } from './app.js';
export { loadConfig, type BackendConfig } from './config.js';

export interface StartOptions extends Partial<BackendConfig> {
  port?: number;
  host?: string;
  /** Environment to read unset settings from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningBackend {
  url: string;
  close(): Promise<void>;
  outbox: { list(): OutboxEntry[] };
  db: ReturnType<typeof createBackend>['services']['db'];
  config: BackendConfig;
}

export async function start(options: StartOptions = {}, deps: BackendDeps = {}): Promise<RunningBackend> {
  const { port = 0, host = '127.0.0.1', env, ...overrides } = options;
  const config = loadConfig(env ?? process.env, overrides);
  const backend = createBackend(config, deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: backend.app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    config,
    outbox: backend.services.db.outbox,
    db: backend.services.db,
    close: () => new Promise<void>((resolve) => {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(() => {
        backend.close();
        resolve();
      });
    }),
  };
}
