import type { Verdict } from '../../model/verdict';

/**
 * Card badges. Every recognised card gets a host, tracked freelancer or not, so the page cannot tell
 * from the DOM whom the user tracks; the verdict is drawn inside a closed shadow root.
 */
export type Badge = { key: string; element: HTMLElement; show(verdict: Verdict | null): void };

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

const BADGE_STYLE = `
  :host { all: initial; display: inline-block; vertical-align: middle; margin: 2px 4px; }
  span { font: 600 11px/1.6 system-ui, sans-serif; color: #fff; padding: 1px 7px; border-radius: 999px; }
  span:empty { display: none; }
`;

export function addBadge(doc: Document, card: Element, key: string): Badge {
  const host = doc.createElement('track-record-badge');
  host.dataset.trackRecord = 'badge';
  host.dataset.profileKey = key;
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = BADGE_STYLE;
  const pill = doc.createElement('span');
  shadow.append(style, pill);
  card.append(host);
  return {
    key,
    element: host,
    show(verdict) {
      pill.textContent = verdict ? `Track Record: ${LABELS[verdict]}` : '';
      pill.style.background = verdict ? COLORS[verdict] : '';
    },
  };
}
