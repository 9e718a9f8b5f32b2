// Upwork: freelancer profiles, the profile panel opened over talent search, and talent search tiles.
import {
  cleanMetrics,
  collectCards,
  firstElement,
  firstLinked,
  firstText,
  ldPerson,
  nameAndTitle,
  numberIn,
  onHost,
  optional,
  segments,
  textOf,
} from './read';
import type { CardFound, ProfileFields, Samples, SiteAdapter } from './types';

const HOST = 'www.upwork.com';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://www.upwork.com/freelancers/~011cfba3bd0cf44f8d',
    'https://www.upwork.com/freelancers/~01ab23cd45ef67ab89?viewMode=1',
    'https://www.upwork.com/freelancers/janedoe?referrer_url_path=/nx/search/talent/details/~0103dfcc01ba6b0369/profile',
    'https://www.upwork.com/nx/search/talent/details/~01e480d361d97d5ab3/profile',
    'https://www.upwork.com/nx/search/talent/details/~01b208d331946ec1d2/profile?loc=pakistan&page=3',
    'https://www.upwork.com/o/profiles/users/~0123456789abcdef01/',
    'https://www.upwork.com/fl/janedoe',
  ],
  listings: [
    'https://www.upwork.com/nx/search/talent/?q=react',
    'https://www.upwork.com/nx/search/talent?q=logo&page=2',
    'https://www.upwork.com/ab/profiles/search/?q=python',
  ],
  others: [
    'https://www.upwork.com/nx/find-work/best-matches',
    'https://www.upwork.com/freelancers/settings/contactInfo',
    'https://www.upwork.com/freelancers/settings',
    'https://www.upwork.com/agencies/~01aa23bb45cc67dd89/',
    'https://www.upwork.com/jobs/~01abcdef0123456789',
    'https://www.upwork.com/hire/logo-designers/',
    'https://www.upwork.com/',
  ],
};

/** Upwork's own pages under /freelancers/ that are not a person. */
const RESERVED_UNDER_FREELANCERS = new Set(['settings', 'signup', 'apply', 'api', 'deals', 'onboarding']);
const CIPHER = /^~[0-9a-z]{10,}$/i;
const SLUG = /^[a-z0-9][a-z0-9_-]{1,}$/i;

/** The freelancer named by an Upwork address, or null when the address is not a freelancer's profile. */
function freelancerId(url: URL): string | null {
  if (!onHost(url.hostname, HOST)) return null;
  const [a, b, c, d, e] = segments(url);
  if (a === 'freelancers' && b && !c) {
    if (CIPHER.test(b)) return b;
    return SLUG.test(b) && !RESERVED_UNDER_FREELANCERS.has(b.toLowerCase()) ? b : null;
  }
  // The profile panel that talent search opens on top of its results.
  if (a === 'nx' && b === 'search' && (c === 'talent' || c === 'talents') && d === 'details' && e) {
    return CIPHER.test(e) ? e : null;
  }
  // Older addresses: /o/profiles/users/~id/ (also written _~id) and the /fl/<name> vanity link.
  if (a === 'o' && b === 'profiles' && c === 'users' && d) {
    const id = d.replace(/^_/, '');
    return CIPHER.test(id) ? id : null;
  }
  if (a === 'fl' && b && !c && SLUG.test(b)) return b;
  return null;
}

/** Talent search, as it is now (/nx/search/talent) and as it was (/ab/profiles/search). */
function isTalentSearch(url: URL): boolean {
  if (!onHost(url.hostname, HOST)) return false;
  const [a, b, c] = segments(url);
  return (
    (a === 'nx' && b === 'search' && (c === 'talent' || c === 'talents')) ||
    (a === 'ab' && b === 'profiles' && c === 'search')
  );
}

