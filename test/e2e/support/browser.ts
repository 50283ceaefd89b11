// Shared e2e harness: launch the system Chromium (Debian's /usr/bin/chromium, or CHROME_PATH)
// through playwright-core, which never downloads browsers. Reuse this from any e2e suite.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Flags that keep a headless, root-run, offline Chromium quiet and deterministic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-default-apps',
];

export function chromiumPath(): string {
  const path = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install -y --no-install-recommends chromium) or set CHROME_PATH.`);
  }
  return path;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, ...options, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}
