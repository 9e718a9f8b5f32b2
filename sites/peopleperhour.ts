// PeoplePerHour: freelancer profiles (/freelancer/...) and freelancer search (/hire-freelancers...).
import {
  cleanMetrics,
  collectCards,
  dig,
  firstElement,
  firstLinked,
  firstText,
  ldPerson,
  metaContent,
  nameAndTitle,
  numberIn,
  onHost,
  optional,
  segments,
  str,
  titleParts,
} from './read';
import type { CardFound, ProfileFields, Samples, SiteAdapter } from './types';

const HOST = 'www.peopleperhour.com';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://www.peopleperhour.com/freelancer/technology-programming/jane-doe-full-stack-developer-zzvaxyvj',
    'https://www.peopleperhour.com/freelancer/design/maria-lopez-logo-designer-xnxyanw#reviews',
    'https://www.peopleperhour.com/freelancer/jane_doe-brand-designer-zzqqqmjq',
    'https://www.peopleperhour.com/freelancer/mahmoud/front-end-developer-ui-ux-designer/1526559',
  ],
  listings: [
    'https://www.peopleperhour.com/hire-freelancers',
    'https://www.peopleperhour.com/hire-freelancers?location=GB&page=2',
    'https://www.peopleperhour.com/hire-freelancers/design/logo-design',
  ],
  others: [
    'https://www.peopleperhour.com/',
    'https://www.peopleperhour.com/freelancer/dashboard',
    'https://www.peopleperhour.com/freelancer/edit-profile',
    'https://www.peopleperhour.com/freelancer/hourlies/new',
    'https://www.peopleperhour.com/freelance-jobs',
    'https://www.peopleperhour.com/hourlie/professional-logo-design/12345678',
  ],
};

/** The freelancer's own account pages, which share the /freelancer/ prefix. */
const ACCOUNT_PAGES = new Set([
  'dashboard',
  'edit-profile',
  'hourlies',
  'settings',
  'inbox',
  'proposals',
  'invoices',
  'payments',
  'stats',
]);
/** Profiles end with a short letter code after the slug: "jane-doe-full-stack-developer-zzvaxyvj". */
const CODE_AFTER_SLUG = /-([a-z]{5,10})$/;

/**
 * The freelancer an address names: the letter code at the end of today's profile addresses
 * (/freelancer/<category>/<slug>-<code>, or without the category), or the number at the end of the
 * older /freelancer/<name>/<title>/<number>.
 */
function freelancerId(url: URL): string | null {
  if (!onHost(url.hostname, HOST)) return null;
  const parts = segments(url);
  if (parts[0] !== 'freelancer' || parts.length < 2 || parts.length > 4) return null;
  if (ACCOUNT_PAGES.has(parts[1]?.toLowerCase() ?? '')) return null;
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 4) return /^\d+$/.test(last) ? last : null;
  return last.match(CODE_AFTER_SLUG)?.[1] ?? null;
}

const selectors = {
  name: ['.member-name h1', '.member-name'],
  title: ['.member-job'],
  location: ['.member-location p', '.member-location'],
  rate: ['.member-cost'],
  rating: ['.total-rating'],
  reviews: ['.total-reviews'],
  anchor: ['.member-info', '.member-name'],
  /** One search result each. */
  card: [
    '.freelancer-card', // /hire-freelancers (2023–)
    '[class*="FreelancerCard"]', // the same card where class names are generated from the component
  ],
  cardLink: 'a[href*="/freelancer/"]',
  cardName: ['.card__title', '.freelancer-name'],
} as const;

const SITE = /\s*[|-]\s*PeoplePerHour(\.com)?\s*$/i;

function readProfile(doc: Document): ProfileFields {
  const person = ldPerson(doc);
  const [name, title] = titleParts(metaContent(doc, 'og:title') || doc.title, SITE);
  return {
    ...nameAndTitle(person, { name, title }, doc, selectors),
    location: optional(str(dig(person, 'address', 'addressLocality')) || firstText(doc, selectors.location)),
    metrics: cleanMetrics({
      rating: numberIn(firstText(doc, selectors.rating)),
      reviews: numberIn(firstText(doc, selectors.reviews)),
      rate: optional(firstText(doc, selectors.rate)),
    }),
    anchor: firstElement(doc, selectors.anchor),
  };
}

function readCards(doc: Document, url: URL): CardFound[] {
  return collectCards(doc, selectors.card, (card) => {
    const found = firstLinked(card, selectors.cardLink, url, freelancerId);
    return found && { id: found.id, name: optional(firstText(card, selectors.cardName)) };
  });
}

export const peopleperhour: SiteAdapter = {
  platform: 'peopleperhour',
  name: 'PeoplePerHour',
  hosts: [HOST],
  matches: ['https://www.peopleperhour.com/freelancer/*', 'https://www.peopleperhour.com/hire-freelancers*'],
  profileId: freelancerId,
  readProfile,
  isListing: (url) => onHost(url.hostname, HOST) && segments(url)[0] === 'hire-freelancers',
  readCards,
};
