// Fiverr: seller pages (/<username>), gig pages (/<username>/<gig>, read as the gig's seller) and gig cards
// in search, category, tag and "more gigs" listings.
import {
  cleanMetrics,
  collectCards,
  dig,
  firstElement,
  firstLinked,
  firstText,
  linkUrl,
  metaContent,
  numberIn,
  onHost,
  optional,
  scriptJson,
  segments,
  str,
  textOf,
} from './read';
import type { CardFound, ProfileFields, Samples, SiteAdapter } from './types';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://www.fiverr.com/tonigdesign',
    'https://www.fiverr.com/tonigdesign?source=gig_cards&referrer_gig_slug=design-your-logo',
    'https://www.fiverr.com/vpross/create-a-top-quality-retro-vintage-logo-for-you',
    'https://www.fiverr.com/vpross/create-a-logo?context_referrer=search_gigs&pos=3',
    'https://de.fiverr.com/sarah_design3r',
  ],
  listings: [
    'https://www.fiverr.com/search/gigs?query=logo',
    'https://www.fiverr.com/categories/graphics-design/creative-logo-design',
    'https://www.fiverr.com/gigs/retro-logo',
  ],
  others: [
    'https://www.fiverr.com/',
    'https://www.fiverr.com/pro',
    'https://www.fiverr.com/cp/about-us',
    'https://www.fiverr.com/support',
    'https://www.fiverr.com/login',
    'https://www.fiverr.com/inbox/tonigdesign',
    'https://www.fiverr.com/users/tonigdesign/manage_gigs',
    'https://www.fiverr.com/start_selling',
    'https://www.fiverr.com/logo-maker',
    'https://www.fiverr.com/hire/logo-design',
    'https://www.fiverr.com/resources/guides',
  ],
};

/**
 * Fiverr's own top-level paths that would otherwise read as a username (usernames are letters, digits and
 * underscores, so paths with a hyphen such as /logo-maker never match). From the site's route table.
 */
const RESERVED = new Set([
  'about',
  'account-settings',
  'affiliates',
  'agencies',
  'api',
  'billing',
  'briefs',
  'business',
  'buyers',
  'categories',
  'checkout',
  'collections',
  'community',
  'conversations',
  'cp',
  'customer_care',
  'dashboard',
  'earnings',
  'events',
  'experiences',
  'faq',
  'freelancers',
  'gig_page',
  'gigs',
  'go',
  'hc',
  'hire',
  'home',
  'inbox',
  'industries',
  'insights',
  'jobs',
  'join',
  'landing',
  'levels',
  'lists',
  'login',
  'logout',
  'manage_gigs',
  'manage_orders',
  'messages',
  'my_profile',
  'news',
  'notifications',
  'orders',
  'pages',
  'partnerships',
  'payments',
  'portfolio',
  'pro',
  'professions',
  'promoted_gigs',
  'purchases',
  'resources',
  'reviews',
  'search',
  'seller',
  'seller_dashboard',
  'seller_onboarding',
  'sellers',
  'settings',
  'signup',
  'start_selling',
  'stores',
  'support',
  'terms_of_service',
  'users',
  'welcome',
  'workspace',
]);
const USERNAME = /^[a-z0-9_]{3,}$/i;

/** The seller an address belongs to: `/<username>` or `/<username>/<gig-slug>`. */
function sellerOf(url: URL): string | null {
  if (!onHost(url.hostname, 'fiverr.com')) return null;
  const parts = segments(url);
  const [user] = parts;
  if (!user || parts.length > 2 || !USERNAME.test(user) || RESERVED.has(user.toLowerCase())) return null;
  return user;
}

/** A seller's own page, as opposed to one of their gigs. */
/** Search results, category and tag pages: listings of gigs, each by its seller. */
const LISTINGS = new Set(['search', 'categories', 'gigs']);

function isSellerPage(url: URL): boolean {
  return sellerOf(url) !== null && segments(url).length === 1;
}

/** The seller of a gig, from the gig's address. */
function gigSellerOf(url: URL): string | null {
  return segments(url).length === 2 ? sellerOf(url) : null;
}

