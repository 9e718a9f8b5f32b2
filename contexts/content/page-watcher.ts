import { BADGE_BATCH } from '../../messages/content';
import type { BadgeInfo } from '../../model/badge';
import type { SeenProfile } from '../../model/page';
import type { siteRegistry } from '../../sites/registry';
import type { CardReading, ProfileReading } from '../../sites/types';
import { webProfile } from '../../sites/web';
import { addBadge, type Badge } from './badges';
import { type FrameMessages, mountOverlay, type OverlayHost } from './overlay-host';

type Sites = ReturnType<typeof siteRegistry>;

export type WatcherDeps = {
  doc: Document;
  currentUrl: () => URL;
  /** How the sites this content script serves are read (sites/registry.ts). */
  readPage: Sites['readPage'];
  /** Whether a page no adapter reads may be one the user attached by hand (asked by its address). */
  attachedPages: boolean;
  frameUrl: (key: string) => string;
  /** How the overlay frame's messages are told from the page's (its address may be a per-session one). */
  frameMessages: FrameMessages;
  /** Tells the background which public profile is on screen (once per profile per visit). */
  reportSeen: (profile: SeenProfile) => void;
  /** What the badges of these keys show; one lookup per batch of new cards. Untracked keys are absent. */
  lookupBadges: (keys: string[]) => Promise<Record<string, BadgeInfo>>;
  /** Whether this page, by its address (`web:<address>`), was attached to a contractor by hand. */
  isTracked: (key: string) => Promise<boolean>;
};

/**
 * Keeps the page's overlay and badges in step with what the page shows. `update` is cheap to call
 * often: it re-reads the page, swaps the overlay when the freelancer changed (there is never more
 * than one), re-attaches it if the page replaced its anchor, and badges only cards not seen before
 * (putting a badge back if the page re-drew its card).
 *
 * `renderedUrl` is the address the page was at when its content last changed. A single-page app may
 * change the address before it draws the new page: until the content changes at the new address, the
 * document still shows the previous freelancer, so a new freelancer is neither shown nor reported.
 */
export function createPageWatcher(deps: WatcherDeps) {
  let overlay: OverlayHost | undefined;
  /** The public profile the overlay is for, as the page shows it (what the popup and side panel ask). */
  let profileShown: SeenProfile | null = null;
  /** The last reading reported to the background, so that each is reported once. */
  let reported = '';
  /** The last address asked about (a page attached by hand?), and the answer once it came. */
  let attached: { key: string; tracked?: boolean } | undefined;
  /** Badge by the card it sits on, and by its own host element (to refresh every badge on the page). */
  const badgeOfCard = new WeakMap<Element, Badge>();
  const badgeOfHost = new WeakMap<Element, Badge>();

  /** What the badges show, asked in batches the protocol accepts. */
  function fillBadges(drawn: Badge[]) {
    const keys = [...new Set(drawn.map((b) => b.key))];
    for (let i = 0; i < keys.length; i += BADGE_BATCH) {
      const asked = new Set(keys.slice(i, i + BADGE_BATCH));
      deps.lookupBadges([...asked]).then(
        (infos) => {
          for (const badge of drawn) if (asked.has(badge.key)) badge.show(infos[badge.key] ?? null);
        },
        () => {}, // No answer (e.g. the extension was reloaded): the hosts stay as they are.
      );
    }
  }
  /** A page that is no adapter's profile shows the overlay if the user attached it by hand. */
  function attachedPage(url: URL): ProfileReading | null {
    const page = deps.attachedPages ? webProfile(url, deps.doc.title) : null;
    if (!page) return null;
    if (attached?.key !== page.key) {
      const asked = { key: page.key } as { key: string; tracked?: boolean };
      attached = asked;
      deps.isTracked(page.key).then(
        (tracked) => {
          asked.tracked = tracked;
          if (tracked && attached === asked) watcher.update();
        },
        () => {}, // No answer (e.g. the extension was reloaded): no overlay.
      );
    }
    return attached.tracked ? page : null;
  }

  function syncOverlay(profile: ProfileReading | null, url: URL, rendered: boolean) {
    if (!profile || (overlay?.key !== profile.key && !rendered)) {
      overlay?.remove();
      overlay = undefined;
      profileShown = null;
      return;
    }
    if (overlay?.key !== profile.key) {
      overlay?.remove();
      overlay = mountOverlay(
        deps.doc,
        deps.frameUrl(profile.key),
        deps.frameMessages,
        profile.key,
        profile.anchor,
      );
    } else {
      overlay.ensureAttached(profile.anchor);
    }
    profileShown = toSeen(profile, url);
    // Reported once it is named (the name can lag while the page renders), and again when what the
    // page shows of them changes.
    const reading = JSON.stringify(profileShown);
    if (profileShown.name && reading !== reported) {
      reported = reading;
      deps.reportSeen(profileShown);
    }
  }

  function decorate(cards: CardReading[]) {
    const fresh: Badge[] = [];
    for (const card of cards) {
      const badge = badgeOfCard.get(card.element);
      if (!badge) {
        const added = addBadge(deps.doc, card.element, card.key);
        badgeOfCard.set(card.element, added);
        badgeOfHost.set(added.element, added);
        fresh.push(added);
      } else if (badge.element.parentNode !== card.element) {
        card.element.append(badge.element); // the page re-drew the card's contents
      }
    }
    if (fresh.length > 0) fillBadges(fresh);
  }

  const watcher = {
    /** `renderedUrl`: the address at the page's last content change (omitted: the page is as loaded). */
    update(renderedUrl?: string) {
      const url = deps.currentUrl();
      const { profile, cards } = deps.readPage(deps.doc, url);
      syncOverlay(profile ?? attachedPage(url), url, renderedUrl === undefined || renderedUrl === url.href);
      decorate(cards);
    },
    /** Asks again for every badge on the page (verdicts changed, or may have while the tab was hidden). */
    refreshBadges(): boolean {
      const drawn = [...deps.doc.querySelectorAll('track-record-badge')].flatMap(
        (host) => badgeOfHost.get(host) ?? [],
      );
      if (drawn.length > 0) fillBadges(drawn);
      return drawn.length > 0;
    },
    /** The public profile on screen, for the popup and the side panel. */
    shownProfile: () => profileShown,
    /** Takes the overlay and this watcher's badges off the page (the extension is gone). */
    stop() {
      overlay?.remove();
      overlay = undefined;
      for (const host of deps.doc.querySelectorAll('track-record-badge'))
        if (badgeOfHost.has(host)) host.remove();
    },
  };
  return watcher;
}

function toSeen(profile: ProfileReading, url: URL): SeenProfile {
  const { platform, id, key, name, title, location, metrics } = profile;
  return { platform, id, key, name, title, location, metrics, url: url.href };
}
