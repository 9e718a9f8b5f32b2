import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_QUERY, queryFromParams, queryToParams, type RosterQuery } from '../../scoring/roster-query';

// Where the page is, all in its address (the fragment), so any view can be bookmarked and the browser's
// Back works: `#contractor=<id>` a contractor; `#view=rules` or `#view=data` another view; otherwise the
// roster with its search, filters and sort (`#q=kim&verdict=watch&sort=-score`). Old `#roster` links still
// open the roster.

const VIEWS = ['roster', 'rules', 'data'] as const;
export type View = (typeof VIEWS)[number];
export type Place = { view: View; contractor: string | null; query: RosterQuery };

export function placeOf(hash: string): Place {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = params.get('view') ?? '';
  return {
    view: (VIEWS as readonly string[]).includes(view) ? (view as View) : 'roster',
    contractor: params.get('contractor') || null,
    query: params.has('roster') ? DEFAULT_QUERY : queryFromParams(params),
  };
}

export function hashOf(place: { view?: View; contractor?: string | null; query?: RosterQuery }): string {
  if (place.contractor) return `#contractor=${encodeURIComponent(place.contractor)}`;
  if (place.view && place.view !== 'roster') return `#view=${place.view}`;
  const params = queryToParams(place.query ?? DEFAULT_QUERY).toString();
  return params ? `#${params}` : '#';
}

/** The roster's last address, so "← Roster" from a contractor returns to the same search and sort. */
let lastRoster = '#';

/** The place in the address, followed as it changes (links, Back, and `setQuery`). */
export function usePlace(): [Place, (query: RosterQuery) => void] {
  const [place, setPlace] = useState(() => placeOf(location.hash));
  useEffect(() => {
    const follow = () => setPlace(placeOf(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  if (place.view === 'roster' && !place.contractor) lastRoster = hashOf(place);
  // A keystroke in the search replaces the address rather than adding to the history.
  const setQuery = (query: RosterQuery) => {
    const hash = hashOf({ query });
    history.replaceState(null, '', hash === '#' ? location.pathname : hash);
    setPlace({ view: 'roster', contractor: null, query });
  };
  return [place, setQuery];
}

export const rosterLink = () => lastRoster;
