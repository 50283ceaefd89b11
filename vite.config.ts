import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Three library builds (see docs/architecture.md):
 * - `vite build`: ES modules for bundlers, one file per source module under dist/, with every
 *   dependency external, unminified (the app's bundler minifies).
 * - `vite build --mode bundle`: dist/onboarding-elements.bundle.js, one minified ES module for
 *   `<script type="module" src>` that registers every element; the SAML certificate parser is a
 *   separate chunk beside it, loaded only when someone pastes a certificate.
 * - `vite build --mode iife`: dist/onboarding-elements.iife.js, a classic script with everything
 *   inlined, exposing `window.AuthressOnboarding`.
 */
const elements = ['signup-button', 'create-account-form', 'invite-accept', 'sso-config-form', 'invite-form'];

const esmEntries: Record<string, string> = {
  index: resolve(import.meta.dirname, 'src/index.ts'),
  define: resolve(import.meta.dirname, 'src/define.ts'),
  'locales/fr': resolve(import.meta.dirname, 'src/locales/fr.ts'),
};
for (const tag of elements) {
  esmEntries[`elements/${tag}/${tag}`] = resolve(import.meta.dirname, `src/elements/${tag}/${tag}.ts`);
  esmEntries[`elements/${tag}/define`] = resolve(import.meta.dirname, `src/elements/${tag}/define.ts`);
}

// Everything in package.json "dependencies" stays external in the ES build.
const external = [/^lit(\/|$)/, /^@lit\//, /^@authress\/login$/, /^openapi-fetch$/, /^@peculiar\//];

export default defineConfig(({ mode }) => {
  if (mode === 'bundle' || mode === 'iife') {
    const iife = mode === 'iife';
    return {
      build: {
        target: 'es2022',
        emptyOutDir: false,
        sourcemap: true,
        minify: true,
        lib: {
          entry: resolve(import.meta.dirname, 'src/bundle.ts'),
          name: 'AuthressOnboarding',
          formats: [iife ? 'iife' : 'es'],
          fileName: () => (iife ? 'onboarding-elements.iife.js' : 'onboarding-elements.bundle.js'),
        },
        rolldownOptions: {
          output: iife
            ? { inlineDynamicImports: true, minify: true }
            : // Library-mode ES output keeps its whitespace unless told: minify for real.
              { chunkFileNames: 'onboarding-elements.[name]-[hash].js', minify: true },
        },
      },
    };
  }
  return {
    build: {
      target: 'es2022',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      lib: { entry: esmEntries, formats: ['es'] },
      rolldownOptions: {
        external,
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
        },
      },
    },
  };
});