const selectors = {
  name: [
    '[data-testid="contact-seller-button"] [data-testid="username"]', // "contact me" box (2025)
    '.seller-overview .text-bold', // gig page, seller line under the title (2024–2025)
    '.seller-card .user-info a.seller-link', // gig page (before 2023)
    '.seller-profile h1', // seller page (before 2024)
  ],
  sellerPageName: ['h1'],
  anchor: [
    '.seller-overview', // gig page: seller line under the gig title
    '.seller-card', // gig page: "about the seller" box
  ],
  /** One gig card each, in listings and carousels. */
  card: [
    '.gig-wrapper[data-gig-id]', // search, category and carousels (2023–2025)
    'div.gig-card-layout > .gig-wrapper', // same, should the id attribute be dropped
    'article.gig-card', // listings (before 2021)
  ],
  /** The seller link on a card ("by <name>"): Fiverr tags it with source=gig_cards. */
  cardSeller: ['a[href*="source=gig_cards"]', 'a.seller-name', '.seller-info a'],
  /** Any link to the gig itself, whose first path segment is the seller. */
  cardGig: 'a[href]',
} as const;

type Perseus = Record<string, unknown>;

const LEVELS: Record<string, string> = {
  NEW_SELLER: 'New seller',
  LEVEL_ONE: 'Level 1',
  LEVEL_TWO: 'Level 2',
  TOP_RATED_SELLER: 'Top Rated',
  LEVEL_THREE: 'Top Rated',
};

function sellerLevel(value: unknown): string | undefined {
  const raw = str(value);
  return raw ? (LEVELS[raw] ?? raw.replace(/_/g, ' ').toLowerCase()) : undefined;
}

/** "$35/hr" from the seller's hourly rate in cents and the page's currency. */
function hourlyRate(props: Perseus | undefined): string | undefined {
  const cents = dig(props, 'seller', 'hourlyRate', 'priceInCents');
  if (typeof cents !== 'number') return undefined;
  const symbol = str(dig(props, 'currency', 'symbol')) || '$';
  return `${symbol}${Math.round(cents) / 100}/hr`;
}

function readProfile(doc: Document, url: URL, id: string): ProfileFields {
  // The full page state: parsed once per reading.
  const props = scriptJson(doc, 'perseus-initial-props') as Perseus | undefined;
  const seller = dig(props, 'seller');
  const sameSeller = str(dig(seller, 'user', 'name')).toLowerCase() === id.toLowerCase();
  const data = sameSeller ? seller : undefined;
  const onSellerPage = isSellerPage(url);
  const ogName = onSellerPage ? metaContent(doc, 'og:title').split(' | ')[0]?.trim() : '';
  const name =
    str(dig(data, 'user', 'profile', 'displayName')) ||
    ogName ||
    firstText(doc, selectors.name) ||
    (onSellerPage ? firstText(doc, selectors.sellerPageName) : '');
  return {
    name,
    title: optional(str(dig(data, 'oneLinerTitle'))),
    location: optional(str(dig(data, 'user', 'address', 'countryName'))),
    metrics: data
      ? cleanMetrics({
          rating: numberIn(str(dig(data, 'rating', 'score'))),
          reviews: numberIn(str(dig(data, 'rating', 'count'))),
          level: sellerLevel(dig(data, 'sellerLevel')),
          rate: hourlyRate(props as Perseus),
        })
      : undefined,
    anchor: onSellerPage
      ? (doc.querySelector(selectors.sellerPageName[0])?.parentElement ?? undefined)
      : firstElement(doc, selectors.anchor),
  };
}

function readCards(doc: Document, url: URL): CardFound[] {
  // A seller page lists the seller's own gigs: they are the profile's content, not cards for someone else.
  const self = isSellerPage(url) ? sellerOf(url)?.toLowerCase() : undefined;
  const cards = collectCards(doc, selectors.card, (card) => {
    const sellerLink = firstElement(card, selectors.cardSeller);
    const fromSeller = sellerLink && linkUrl(sellerLink, url);
    const id =
      (fromSeller && sellerOf(fromSeller)) || firstLinked(card, selectors.cardGig, url, gigSellerOf)?.id;
    return id ? { id, name: optional(textOf(sellerLink)) } : null;
  });
  return self ? cards.filter((c) => c.id.toLowerCase() !== self) : cards;
}

export const fiverr: SiteAdapter = {
  platform: 'fiverr',
  name: 'Fiverr',
  hosts: ['fiverr.com'],
  // Fiverr routes on the client between listings, gigs and sellers; locale subdomains serve the same pages.
  matches: ['https://*.fiverr.com/*'],
  profileId: sellerOf,
  readProfile,
  isListing: (url) => onHost(url.hostname, 'fiverr.com') && LISTINGS.has(segments(url)[0] ?? ''),
  readCards,
  searchFor: (skill) => `https://www.fiverr.com/search/gigs?query=${encodeURIComponent(skill)}`,
};
