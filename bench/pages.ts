// The shared real pages the benchmark loads (../shared/marketplace-pages), and the contractors it tracks
// on them so the overlay has someone's data to show.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type NamedContractor, profileUrl } from '../tests/fixtures/roster/generate';

const SHARED_PAGES = resolve('../shared/marketplace-pages');

type SharedPage = {
  file: string;
  url: string;
  kind: 'profile' | 'listing' | 'none';
  profile: { platform: string; id: string; name: string } | null;
  cards: string[];
};

export type BenchPage = {
  /** Short stable name, used as the key in results. */
  id: string;
  label: string;
  url: string;
  html: string;
  /** A profile shows the overlay; a listing shows card badges. */
  kind: 'profile' | 'listing';
  /** Profile key (`platform:id`) of a profile page; the first card keys of a listing. */
  keys: string[];
  /** Every card's profile key, tracked or not (a listing's; none on a profile). */
  cardKeys: string[];
  expectedBadges: number;
};

/** The pages, by file in pages.json: the three profiles the issue names, and two listings. */
const CHOSEN = [
  { id: 'upwork-profile', label: 'Upwork profile', file: 'upwork/profile-rachel-w-2023-11.html' },
  { id: 'fiverr-profile', label: 'Fiverr seller', file: 'fiverr/seller-tonigdesign-2025-08.html' },
  {
    id: 'freelancer-profile',
    label: 'Freelancer.com profile',
    file: 'freelancer/profile-irfan811-2021-12.html',
  },
  { id: 'fiverr-search', label: 'Fiverr search (cards)', file: 'fiverr/search-writers-block-2025-09.html' },
  {
    id: 'freelancer-directory',
    label: 'Freelancer.com directory (cards)',
    file: 'freelancer/directory-wordpress-2021-12.html',
  },
] as const;

/** Cards of each listing tracked in the benchmark's database (the rest stay untracked, as in real use). */
const TRACKED_CARDS = 5;

export function benchPages(): BenchPage[] {
  if (!existsSync(`${SHARED_PAGES}/pages.json`))
    throw new Error(`npm run bench needs the shared marketplace pages at ${SHARED_PAGES}`);
  const shared: SharedPage[] = JSON.parse(readFileSync(`${SHARED_PAGES}/pages.json`, 'utf8')).pages;
  return CHOSEN.map((chosen) => {
    const page = shared.find((p) => p.file === chosen.file);
    if (!page) throw new Error(`${chosen.file} is not listed in pages.json`);
    const platform = chosen.id.split('-')[0] as string;
    const profile = page.kind === 'profile' && page.profile;
    return {
      id: chosen.id,
      label: chosen.label,
      url: page.url,
      html: readFileSync(`${SHARED_PAGES}/${page.file}`, 'utf8'),
      kind: profile ? 'profile' : 'listing',
      keys: profile
        ? [`${profile.platform}:${profile.id.toLowerCase()}`]
        : page.cards.slice(0, TRACKED_CARDS).map((id) => `${platform}:${id.toLowerCase()}`),
      cardKeys: profile ? [] : page.cards.map((id) => `${platform}:${id.toLowerCase()}`),
      expectedBadges: page.cards.length,
    };
  });
}

/** The contractor tracked for each key the pages show, with a name no page shows (so a surface that
 *  displays it has read the database). */
export function benchContractors(pages: BenchPage[]): NamedContractor[] {
  return pages.flatMap((page) =>
    page.keys.map((key) => ({
      key,
      url:
        page.kind === 'profile'
          ? page.url
          : profileUrl(key.split(':')[0] as string, key.split(':')[1] as string),
      name: `Bench ${key}`,
    })),
  );
}
