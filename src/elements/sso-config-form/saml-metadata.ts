/**
 * Reads the values the form needs from an IdP's SAML 2.0 metadata XML. Parsed with DOMParser as
 * XML (no scripts run, nothing is inserted into the page), namespace-aware so prefixes don't matter.
 */
const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:';
/** Preferred SSO bindings, best first (the backend redirects the browser to the IdP). */
const BINDINGS = [`${BINDING}HTTP-Redirect`, `${BINDING}HTTP-POST`];

export interface SamlMetadataValues {
  entityId?: string;
  ssoUrl?: string;
  /** Base64 body of the signing certificate (no PEM armour). */
  certificate?: string;
}

export type SamlMetadataResult = { ok: true; values: SamlMetadataValues } | { ok: false; reason: 'not-xml' | 'not-idp-metadata' };

interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
}

let xmlPolicy: TrustedTypePolicyLike | null | undefined;

/**
 * On pages with `require-trusted-types-for 'script'`, Chromium treats `DOMParser.parseFromString`
 * as an HTML sink even for XML and throws on a plain string. The parsed document is an inert XML
 * document (no scripts run, nothing reaches the page), so a policy used only here is safe. Pages
 * that list allowed policies (`trusted-types …`) must add `authress-onboarding-xml` next to Lit's
 * `lit-html` (docs/security.md).
 */
function asParserInput(xml: string): string {
  if (xmlPolicy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(input: string): string }): TrustedTypePolicyLike } }).trustedTypes;
    try {
      xmlPolicy = factory ? factory.createPolicy('authress-onboarding-xml', { createHTML: (input) => input }) : null;
    } catch {
      xmlPolicy = null; // the page's CSP does not allow our policy name: fall back to the plain string
    }
  }
  return (xmlPolicy ? xmlPolicy.createHTML(xml) : xml) as string;
}

/** True when the text looks like XML rather than a PEM certificate. */
export function looksLikeXml(text: string): boolean {
  return /^\s*(?:<\?xml|<!--|<[A-Za-z_][\w.-]*:?[\w.-]*[\s>])/.test(text);
}

export function parseSamlMetadata(xml: string): SamlMetadataResult {
  const doc = new DOMParser().parseFromString(asParserInput(xml), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return { ok: false, reason: 'not-xml' };
  const idp = doc.getElementsByTagNameNS(MD, 'IDPSSODescriptor')[0];
  if (!idp) return { ok: false, reason: 'not-idp-metadata' };
  const entity = closestEntityDescriptor(idp);
  const values: SamlMetadataValues = {};
  const entityId = entity?.getAttribute('entityID')?.trim();
  if (entityId) values.entityId = entityId;
  const ssoUrl = pickSsoUrl(idp);
  if (ssoUrl) values.ssoUrl = ssoUrl;
  const certificate = pickSigningCertificate(idp);
  if (certificate) values.certificate = certificate;
  return { ok: true, values };
}

function closestEntityDescriptor(node: Element): Element | null {
  for (let current: Element | null = node; current; current = current.parentElement) {
    if (current.namespaceURI === MD && current.localName === 'EntityDescriptor') return current;
  }
  return null;
}

function pickSsoUrl(idp: Element): string | undefined {
  const services = Array.from(idp.getElementsByTagNameNS(MD, 'SingleSignOnService'));
  for (const binding of BINDINGS) {
    const location = services.find((s) => s.getAttribute('Binding') === binding)?.getAttribute('Location')?.trim();
    if (location) return location;
  }
  return undefined;
}

function pickSigningCertificate(idp: Element): string | undefined {
  const descriptors = Array.from(idp.getElementsByTagNameNS(MD, 'KeyDescriptor')).filter((d) => {
    const use = d.getAttribute('use');
    return !use || use === 'signing';
  });
  for (const descriptor of descriptors) {
    const text = descriptor.getElementsByTagNameNS(DS, 'X509Certificate')[0]?.textContent?.replace(/\s+/g, '');
    if (text) return text;
  }
  return undefined;
}
