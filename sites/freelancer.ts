// Freelancer.com: user profiles (/u/<username>) and the freelancer directory (/freelancers/...).
import {
  cleanMetrics,
  collectCards,
  firstElement,
  firstLinked,
  firstText,
  metaContent,
  numberIn,
  onHost,
  optional,
  segments,
  textOf,
} from './read';
import type { CardFound, ProfileFields, Samples, SiteAdapter } from './types';

const HOST = 'www.freelancer.com';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://www.freelancer.com/u/irfan811',
    'https://www.freelancer.com/u/Alex1x23?ref_project_id=123',
    'https://www.freelancer.com/u/sapotacorp/portfolio',
  ],
  listings: [
    'https://www.freelancer.com/freelancers/skills/wordpress/1',
    'https://www.freelancer.com/freelancers/pakistan/php',
    'https://www.freelancer.com/freelancers',
  ],
  others: [
    'https://www.freelancer.com/',
    'https://www.freelancer.com/projects/php/build-a-website',
    'https://www.freelancer.com/jobs/wordpress/',
    'https://www.freelancer.com/dashboard',
    'https://www.freelancer.com/u/',
  ],
};

const USERNAME = /^[a-z0-9][a-z0-9_.-]*$/i;

/** The user an address names: `/u/<username>`, any profile tab after it. */
function usernameOf(url: URL): string | null {
  if (!onHost(url.hostname, HOST)) return null;
  const [a, b] = segments(url);
  return a === 'u' && b && USERNAME.test(b) ? b : null;
}

const selectors = {
  name: [
    'app-user-detail .UserDetail-name h1', // Angular profile (2021–)
    'h2.profile-intro-username', // profile before 2020
  ],
  title: ['app-user-profile-summary-tagline h2', 'fl-heading.Tagline'],
  rating: ['.UserDetail-rating .ValueBlock'],
  reviews: ['.UserDetail-rating .ReviewCount'],
  /** Texts near the header, one of which reads "$20 USD / hour". */
  rateCandidates:
    'app-user-profile-header fl-text .NativeElement, app-user-profile-summary fl-text .NativeElement',
  country: ['[fltrackinglabel="ProfileBreadcrumbCountry"]'],
  anchor: [
    'app-user-profile-header', // Angular profile (2021–)
    'fl-container.ProfileHeader',
  ],
  /** One directory entry each (the entry's container also holds its "Hire" button). */
  card: [
    '.directory-freelancer-item-container', // /freelancers directory (2015–2021)
    'li.ns_result', // same list, entry without its container
  ],
  cardLink: 'a[href*="/u/"]',
  cardName: ['.find-freelancer-username', 'h3'],
} as const;

/** "Muhammad I. is a Freelancer specialising in PHP and Java in Pakistan." → Pakistan. */
function countryFromDescription(doc: Document): string {
  return (
    metaContent(doc, 'og:description')
      .match(/.* in ([^.]+)\.$/)?.[1]
      ?.trim() ?? ''
  );
}

function readProfile(doc: Document): ProfileFields {
  // og:title reads "Muhammad I. Profile"; the document title adds " | Freelancer".
  const fromMeta = (metaContent(doc, 'og:title') || doc.title.split(' | ')[0] || '')
    .replace(/ Profile$/, '')
    .trim();
  let rate = '';
  for (const el of doc.querySelectorAll(selectors.rateCandidates)) {
    const text = textOf(el);
    if (/\/\s*hour$/i.test(text)) {
      rate = text;
      break;
    }
  }
  return {
    name: fromMeta || firstText(doc, selectors.name),
    title: optional(firstText(doc, selectors.title)),
    location: optional(countryFromDescription(doc) || firstText(doc, selectors.country)),
    metrics: cleanMetrics({
      rating: numberIn(firstText(doc, selectors.rating)),
      reviews: numberIn(firstText(doc, selectors.reviews)),
      rate,
    }),
    anchor: firstElement(doc, selectors.anchor),
  };
}

function readCards(doc: Document, url: URL): CardFound[] {
  return collectCards(doc, selectors.card, (card) => {
    const found = firstLinked(card, selectors.cardLink, url, usernameOf);
    return found && { id: found.id, name: optional(firstText(card, selectors.cardName)) };
  });
}

export const freelancer: SiteAdapter = {
  platform: 'freelancer',
  name: 'Freelancer.com',
  hosts: [HOST],
  matches: ['https://www.freelancer.com/u/*', 'https://www.freelancer.com/freelancers*'],
  profileId: usernameOf,
  readProfile,
  isListing: (url) => onHost(url.hostname, HOST) && segments(url)[0] === 'freelancers',
  readCards,
  // The directory's skill pages (`/freelancers/skills/wordpress`) list freelancers by skill.
  searchFor: (skill) =>
    `https://www.freelancer.com/freelancers/skills/${encodeURIComponent(
      skill
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )}`,
};
