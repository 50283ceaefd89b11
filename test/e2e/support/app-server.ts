// Shared e2e harness: serve a fixture folder with a Vite dev server on http://localhost:<random>,
// so pages can import packages from node_modules (e.g. the real @authress/login).
// The app must be on hostname `localhost` while login hosts use 127.0.0.1: @authress/login
// does not navigate to a login page on the same hostname as the app.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ViteAppOptions {
  /** Bare imports to pre-bundle up front, so Vite never reloads the page mid-test to optimize them. */
  optimizeDeps?: string[];
  /** Values replaced at build time (Vite `define`). */
  define?: Record<string, string>;
}

export interface RunningApp {
  /** e.g. http://localhost:5173 (no trailing slash) */
  url: string;
  close(): Promise<void>;
}

export async function startViteApp(root: string, options: ViteAppOptions = {}): Promise<RunningApp> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'vite-e2e-'));
  const server = await createServer({
    configFile: false,
    root,
    cacheDir,
    logLevel: 'warn',
    clearScreen: false,
    define: options.define,
    optimizeDeps: { include: options.optimizeDeps ?? [], noDiscovery: false },
    server: { host: 'localhost', port: 0, strictPort: false, hmr: false, fs: { allow: [REPO_ROOT] } },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: async () => {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Folder of the generic @authress/login test page (see README.md). */
export const LOGIN_APP_ROOT = fileURLToPath(new URL('./login-app/', import.meta.url));
