/**
 * Resolves a redirect target the way a browser would, then refuses anything that would leave the
 * page's origin unless that origin is explicitly allowed. Returns null when refused.
 *
 * Relative URLs (`/welcome`, `next?x=1`) resolve against `base`. Scheme-relative (`//evil.test`),
 * backslash tricks (`/\evil.test`), `javascript:`/`data:` URLs and userinfo (`https://app@evil.test`)
 * all end up with a different origin or scheme after parsing, so one origin check covers them.
 */
export function resolveSafeRedirect(
  target: string | null | undefined,
  options: { base: string; allowedOrigins?: readonly string[] },
): URL | null {
  if (target == null) return null;
  const trimmed = target.trim();
  if (!trimmed) return null;
  // Control characters are stripped by URL parsers in ways that differ between them; refuse.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(target)) return null;
  let url: URL;
  let base: URL;
  try {
    base = new URL(options.base);
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  if (url.origin === base.origin) return url;
  const allowed = (options.allowedOrigins ?? []).some((origin) => sameOrigin(origin, url));
  return allowed ? url : null;
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}
