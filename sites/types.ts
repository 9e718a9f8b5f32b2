import type { PlatformMetrics } from '../model/page';
import type { Platform } from '../model/platform';

/** What one page shows: the freelancer whose profile it is (if any) and the cards linking to freelancers. */
export type PageReading = { profile: ProfileReading | null; cards: CardReading[] };

export type ProfileReading = {
  platform: Platform;
  /** As the site spells it in addresses; `key` holds it lower-cased. */
  id: string;
  key: string;
  /** '' while the page does not name them yet (a single-page app still rendering). */
  name: string;
  title?: string;
  location?: string;
  metrics?: PlatformMetrics;
  /** Where the overlay should sit, if the page has a natural place for it. */
  anchor?: Element;
};

export type CardReading = { platform: Platform; id: string; key: string; name?: string; element: Element };

/** Pages of one marketplace: which addresses are profiles, and how to read a profile and its cards. */
export type SiteAdapter = {
  platform: Platform;
  /** Hostnames this adapter reads, subdomains included (`fiverr.com` also covers `de.fiverr.com`). */
  hosts: string[];
  /** Manifest match patterns for every page where the adapter reads a profile or cards. */
  matches: string[];
  /** Addresses the predicates are tested on. */
  samples: { profiles: string[]; listings: string[]; others: string[] };
  isProfile(url: URL): boolean;
  readProfile(doc: Document, url: URL): ProfileReading | null;
  readCards(doc: Document, url: URL): CardReading[];
};
