// SSRF guard for admin-provided IdP URLs: https only, no credentials, and the host must be (and
// resolve only to) ordinary public unicast addresses. WHATWG URL normalises 2130706433, 0177.0.0.1
// and 127.1 to 127.0.0.1 before we classify, so one parser decides for every spelling.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Returns every A/AAAA address for a host name. Injectable so tests never touch real DNS. */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Names that reach cloud metadata services or are never public. */
const BLOCKED_NAMES = [/^metadata\.google\.internal$/, /^metadata$/, /\.internal$/, /\.local$/, /\.localdomain$/, /\.home\.arpa$/];

export interface UrlGuardOptions { allowLoopback: boolean; resolve: Resolver; timeoutMs: number }

export type UrlCode = 'invalid-url' | 'url-not-https' | 'url-has-credentials' | 'url-not-public' | 'url-unresolvable';

function classify(address: string): string {
  return ipaddr.process(address).range();
}

const isLoopbackName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** Returns a field code when the URL is not acceptable, undefined when it is. */
export async function checkIdpUrl(raw: string, options: UrlGuardOptions): Promise<UrlCode | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid-url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url-not-https';
  if (url.username || url.password) return 'url-has-credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!host) return 'invalid-url';

  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else if (isLoopbackName(host)) addresses = ['127.0.0.1'];
  else if (BLOCKED_NAMES.some((pattern) => pattern.test(host))) return 'url-not-public';
  else {
    let timer: NodeJS.Timeout | undefined;
    try {
      addresses = await Promise.race([
        options.resolve(host),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('dns timeout')), options.timeoutMs); }),
      ]);
    } catch {
      return 'url-unresolvable';
    } finally {
      clearTimeout(timer);
    }
    if (addresses.length === 0) return 'url-unresolvable';
  }

  const ranges = addresses.map((address) => (ipaddr.isValid(address) ? classify(address) : 'invalid'));
  const allLoopback = ranges.every((range) => range === 'loopback');
  // The dev flag admits a local IdP on loopback, over http or https; nothing else non-public, ever.
  if (options.allowLoopback && allLoopback) return undefined;
  if (url.protocol !== 'https:') return 'url-not-https';
  if (ranges.some((range) => range !== 'unicast')) return 'url-not-public';
  return undefined;
}