const selectors = {
  /** The profile panel, when the profile shows over talent search rather than as a page. */
  panel: [
    '[data-test-route="modal-profile-details"]', // talent-search profile panel (2025)
  ],
  name: [
    '[itemprop="name"]', // profile identity block, schema.org Person microdata (2023 "air3")
    '.identity-content h2', // same block without microdata
    '.identity-name', // before 2022
  ],
  title: [
    '.profile-outer-card .air3-grid-container h2', // headline beside the overview (2023 "air3")
    'h2.up-line-clamp-v2', // pre-2022 profile
  ],
  locality: ['[itemprop="locality"]'],
  country: ['[itemprop="country-name"]'],
  jobSuccess: [
    '[data-test="job-success-score"]', // "95% Job Success" badge (2023–)
    '.up-job-success-text', // before 2022
  ],
  rate: [
    'h3 strong', // "$70.00/hr" above the overview (2023 "air3")
    '[data-qa="rate"]', // before 2022
  ],
  anchor: [
    '[itemscope][itemtype*="schema.org/Person"]', // identity block (2023 "air3")
    '.identity-content',
  ],
  /** One search result each. */
  card: [
    'article[id^="talent-tile-"]', // talent search (2025)
    'article[data-test="FreelancerTile"]', // talent search (2023–2024)
    '[data-test="freelancer-tile"]', // talent search (2022)
    'div.up-card-section.up-card-hover', // /ab/profiles/search (before 2022)
  ],
  /** The link naming the freelancer inside a card, name link first. */
  cardLink: [
    'h5.name a[href*="/freelancers/"]',
    'a.profile-link[href*="/freelancers/"]',
    'a[href*="/freelancers/"]',
    'a[href*="/o/profiles/users/"]',
  ],
  cardName: ['h5.name', '.identity-name'],
} as const;

/** "Rachel W. - Software Engineer - Upwork Freelancer from Amsterdam, Netherlands". */
function fromDocumentTitle(doc: Document): { name: string; title: string; location: string } {
  const match = doc.title.match(/^(.+?) - (.+) - Upwork Freelancer from (.+)$/);
  return match
    ? { name: match[1] ?? '', title: match[2] ?? '', location: match[3] ?? '' }
    : { name: '', title: '', location: '' };
}

function readProfile(doc: Document): ProfileFields {
  const panel = firstElement(doc, selectors.panel);
  const scope: ParentNode = panel ?? doc;
  // The panel shows over search results: the document title there belongs to the search, not the person.
  const fromTitle = !panel ? fromDocumentTitle(doc) : { name: '', title: '', location: '' };
  const place = [firstText(scope, selectors.locality), firstText(scope, selectors.country)].filter(Boolean);
  const rateText = firstText(scope, selectors.rate);
  return {
    ...nameAndTitle(ldPerson(doc), fromTitle, scope, selectors),
    location: optional(fromTitle.location || place.join(', ')),
    metrics: cleanMetrics({
      jobSuccess: numberIn(firstText(scope, selectors.jobSuccess)),
      rate: /\/\s*h/i.test(rateText) ? rateText : undefined,
    }),
    anchor: firstElement(scope, selectors.anchor) ?? panel,
  };
}

function readCards(doc: Document, url: URL): CardFound[] {
  return collectCards(doc, selectors.card, (card) => {
    for (const selector of selectors.cardLink) {
      const found = firstLinked(card, selector, url, freelancerId);
      if (found)
        return { id: found.id, name: optional(firstText(card, selectors.cardName) || textOf(found.link)) };
    }
    return null;
  });
}

export const upwork: SiteAdapter = {
  platform: 'upwork',
  name: 'Upwork',
  hosts: [HOST],
  // Upwork routes on the client (search → profile panel → profile), so the whole host is matched.
  matches: ['https://www.upwork.com/*'],
  profileId: freelancerId,
  readProfile,
  isListing: isTalentSearch,
  readCards,
  searchFor: (skill) => `https://www.upwork.com/nx/search/talent/?q=${encodeURIComponent(skill)}`,
};
