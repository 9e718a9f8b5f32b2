// The site registry and the one entry point the content script calls on every page and DOM change.
import { contra } from './contra';
import { fiverr } from './fiverr';
import { freelancer } from './freelancer';
import { github } from './github';
import { guru } from './guru';
import { linkedin } from './linkedin';
import { peopleperhour } from './peopleperhour';
import { onHost } from './read';
import { toptal } from './toptal';
import type { CardReading, PageReading, ProfileReading, SiteAdapter } from './types';
import { upwork } from './upwork';

export const adapters: readonly SiteAdapter[] = [
  upwork,
  fiverr,
  freelancer,
  peopleperhour,
  guru,
  toptal,
  contra,
  linkedin,
  github,
];

/** Every page an adapter reads: the manifest's content-script matches and host list come from here. */
export const contentScriptMatches: string[] = [...new Set(adapters.flatMap((a) => a.matches))];

/** The same pages widened to whole origins (`scheme://host/*`), as web-accessible resources require. */
export const siteOrigins: string[] = [
  ...new Set(contentScriptMatches.map((m) => m.replace(/^([^/]+\/\/[^/]+)\/.*$/, '$1/*'))),
];

export function adapterFor(url: URL): SiteAdapter | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return adapters.find((a) => a.hosts.some((host) => onHost(url.hostname, host)));
}

/**
 * What the page shows: the freelancer whose profile it is, and the cards linking to freelancers.
 * Pure and total: a page that an adapter cannot make sense of reads as nothing, never as an error.
 */
export function readPage(doc: Document, url: URL): PageReading {
  const adapter = adapterFor(url);
  if (!adapter) return { profile: null, cards: [] };
  let profile: ProfileReading | null = null;
  let cards: CardReading[] = [];
  try {
    profile = adapter.isProfile(url) ? adapter.readProfile(doc, url) : null;
  } catch {
    profile = null;
  }
  try {
    cards = adapter.readCards(doc, url);
  } catch {
    cards = [];
  }
  return { profile, cards };
}

export type { CardReading, PageReading, ProfileReading, SiteAdapter } from './types';
