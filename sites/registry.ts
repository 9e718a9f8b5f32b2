// Everything the extension derives from its list of site adapters: which adapter reads a page, how a page
// is read, the pages the content script runs on (the manifest), and the names the UI shows. Built by
// `siteRegistry` so a test can add an adapter the way sites/index.ts registers one, and see it everywhere.
import { profileKey } from '../model/profile-key';
import { canonicalUrl, onHost } from './read';
import type { CardReading, PageReading, ProfileFields, ProfileReading, SiteAdapter } from './types';
import { webPage } from './web';

const NOTHING: PageReading = { profile: null, cards: [] };

export function siteRegistry(adapters: readonly SiteAdapter[]) {
  /** Every page an adapter reads: the manifest's content-script matches. */
  const contentScriptMatches = [...new Set(adapters.flatMap((a) => a.matches))];
  const names = new Map<string, string>([
    [webPage.platform, webPage.name],
    ...adapters.map((a): [string, string] => [a.platform, a.name]),
  ]);

  function adapterFor(url: URL): SiteAdapter | undefined {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return adapters.find((a) => a.hosts.some((host) => onHost(url.hostname, host)));
  }

  return {
    adapters,
    adapterFor,
    contentScriptMatches,
    /** The same pages widened to whole origins (`scheme://host/*`), as web-accessible resources require. */
    siteOrigins: [...new Set(contentScriptMatches.map((m) => m.replace(/^([^/]+\/\/[^/]+)\/.*$/, '$1/*')))],

    /** Where to look for more people with a skill: each marketplace's own search, in registry order. */
    searchLinks(skill: string): { platform: string; name: string; url: string }[] {
      const wanted = skill.trim();
      if (!wanted) return [];
      return adapters.flatMap((a) =>
        a.searchFor ? [{ platform: a.platform, name: a.name, url: a.searchFor(wanted) }] : [],
      );
    },

    /** The marketplace's name for the UI; a platform this version has no adapter for goes by its id. */
    siteName(platform: string): string {
      return names.get(platform) ?? platform;
    },

    /** Whether an address is a profile or a listing of one of these sites: all there may be to read. */
    worthReading(url: URL): boolean {
      const adapter = adapterFor(url);
      return adapter !== undefined && (adapter.profileId(url) !== null || adapter.isListing?.(url) === true);
    },

    /**
     * What the page shows: the freelancer whose profile it is, and the cards linking to freelancers.
     * Pure and total: a page that an adapter cannot make sense of reads as nothing, never as an error.
     */
    readPage(doc: Document, url: URL): PageReading {
      const adapter = adapterFor(url);
      if (!adapter) return NOTHING;
      return {
        profile: attempt(() => readProfile(adapter, doc, url), null),
        cards: attempt(() => readCards(adapter, doc, url), []),
      };
    },
  };
}

function readProfile(adapter: SiteAdapter, doc: Document, url: URL): ProfileReading | null {
  const addressed = adapter.profileId(url);
  if (addressed === null) return null;
  // The page's canonical address names the person when it knows better than the address it was reached
  // by (a vanity link, a gig of theirs, another spelling).
  const canonical = canonicalUrl(doc, url);
  const id = (canonical && adapter.profileId(canonical)) || addressed;
  const fields = adapter.readProfile(doc, url, id);
  const { platform } = adapter;
  return fields && { platform, id, key: profileKey(platform, id), ...clipped(fields) };
}

/**
 * The longest a page's name, title and location may be in what a content script tells the extension
 * (`SeenProfile`, model/page.ts), in characters. A page that shows more is read cut to these, not
 * refused: refused, its freelancer could not be shown or tracked at all.
 */
const LONGEST = { name: 300, title: 500, location: 300, metric: 200 };

/** `text` cut to `max` characters (code points, as the schemas count them). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = '';
  let count = 0;
  for (const character of text) {
    if (++count > max) break;
    cut += character;
  }
  return cut;
}

function clipped(fields: ProfileFields): ProfileFields {
  const { name, title, location, metrics } = fields;
  return {
    ...fields,
    name: clip(name, LONGEST.name),
    ...(title !== undefined && { title: clip(title, LONGEST.title) }),
    ...(location !== undefined && { location: clip(location, LONGEST.location) }),
    ...(metrics && {
      metrics: {
        ...metrics,
        ...(metrics.level !== undefined && { level: clip(metrics.level, LONGEST.metric) }),
        ...(metrics.rate !== undefined && { rate: clip(metrics.rate, LONGEST.metric) }),
      },
    }),
  };
}

function readCards(adapter: SiteAdapter, doc: Document, url: URL): CardReading[] {
  const { platform } = adapter;
  return (adapter.readCards?.(doc, url) ?? []).map((card) => ({
    platform,
    id: card.id,
    key: profileKey(platform, card.id),
    name: card.name,
    element: card.element,
  }));
}

function attempt<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}
