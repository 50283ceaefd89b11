import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

export default defineConfig(
  {
    ignores: ['dist/', 'storybook-static/', 'coverage/', 'test-results/', 'custom-elements.json', 'src/core/api/schema.d.ts', '.storybook/public/', 'demo/.data/', '**/*.html'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Three programs: the library (tsconfig.json), the Node demo and tests (demo/tsconfig.json),
        // and the demo site's browser scripts (demo/site/tsconfig.json).
        project: ['./tsconfig.json', './demo/tsconfig.json', './demo/site/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // A leading underscore marks a deliberately unused name (e.g. a field dropped from an object).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // Browser scripts of test fixtures and the demo site.
    files: ['test/e2e/support/**/*.js', 'demo/site/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', location: 'readonly', customElements: 'readonly', fetch: 'readonly' } },
  },
  {
    // Fakes implement async interfaces synchronously.
    files: ['test/unit/support/**/*.ts', 'stories/support/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['src/**/*.ts', 'test/unit/**/*.ts', 'stories/**/*.ts'],
    extends: [lit.configs['flat/recommended']],
    // Lit binds `this` for @event=${this.handler}.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai's .equal() is typed as possibly returning a Promise by @open-wc/semantic-dom-diff.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The SDK is typed loosely (demo/types/authress-sdk.d.ts) and node:test fakes are sync.
    files: ['test/node/**/*.ts', 'test/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['demo/**', 'scripts/**', 'test/node/**', 'test/e2e/**', '*.config.*'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
