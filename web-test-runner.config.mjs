import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { plainSummaryReporter } from './scripts/summary-reporter.mjs';
import { fakeAuthressMiddleware } from './test/unit/support/fake-authress-middleware.mjs';

// @authress/login's ESM source imports the CommonJS packages `cookie` and `lodash.take`;
// strictRequires: false is required, or the shim exports only `__require`.
const commonjs = fromRollup(rollupCommonjs);

export const chromiumFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--mute-audio',
];

// One element's tests: npx web-test-runner --files 'test/unit/invite-form*.test.ts'
export default {
  files: 'test/unit/**/*.test.ts',
  nodeResolve: { exportConditions: ['development'] },
  middleware: [fakeAuthressMiddleware],
  plugins: [
    commonjs({ include: ['**/node_modules/cookie/**', '**/node_modules/lodash.take/**'], strictRequires: false }),
    // No `target`: an explicit one makes esbuild rewrite node_modules too and drop the import
    // attribute @authress/login uses for its package.json.
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: chromiumFlags },
    }),
  ],
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 5000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), plainSummaryReporter()],
};
