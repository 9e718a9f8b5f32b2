// GitHub: a person's page (github.com/<login>), never an organisation, repository or site page.
import { firstElement, firstText, metaContent, optional, segments } from './read';
import type { ProfileFields, Samples, SiteAdapter } from './types';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://github.com/piuccio',
    'https://github.com/piuccio?tab=repositories',
    'https://github.com/sindresorhus/',
    'https://github.com/Some-User-42?tab=stars',
  ],
  listings: [],
  others: [
    'https://github.com/',
    'https://github.com/piuccio/cowsay',
    'https://github.com/piuccio/cowsay/issues/1',
    'https://github.com/orgs/refined-github/people',
    'https://github.com/settings/profile',
    'https://github.com/marketplace',
    'https://github.com/explore',
    'https://github.com/notifications',
    'https://github.com/pulls',
    'https://github.com/issues',
    'https://github.com/topics/javascript',
    'https://github.com/sponsors/piuccio',
    'https://github.com/search?q=cowsay',
    'https://github.com/login',
    'https://github.com/features/actions',
    'https://github.com/-invalid',
    'https://gist.github.com/piuccio',
  ],
};

/** GitHub's own top-level paths: not users (after github-reserved-names, plus newer product pages). */
const RESERVED = new Set([
  'about',
  'account',
  'admin',
  'apps',
  'blog',
  'business',
  'careers',
  'categories',
  'codespaces',
  'collections',
  'contact',
  'copilot',
  'customer-stories',
  'dashboard',
  'discussions',
  'docs',
  'downloads',
  'enterprise',
  'events',
  'explore',
  'features',
  'gist',
  'github-copilot',
  'home',
  'issues',
  'join',
  'login',
  'logout',
  'marketplace',
  'mobile',
  'new',
  'notifications',
  'organizations',
  'orgs',
  'pages',
  'partners',
  'premium-support',
  'pricing',
  'pulls',
  'readme',
  'security',
  'search',
  'sessions',
  'settings',
  'showcases',
  'signup',
  'site',
  'solutions',
  'sponsors',
  'stars',
  'team',
  'topics',
  'trending',
  'users',
  'watching',
]);
/** Logins: letters, digits and single inner hyphens, at most 39 characters. */
const LOGIN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/i;

function loginOf(url: URL): string | null {
  if (url.hostname !== 'github.com') return null;
  const parts = segments(url);
  const [login] = parts;
  if (parts.length !== 1 || !login || !LOGIN.test(login) || RESERVED.has(login.toLowerCase())) return null;
  return login;
}

const selectors = {
  name: [
    '.vcard-names [itemprop="name"]', // profile sidebar (2018–)
    '.p-name.vcard-fullname',
  ],
  bio: ['.user-profile-bio', '.p-note'],
  location: ['[itemprop="homeLocation"]', '.p-label'],
  anchor: ['.vcard-names-container', '.vcard-names', '.h-card'],
} as const;

/** "login (Full Name)" from og:title or the document title ("… / Repositories · GitHub"). */
function nameFromTitles(doc: Document, login: string): string {
  for (const title of [metaContent(doc, 'og:title'), doc.title]) {
    const match = title.match(/^(\S+) \((.+?)\)/);
    if (match && match[1]?.toLowerCase() === login.toLowerCase()) return match[2]?.trim() ?? '';
  }
  return '';
}

/**
 * Organisations share the user address shape: the page says which it is. A page that does not say it is
 * a person (an organisation, a 404) is not read.
 */
function isPersonPage(doc: Document): boolean {
  if (metaContent(doc, 'hovercard-subject-tag').startsWith('organization:')) return false;
  const ogType = metaContent(doc, 'og:type');
  if (ogType && ogType !== 'profile') return false;
  const location = metaContent(doc, 'analytics-location');
  if (location && location !== '/<user-name>') return false;
  return Boolean(ogType || location || doc.querySelector('.vcard-names, .h-card'));
}

function readProfile(doc: Document, _url: URL, login: string): ProfileFields | null {
  if (!isPersonPage(doc)) return null;
  return {
    name: nameFromTitles(doc, login) || firstText(doc, selectors.name) || login,
    title: optional(firstText(doc, selectors.bio)),
    location: optional(firstText(doc, selectors.location)),
    anchor: firstElement(doc, selectors.anchor),
  };
}

export const github: SiteAdapter = {
  platform: 'github',
  name: 'GitHub',
  hosts: ['github.com'],
  // GitHub navigates between pages on the client (Turbo), so a user page may be reached without a load.
  matches: ['https://github.com/*'],
  profileId: loginOf,
  readProfile,
  searchFor: (skill) => `https://github.com/search?q=${encodeURIComponent(skill)}&type=users`,
};
