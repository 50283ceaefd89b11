/**
 * Registers a custom element once. Registering the same class again is a no-op (Storybook HMR,
 * two imports of the define file); a *different* class under the same tag only warns, because
 * throwing here would abort every registration after it in a bundle.
 */
export function defineElement(
  tag: string,
  ctor: CustomElementConstructor,
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): void {
  if (!registry) return; // SSR or a non-browser environment: nothing to register with.
  const existing = registry.get(tag);
  if (existing === ctor) return;
  if (existing) {
    console.warn(
      `<${tag}> is already defined by another class (two copies of authress-onboarding-elements on the page?); keeping the first.`,
    );
    return;
  }
  registry.define(tag, ctor);
}
