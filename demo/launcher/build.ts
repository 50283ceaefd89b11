// Programmatic Vite builds for the demo: the site (one multi-page build) and, when missing, the
// script-tag bundle the no-build page loads from /dist/.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SITE_ROOT = resolve(REPO_ROOT, 'demo/site');
export const DIST_DIR = resolve(REPO_ROOT, 'dist');
export const BUNDLE_FILE = resolve(DIST_DIR, 'onboarding-elements.bundle.js');

/** The site's pages, each an entry of the one build. */
// script-tag.html is not built: it lives in public/ and is copied verbatim (it has no build step of its own).
export const PAGES = ['index', 'onboarding', 'account', 'admin', 'invite', 'mailbox'] as const;

/** Builds demo/site into outDir (static files, no inline scripts or styles, so a strict CSP holds). */
export async function buildSite(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: SITE_ROOT,
    base: '/',
    logLevel: 'warn',
    clearScreen: false,
    build: {
      outDir,
      emptyOutDir: true,
      // data: URLs would need img-src/font-src data: under the CSP; emit every asset as a file.
      assetsInlineLimit: 0,
      reportCompressedSize: false,
      // The polyfill is not needed by current browsers; leaving it out keeps the entry smaller.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: Object.fromEntries(PAGES.map((page) => [page, resolve(SITE_ROOT, `${page}.html`)])),
      },
    },
  });
}

/**
 * Makes sure dist/onboarding-elements.bundle.js exists. Uses the repo's vite.config.ts in mode
 * 'bundle' when there is one (the lead's library build); otherwise builds src/bundle.ts as one
 * self-contained ES module with an inline config of the same shape.
 */
export async function ensureBundle(): Promise<string> {
  if (existsSync(BUNDLE_FILE)) return BUNDLE_FILE;
  const configFile = resolve(REPO_ROOT, 'vite.config.ts');
  if (existsSync(configFile)) {
    await build({ configFile, root: REPO_ROOT, mode: 'bundle', logLevel: 'warn', clearScreen: false });
  }
  if (!existsSync(BUNDLE_FILE)) {
    await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'warn',
      clearScreen: false,
      mode: 'production',
      build: {
        outDir: DIST_DIR,
        emptyOutDir: false,
        reportCompressedSize: false,
        lib: { entry: resolve(REPO_ROOT, 'src/bundle.ts'), formats: ['es'], fileName: () => 'onboarding-elements.bundle.js' },
        rolldownOptions: { output: { minify: true } },
      },
    });
  }
  if (!existsSync(BUNDLE_FILE)) throw new Error(`The script-tag bundle was not produced at ${BUNDLE_FILE}`);
  return BUNDLE_FILE;
}
