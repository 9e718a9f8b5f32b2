import type { BadgeInfo } from '../../model/badge';
import type { Verdict } from '../../model/verdict';
import { formatDay, plural } from '../../scoring/format';

/**
 * Card badges. Every recognised card gets a host, tracked freelancer or not, and every host has the same
 * box (fixed size, contained, at the end of its card), so the page can tell whom the user tracks neither
 * from the DOM nor from its own layout; the verdict, score and tooltip are drawn inside a closed shadow
 * root, which the page cannot read, and clipped to that box.
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

/** The box of every badge host, in CSS pixels: room for the widest label ("Trusted · 100"). */
export const BADGE_BOX = { width: 104, height: 18 } as const;

// Inline styles, not a stylesheet in each badge's shadow root: a listing may hold a hundred cards, and one
// style sheet each is a hundred to parse and match. The host's box is set whole here (the page's own rules
// apply alike to every host); `contain: strict`: what is drawn inside never changes its box, nor lays out
// or paints outside it. The pill is a block exactly the box's height, so not even the host's scroll size
// (which counts what is inside a closed shadow root) tells a drawn badge from an empty one.
const HOST_STYLE = `display: inline-block; position: static; float: none; box-sizing: border-box; vertical-align: middle; margin: 2px 4px; padding: 0; border: 0; width: ${BADGE_BOX.width}px; height: ${BADGE_BOX.height}px; overflow: hidden; contain: strict; visibility: visible;`;
const PILL_STYLE = `display: block; box-sizing: border-box; width: fit-content; max-width: 100%; height: ${BADGE_BOX.height}px; font: 600 11px/${BADGE_BOX.height}px system-ui, sans-serif; color: #fff; padding: 0 7px; border-radius: 999px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;`;

export function addBadge(doc: Document, card: Element, key: string): Badge {
  const host = doc.createElement('track-record-badge');
  host.dataset.trackRecord = 'badge';
  host.dataset.profileKey = key;
  host.style.cssText = HOST_STYLE;
  const shadow = host.attachShadow({ mode: 'closed' });
  card.append(host);
  /** Drawn only for someone tracked: nothing inside the box otherwise. */
  let pill: HTMLElement | undefined;
  return {
    key,
    element: host,
    show(info) {
      if (!info) return pill?.remove();
      if (!pill) {
        pill = doc.createElement('span');
        pill.style.cssText = PILL_STYLE;
      }
      pill.textContent = shortLabelOf(info);
      pill.title = `${labelOf(info)} — ${tooltipOf(info)}`;
      pill.setAttribute('aria-label', labelOf(info));
      pill.style.background = COLORS[info.verdict];
      if (!pill.isConnected) shadow.append(pill);
    },
  };
}

/** "Watch · 58", what the pill shows; the score is left out until there is one. */
function shortLabelOf({ verdict, score }: BadgeInfo): string {
  return `${LABELS[verdict]}${score === null ? '' : ` · ${score}`}`;
}

/** "Track Record: Watch · 58", its name for screen readers and the start of its tooltip. */
export function labelOf(info: BadgeInfo): string {
  return `Track Record: ${shortLabelOf(info)}`;
}

/** "2 strikes in your window · last activity 3 Mar 2026". */
export function tooltipOf({ strikes, lastActivityAt }: BadgeInfo): string {
  const last =
    lastActivityAt === undefined ? 'nothing recorded yet' : `last activity ${formatDay(lastActivityAt)}`;
  return `${plural(strikes, 'strike')} in your window · ${last}`;
}
