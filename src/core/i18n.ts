/**
 * Strings: each element ships typed English defaults; other languages are registered once per page
 * (`registerLocale('fr', fr)`), and an element's `i18n` property overrides any key. The language is
 * the element's own `lang`, else the nearest ancestor's, else the document's.
 */
type Catalog = Record<string, object>;

const locales = new Map<string, Catalog>();

/** Registers (or extends) the messages of a language for any number of elements. */
export function registerLocale(lang: string, messages: Catalog): void {
  const key = lang.toLowerCase();
  const existing = locales.get(key) ?? {};
  const merged: Catalog = { ...existing };
  for (const [element, strings] of Object.entries(messages)) {
    merged[element] = { ...(existing[element] ?? {}), ...strings };
  }
  locales.set(key, merged);
}

/** The effective language of an element. */
export function languageOf(element: Element): string {
  const holder = element.closest('[lang]');
  return (holder?.getAttribute('lang') || element.ownerDocument?.documentElement.lang || 'en').toLowerCase();
}

/**
 * The messages an element should use: English defaults, then the registered language (exact tag,
 * then its primary subtag), then the element's own overrides.
 */
export function resolveMessages<T extends object>(
  elementKey: string,
  lang: string,
  defaults: T,
  overrides?: Partial<T>,
): T {
  const primary = lang.split('-')[0] ?? lang;
  const registered = (locales.get(lang) ?? locales.get(primary))?.[elementKey] as Partial<T> | undefined;
  return { ...defaults, ...(registered ?? {}), ...(overrides ?? {}) };
}
