// LinkedIn: member profiles (/in/<slug>), as members see them and as the public page shows them.
import {
  dig,
  firstElement,
  firstText,
  ldPerson,
  metaContent,
  nameAndTitle,
  onHost,
  optional,
  segments,
  str,
  titleParts,
} from './read';
import type { ProfileFields, Samples, SiteAdapter } from './types';

const HOST = 'www.linkedin.com';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://www.linkedin.com/in/jane-doe-12345678/',
    'https://www.linkedin.com/in/jane-doe-12345678',
    'https://www.linkedin.com/in/caiopo/details/experience/',
    'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/?originalSubdomain=es',
  ],
  listings: [],
  others: [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/freelancer-com/',
    'https://www.linkedin.com/jobs/view/123456/',
    'https://www.linkedin.com/search/results/people/?keywords=designer',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/mynetwork/',
    'https://www.linkedin.com/school/some-university/',
  ],
};

function slugOf(url: URL): string | null {
  if (!onHost(url.hostname, HOST)) return null;
  const [a, slug] = segments(url);
  return a === 'in' && slug ? slug : null;
}

const selectors = {
  name: [
    'h1.text-heading-xlarge', // signed-in profile (2021–)
    'h1.top-card-layout__title', // public profile
  ],
  title: [
    '.pv-text-details__left-panel .text-body-medium', // signed-in profile (2021–)
    'div.text-body-medium.break-words',
    'h2.top-card-layout__headline', // public profile
    '#topcard .headline', // public profile (2014–2017)
    '.masthead .headline-title', // public profile (before 2014)
  ],
  location: [
    '.pv-text-details__left-panel .text-body-small.inline', // signed-in profile (2021–)
    'span.text-body-small.inline.t-black--light.break-words',
    '.top-card__subline-item', // public profile
    '#topcard .locality', // public profile (2014–2017)
    '.masthead .locality', // public profile (before 2014)
  ],
  anchor: [
    'section.pv-top-card', // signed-in profile
    'section.top-card-layout', // public profile
    '#topcard', // public profile (2014–2017)
    '.masthead', // public profile (before 2014)
    'main h1',
  ],
} as const;

/** "(3) Jane Doe | LinkedIn" or "Jane Doe - Brand Designer - Acme | LinkedIn": drop the unread count and the site. */
const SITE = /\s*\|\s*LinkedIn\s*$/i;
function fromTitle(title: string): string[] {
  return titleParts(title.replace(/^\(\d+\+?\)\s*/, ''), SITE);
}

function readProfile(doc: Document): ProfileFields {
  const person = ldPerson(doc);
  // The title's second part is the current employer on public pages, not the headline: only the name is used.
  const [name] = fromTitle(metaContent(doc, 'og:title') || doc.title);
  return {
    ...nameAndTitle(person, { name }, doc, selectors),
    location: optional(str(dig(person, 'address', 'addressLocality')) || firstText(doc, selectors.location)),
    anchor: firstElement(doc, selectors.anchor),
  };
}

export const linkedin: SiteAdapter = {
  platform: 'linkedin',
  name: 'LinkedIn',
  hosts: [HOST],
  // LinkedIn is a client-routed app: profiles open from the feed and search without a page load.
  matches: ['https://www.linkedin.com/*'],
  profileId: slugOf,
  readProfile,
  searchFor: (skill) =>
    `https://www.linkedin.com/search/results/people/?keywords=${encodeURIComponent(skill)}`,
};
