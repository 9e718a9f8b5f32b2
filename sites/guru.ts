// Guru: freelancer profiles (/freelancers/<slug>) and freelancer search (/d/freelancers/...).
import {
  cleanMetrics,
  collectCards,
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
  textOf,
  titleParts,
} from './read';
import type { CardFound, ProfileFields, Samples, SiteAdapter } from './types';

const HOST = 'www.guru.com';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://www.guru.com/freelancers/infomist',
    'https://www.guru.com/freelancers/pavel-zhukov-atum',
    'https://www.guru.com/freelancers/la-cleo-digital/reviews',
  ],
  listings: [
    'https://www.guru.com/d/freelancers/',
    'https://www.guru.com/d/freelancers/skill/shopify/pg/2/',
    'https://www.guru.com/d/freelancers/l/united-states/',
  ],
  others: [
    'https://www.guru.com/',
    'https://www.guru.com/d/jobs/',
    'https://www.guru.com/freelancers/',
    'https://www.guru.com/work/manage',
    'https://www.guru.com/pro/dashboard.aspx',
  ],
};

/** Tabs of a profile, which stay that person's page. */
const PROFILE_TABS = new Set(['reviews', 'portfolio', 'services', 'resume', 'about']);
const SLUG = /^[a-z0-9][a-z0-9-]*$/i;

function slugOf(url: URL): string | null {
  if (!onHost(url.hostname, HOST)) return null;
  const [a, slug, tab, extra] = segments(url);
  if (a !== 'freelancers' || !slug || !SLUG.test(slug) || extra) return null;
  return !tab || PROFILE_TABS.has(tab.toLowerCase()) ? slug : null;
}

const selectors = {
  name: ['.profile-header h1', '.profile-avatar__info h1'],
  title: ['.profile-header h2', '.profile-avatar__info h2'],
  location: ['.profile-header .location', '.profile-avatar__info .location'],
  rating: ['.profile-header .rating'],
  anchor: ['.profile-header', '.profile-avatar__info'],
  /** One search result each. */
  card: [
    'div.record.findGuruRecord', // /d/freelancers (2019–)
    'ul.module_list > li', // the same list, by its items
  ],
  cardLink: 'a[href*="/freelancers/"]',
  cardName: ['.record__header__identity a', '.freelancerName a'],
} as const;

const SITE = /\s*[|-]\s*Guru(\.com)?\s*$/i;

function readProfile(doc: Document): ProfileFields {
  const [name, title] = titleParts(metaContent(doc, 'og:title') || doc.title, SITE);
  return {
    ...nameAndTitle(ldPerson(doc), { name, title }, doc, selectors),
    location: optional(firstText(doc, selectors.location)),
    metrics: cleanMetrics({ rating: numberIn(firstText(doc, selectors.rating)) }),
    anchor: firstElement(doc, selectors.anchor),
  };
}

function readCards(doc: Document, url: URL): CardFound[] {
  return collectCards(doc, selectors.card, (card) => {
    const found = firstLinked(card, selectors.cardLink, url, slugOf);
    return (
      found && { id: found.id, name: optional(firstText(card, selectors.cardName) || textOf(found.link)) }
    );
  });
}

export const guru: SiteAdapter = {
  platform: 'guru',
  name: 'Guru',
  hosts: [HOST],
  matches: ['https://www.guru.com/freelancers/*', 'https://www.guru.com/d/freelancers*'],
  profileId: slugOf,
  readProfile,
  isListing: (url) =>
    onHost(url.hostname, HOST) && segments(url)[0] === 'd' && segments(url)[1] === 'freelancers',
  readCards,
  searchFor: (skill) =>
    `https://www.guru.com/d/freelancers/skill/${encodeURIComponent(
      skill
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )}/`,
};
