/** Custom Elements Manifest (custom-elements.json): read by Storybook's docs, IDEs and framework wrappers. */
export default {
  globs: ['src/elements/*/*.ts', 'src/core/onboarding-element.ts', 'src/core/api-element.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.i18n.ts', 'src/**/define.ts'],
  outdir: '.',
  litelement: true,
};
