// Toptal: public talent résumés (/resume/<slug>). Toptal shows no listings of freelancers to badge.
import { firstElement, ldPerson, metaContent, nameAndTitle, onHost, optional, segments } from './read';
import type { ProfileFields, Samples, SiteAdapter } from './types';

const HOST = 'www.toptal.com';

/** @public Tests find these by this file's name (tests/sites/samples.ts): the content script never holds them. */
export const samples: Samples = {
  profiles: [
    'https://www.toptal.com/resume/jane-doe',
    'https://www.toptal.com/resume/juan-manuel-varela',
    'https://www.toptal.com/resume/dino-causevic#experience',
  ],
  listings: [],
  others: [
    'https://www.toptal.com/',
    'https://www.toptal.com/developers',
    'https://www.toptal.com/developers/react',
    'https://www.toptal.com/resume',
    'https://www.toptal.com/talent/apply',
    'https://www.toptal.com/blog',
  ],
};

const SLUG = /^[a-z0-9][a-z0-9-]*$/i;

function slugOf(url: URL): string | null {
  if (!onHost(url.hostname, HOST)) return null;
  const [a, slug, extra] = segments(url);
  return a === 'resume' && slug && !extra && SLUG.test(slug) ? slug : null;
}

// No saved résumé page pins Toptal's generated class names, so the fallbacks stay structural: the résumé's
// heading is the person's name, with the headline right after it.
const selectors = {
  name: ['main h1', 'h1'],
  title: ['main h1 + h2', 'main h1 + p'],
  anchor: ['main header', 'main h1'],
} as const;

/**
 * "Jane Doe, Python Developer in Berlin, Germany | Toptal®" (or with " - " after the name):
 * name, headline and place.
 */
function fromTitle(title: string): { name: string; title: string; location: string } {
  const bare = title.replace(/\s*[|-]\s*Toptal®?\s*$/i, '').trim();
  const match = bare.match(/^(.+?)(?:, | - )(.+?)(?: in (.+))?$/);
  if (!match) return { name: bare, title: '', location: '' };
  return { name: match[1] ?? '', title: match[2] ?? '', location: match[3] ?? '' };
}

function readProfile(doc: Document): ProfileFields {
  const titled = fromTitle(metaContent(doc, 'og:title') || doc.title);
  return {
    ...nameAndTitle(ldPerson(doc), titled, doc, selectors),
    location: optional(titled.location),
    anchor: firstElement(doc, selectors.anchor),
  };
}

export const toptal: SiteAdapter = {
  platform: 'toptal',
  name: 'Toptal',
  hosts: [HOST],
  matches: ['https://www.toptal.com/resume/*'],
  profileId: slugOf,
  readProfile,
};
