// Any page the user attaches to a contractor by hand (a portfolio, a personal site, a profile on a
// marketplace without an adapter): its identity is its address. Pure; the content script imports it,
// so it stays small.
import type { SeenProfile } from '../model/page';
import { profileKey } from '../model/profile-key';

/** Pages attached by hand have a platform of their own, which no site adapter may take. */
export const webPage = { platform: 'web', name: 'Web page' } as const;

/** Query parameters that say where a visitor came from, not which page this is. */
const TRACKING_PARAM =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi)$/i;

/** Longest address kept as an identity (a profile id holds at most 512 characters). */
const MAX_ADDRESS = 512;
const MAX_NAME = 300;

/**
 * The address that names a page: scheme, lower-cased host, port if not the default, path without a
 * trailing slash, and the query less tracking parameters, sorted; never the fragment. Null for
 * anything that is not an http(s) page, or an address too long to keep.
 */
export function normalisedAddress(address: string | URL): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const params = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const path = url.pathname.replace(/\/+$/, '');
  const normal = `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
  return normal.length > MAX_ADDRESS ? null : normal;
}

/**
 * A page attached by hand as a `web` profile: id the normalised address, key `web:<address>` (lower-
 * cased, like every key), and the page's title as name (its address when it has no title).
 */
export function webProfile(address: string | URL, title = ''): SeenProfile | null {
  const id = normalisedAddress(address);
  if (!id) return null;
  const name = title.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) || id.replace(/^https?:\/\//, '');
  return { platform: webPage.platform, id, key: profileKey(webPage.platform, id), name, url: id };
}

/** The host permission that covers a page's whole site (`scheme://host/*`; match patterns take no port). */
export function siteOriginOf(address: string | URL): string | null {
  try {
    const url = new URL(address);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}
