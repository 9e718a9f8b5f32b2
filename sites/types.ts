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

/** What an adapter reads on a profile page; `readPage` adds the identity (platform, id, key). */
export type ProfileFields = Omit<ProfileReading, 'platform' | 'id' | 'key'>;

/** A card as an adapter finds it; `readPage` adds the platform and the key. */
export type CardFound = Omit<CardReading, 'platform' | 'key'>;

/**
 * One marketplace: its identity, which of its addresses are profiles, and how to read its pages. One file
 * per site (`sites/<platform>.ts`), registered by one line in sites/index.ts. `readPage` does the rest for
 * every adapter alike: it picks the adapter by host, asks `profileId` whether the address is a profile,
 * prefers the id that the page's canonical address names, and builds the keys.
 */
export type SiteAdapter = {
  /** The id in every stored record and key of this site's profiles: a lower-case word, never renamed. */
  platform: Platform;
  /** The marketplace as the UI names it. */
  name: string;
  /** Hostnames this adapter reads, subdomains included (`fiverr.com` also covers `de.fiverr.com`). */
  hosts: readonly string[];
  /** Manifest match patterns: every page where the adapter reads a profile, or cards (its listings). */
  matches: readonly string[];
  /** The freelancer an address is the profile of, spelt as in the address; null for any other page. */
  profileId(url: URL): string | null;
  /** What the profile page of `id` shows; null when the page turns out not to be a person's. */
  readProfile(doc: Document, url: URL, id: string): ProfileFields | null;
  /**
   * Whether an address is one of the site's listings (search results, directories), whose cards link to
   * freelancers. With `profileId`, the one cheap check the content script makes of an address: a page
   * that is neither gets nothing more from it. Absent on sites without listings.
   */
  isListing?(url: URL): boolean;
  /** The freelancers the page's cards link to (on a listing, or on a profile that shows others). */
  readCards?(doc: Document, url: URL): CardFound[];
  /** The marketplace's own search for freelancers with a skill ("find more for WordPress"), if it has one. */
  searchFor?(skill: string): string;
};

/**
 * The addresses an adapter's file starts with (exported as `samples`): the profiles it must accept, the
 * listings whose cards it reads, and pages of the site that are neither. Tests only; never bundled.
 */
export type Samples = { profiles: string[]; listings: string[]; others: string[] };
