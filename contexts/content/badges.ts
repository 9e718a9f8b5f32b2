import type { BadgeInfo } from '../../model/badge';
import type { Verdict } from '../../model/verdict';
import { formatDay, plural } from '../../scoring/format';

/**
 * Card badges. Every recognised card gets a host, tracked freelancer or not, so the page cannot tell
 * from the DOM whom the user tracks; the verdict, score and tooltip are drawn inside a closed shadow
 * root, which the page cannot read.
 */
export type Badge = { key: string; element: HTMLElement; show(info: BadgeInfo | null): void };

const LABELS: Record<Verdict, string> = {
  dropped: 'Dropped',
  cancel: 'Cancel',
  watch: 'Watch',
  trusted: 'Trusted',
  ok: 'OK',
  new: 'Tracked',
};

const COLORS: Record<Verdict, string> = {
  dropped: '#6b7280',
  cancel: '#b91c1c',
  watch: '#b45309',
  trusted: '#047857',
  ok: '#2563eb',
  new: '#4b5563',
};

// Inline styles, not a stylesheet in each badge's shadow root: a listing may hold a hundred cards, and one
// style sheet each is a hundred to parse and match.
const HOST_STYLE = 'all: initial; display: inline-block; vertical-align: middle; margin: 2px 4px;';
const PILL_STYLE =
  'font: 600 11px/1.6 system-ui, sans-serif; color: #fff; padding: 1px 7px; border-radius: 999px;';

export function addBadge(doc: Document, card: Element, key: string): Badge {
  const host = doc.createElement('track-record-badge');
  host.dataset.trackRecord = 'badge';
  host.dataset.profileKey = key;
  host.style.cssText = HOST_STYLE;
  const pill = doc.createElement('span');
  pill.style.cssText = PILL_STYLE;
  pill.hidden = true;
  host.attachShadow({ mode: 'closed' }).append(pill);
  card.append(host);
  return {
    key,
    element: host,
    show(info) {
      pill.hidden = !info;
      pill.textContent = info ? labelOf(info) : '';
      pill.title = info ? tooltipOf(info) : '';
      pill.style.background = info ? COLORS[info.verdict] : '';
    },
  };
}

/** "Track Record: Watch · 58" — the score is left out until there is one. */
export function labelOf({ verdict, score }: BadgeInfo): string {
  return `Track Record: ${LABELS[verdict]}${score === null ? '' : ` · ${score}`}`;
}

/** "2 strikes in your window · last activity 3 Mar 2026". */
export function tooltipOf({ strikes, lastActivityAt }: BadgeInfo): string {
  const last =
    lastActivityAt === undefined ? 'nothing recorded yet' : `last activity ${formatDay(lastActivityAt)}`;
  return `${plural(strikes, 'strike')} in your window · ${last}`;
}
