/** Custom Elements Manifest (custom-elements.json): read by Storybook's docs, IDEs and framework wrappers. */

/**
 * The analyzer also lists every `dispatchEvent(someVariable)` it sees, naming the event after the
 * variable (or not at all). Our events are documented with `@fires`, so keep only those.
 */
function documentedEventsOnly() {
  return {
    name: 'documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/*/*.ts', 'src/core/onboarding-element.ts', 'src/core/api-element.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.i18n.ts', 'src/**/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [documentedEventsOnly()],
};
