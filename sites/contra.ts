// Contra: independents' profiles at contra.com/<username>. Everything else at the top level is Contra's own.
import { firstElement, ldPerson, metaContent, nameAndTitle, onHost, segments, titleParts } from './read';
import type { ProfileFields, Samples, SiteAdapter } from './types';

const HOST = 'contra.com';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://contra.com/jane_doe',
    'https://contra.com/ridwan_maruf_jdq89wnh?r=ridwan_maruf_jdq89wnh',
    'https://contra.com/maria-lopez/work',
    'https://contra.com/maria-lopez/services',
  ],
  listings: [],
  others: [
    'https://contra.com/',
    'https://contra.com/search',
    'https://contra.com/search/designers',
    'https://contra.com/jobs',
    'https://contra.com/discover',
    'https://contra.com/settings',
    'https://contra.com/login',
    'https://contra.com/sign-up',
    'https://contra.com/p/AFsYcOse-ai-saa-s-ugc-reel',
    'https://contra.com/opportunity/UBkkYMmW-kajabi-portal-developer',
    'https://contra.com/community/t2uCkTki-build-robust-ai-chat-agents',
    'https://contra.com/inbox',
    'https://contra.com/pricing',
  ],
};

/** Contra's own top-level paths. */
const RESERVED = new Set([
  'about',
  'account',
  'ai',
  'blog',
  'brand',
  'careers',
  'clients',
  'community',
  'contracts',
  'discover',
  'explore',
  'faq',
  'freelancers',
  'hire',
  'home',
  'inbox',
  'independents',
  'invoices',
  'jobs',
  'login',
  'logout',
  'messages',
  'notifications',
  'onboarding',
  'opportunities',
  'opportunity',
  'p',
  'payments',
  'pricing',
  'privacy',
  'pro',
  'projects',
  's',
  'search',
  'services',
  'settings',
  'sign-in',
  'sign-up',
  'signin',
  'signup',
  'support',
  'talent',
  'terms',
  'tools',
  'wallet',
]);
/** Tabs of a profile, which stay that person's page. */
const PROFILE_TABS = new Set(['work', 'services', 'about', 'reviews', 'projects']);
const USERNAME = /^[a-z0-9][a-z0-9_-]{1,}$/i;

function usernameOf(url: URL): string | null {
  if (!onHost(url.hostname, HOST)) return null;
  const [user, tab, extra] = segments(url);
  if (!user || extra || !USERNAME.test(user) || RESERVED.has(user.toLowerCase())) return null;
  return !tab || PROFILE_TABS.has(tab.toLowerCase()) ? user : null;
}

// No saved profile pins Contra's generated class names: fall back on the page's structure.
const selectors = {
  name: ['main h1', 'h1'],
  title: ['main h1 + p', 'main h1 + h2'],
  anchor: ['main header', 'main h1'],
} as const;

const SITE = /\s*[|-]\s*Contra\s*$/i;

function readProfile(doc: Document): ProfileFields {
  const [name, title] = titleParts(metaContent(doc, 'og:title') || doc.title, SITE);
  return {
    ...nameAndTitle(ldPerson(doc), { name, title }, doc, selectors),
    anchor: firstElement(doc, selectors.anchor),
  };
}

export const contra: SiteAdapter = {
  platform: 'contra',
  name: 'Contra',
  hosts: [HOST],
  // Contra is a client-routed app: a profile can be reached without a page load, so the host is matched.
  matches: ['https://contra.com/*'],
  profileId: usernameOf,
  readProfile,
};
