import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OVERLAY_DRAWN } from '../../messages/content';
import type { SeenProfile } from '../../model/page';
import { readPage } from '../../sites';
import { createPageWatcher } from './page-watcher';

// The watcher runs against happy-dom's document with addresses given per call, as the content script
// gives it `location.href`. Upwork reads identity from the address and the name from the page.
let address = new URL('https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa');
let seen: SeenProfile[];
let lookups: string[][];
let trackedAsked: string[];
const TRACKED = new Set(['web:https://portfolio.example.com/jane']);

const FRAME_ORIGIN = 'chrome-extension://track-record-test';
/** The closed shadow roots the extension attaches, by host, so that a test can reach the frame inside. */
const shadowRoots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  shadowRoots.set(this, root);
  return root;
};

/** The overlay's frame tells the page it has drawn, as the real frame's postMessage arrives. */
function frameSays(host: Element | undefined, state: 'ready' | 'failed', folded = false) {
  const frame = host && shadowRoots.get(host)?.querySelector('iframe');
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { type: OVERLAY_DRAWN, state, folded },
      source: frame?.contentWindow ?? null,
      origin: FRAME_ORIGIN,
    }),
  );
}

function watcher() {
  return createPageWatcher({
    doc: document,
    readPage,
    attachedPages: true,
    currentUrl: () => address,
    frameUrl: () => 'about:blank', // happy-dom loads no frames
    frameMessages: { origins: [FRAME_ORIGIN], trusted: () => true }, // happy-dom marks no event trusted
    reportSeen: (profile) => seen.push(profile),
    lookupBadges: async (keys) => {
      lookups.push(keys);
      return Object.fromEntries(
        keys
          .filter((k) => k.endsWith('1'))
          .map((k) => [k, { verdict: 'watch' as const, score: 58, strikes: 1 }]),
      );
    },
    isTracked: async (key) => {
      trackedAsked.push(key);
      return TRACKED.has(key);
    },
  });
}

function showProfile(name: string, id: string) {
  address = new URL(`https://www.upwork.com/freelancers/${id}`);
  document.title = `${name} - Designer - Upwork Freelancer from Oslo, Norway`;
  document.body.replaceChildren();
  const identity = document.createElement('div');
  identity.setAttribute('itemscope', '');
  identity.setAttribute('itemtype', 'http://schema.org/Person');
  identity.textContent = name;
  document.body.append(identity);
}

function tile(id: string): HTMLElement {
  const article = document.createElement('article');
  article.dataset.test = 'FreelancerTile';
  const link = document.createElement('a');
  link.href = `https://www.upwork.com/freelancers/${id}`;
  link.textContent = `Freelancer ${id}`;
  article.append(link);
  document.body.append(article);
  return article;
}

const overlays = () => [...document.querySelectorAll('[data-track-record="overlay"]')] as HTMLElement[];
const badges = () => [...document.querySelectorAll('[data-track-record="badge"]')] as HTMLElement[];

beforeEach(() => {
  seen = [];
  lookups = [];
  trackedAsked = [];
  document.body.replaceChildren();
  for (const parked of document.querySelectorAll('track-record-overlay')) parked.remove();
});

describe('the page watcher', () => {
  it('puts one overlay on a profile, keyed by its public identity, and reports the profile once', () => {
    showProfile('Ada Lovelace', '~01aaaaaaaaaaaaaaaa');
    const w = watcher();
    w.update();
    w.update();
    expect(overlays().map((o) => o.dataset.profileKey)).toEqual(['upwork:~01aaaaaaaaaaaaaaaa']);
    expect(overlays()[0]?.dataset.state).toBe('loading');
    expect(seen.map((p) => p.name)).toEqual(['Ada Lovelace']);
    expect(w.shownProfile()).toMatchObject({ key: 'upwork:~01aaaaaaaaaaaaaaaa', url: address.href });
  });

  it('ends a storm of client-side navigations with one overlay, for the last freelancer', () => {
    const w = watcher();
    for (let i = 0; i < 40; i++) {
      showProfile(`Person ${i}`, `~01${String(i).padStart(16, '0')}`);
      w.update();
    }
    expect(overlays().map((o) => o.dataset.profileKey)).toEqual(['upwork:~010000000000000039']);
    expect(seen).toHaveLength(40);
  });

  it('re-attaches the same overlay when the page replaces the element it sat by', () => {
    showProfile('Ada Lovelace', '~01aaaaaaaaaaaaaaaa');
    const w = watcher();
    w.update();
    const first = overlays()[0];
    document.body.replaceChildren(); // a framework re-render drops everything it did not create
    w.update();
    expect(overlays()).toEqual([first]);
    expect(first?.isConnected).toBe(true);
  });

  it('removes the overlay when the page stops being a profile', () => {
    showProfile('Ada Lovelace', '~01aaaaaaaaaaaaaaaa');
    const w = watcher();
    w.update();
    address = new URL('https://www.upwork.com/nx/search/talent/?q=logo');
    w.update();
    expect(overlays()).toEqual([]);
    expect(w.shownProfile()).toBeNull();
  });

  it('marks the overlay ready, or folded, when its own frame says so, and only then', () => {
    showProfile('Ada Lovelace', '~01aaaaaaaaaaaaaaaa');
    const w = watcher();
    w.update();
    const host = overlays()[0];
    window.dispatchEvent(
      new MessageEvent('message', { data: { type: OVERLAY_DRAWN, state: 'ready', folded: false } }),
    );
    expect(host?.dataset.state).toBe('loading'); // not from its frame
    frameSays(host, 'ready');
    expect([host?.dataset.state, 'folded' in (host?.dataset ?? {})]).toEqual(['ready', false]);
    frameSays(host, 'ready', true);
    expect('folded' in (host?.dataset ?? {})).toBe(true);
  });

  it('badges each card once, with one verdict lookup per batch of new cards', async () => {
    address = new URL('https://www.upwork.com/nx/search/talent/?q=logo');
    tile('~01cccccccccccccc01');
    tile('~01cccccccccccccc02');
    tile('~01cccccccccccccc01'); // the same freelancer twice on one page
    const w = watcher();
    w.update();
    w.update();
    expect(badges()).toHaveLength(3);
    expect(lookups).toEqual([['upwork:~01cccccccccccccc01', 'upwork:~01cccccccccccccc02']]);

    tile('~01cccccccccccccc03'); // infinite scroll brings one more
    w.update();
    expect(badges().map((b) => b.dataset.profileKey)).toContain('upwork:~01cccccccccccccc03');
    expect(badges()).toHaveLength(4);
    expect(lookups[1]).toEqual(['upwork:~01cccccccccccccc03']);
    // Known or not, every badge host looks the same from the page: the verdict is in a closed root.
    expect(badges().every((b) => b.shadowRoot === null && b.textContent === '')).toBe(true);
  });

  it('on a page no adapter reads, shows the overlay only once the background says it was attached', async () => {
    address = new URL('https://portfolio.example.com/jane/?utm_source=mail#work');
    document.title = 'Jane Doe — Portfolio';
    const w = watcher();
    w.update();
    w.update(); // a DOM change before the answer: still one question
    expect(overlays()).toEqual([]);
    expect(trackedAsked).toEqual(['web:https://portfolio.example.com/jane']);
    await vi.waitFor(() => expect(overlays()).toHaveLength(1));
    expect(overlays()[0]?.dataset.profileKey).toBe('web:https://portfolio.example.com/jane');
    expect(w.shownProfile()).toMatchObject({ platform: 'web', name: 'Jane Doe — Portfolio' });
    expect(seen.map((p) => p.key)).toEqual(['web:https://portfolio.example.com/jane']);
  });

  it('puts nothing on a page nobody attached, asking once per address', async () => {
    address = new URL('https://portfolio.example.com/john');
    const w = watcher();
    w.update();
    await Promise.resolve();
    w.update();
    expect(trackedAsked).toEqual(['web:https://portfolio.example.com/john']);
    expect(overlays()).toEqual([]);
    expect(w.shownProfile()).toBeNull();
  });

  it('does not ask about pages an adapter reads as a profile', () => {
    showProfile('Ada Lovelace', '~01aaaaaaaaaaaaaaaa');
    watcher().update();
    expect(trackedAsked).toEqual([]);
  });

  it('waits for a single-page app to draw the new freelancer before showing or reporting them', () => {
    showProfile('Greta Lindqvist', '~01aaaaaaaaaaaaaaaa');
    const w = watcher();
    w.update();
    // The app changes the address first; the document still shows Greta.
    address = new URL('https://www.upwork.com/freelancers/~01bbbbbbbbbbbbbbbb');
    w.update('https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa');
    expect(overlays()).toEqual([]);
    expect(w.shownProfile()).toBeNull();
    expect(seen.map((p) => p.key)).toEqual(['upwork:~01aaaaaaaaaaaaaaaa']);
    // Then it draws Hugo, at the new address.
    showProfile('Hugo Varga', '~01bbbbbbbbbbbbbbbb');
    w.update(address.href);
    expect(overlays().map((o) => o.dataset.profileKey)).toEqual(['upwork:~01bbbbbbbbbbbbbbbb']);
    expect(seen.map((p) => `${p.key} ${p.name}`)).toEqual([
      'upwork:~01aaaaaaaaaaaaaaaa Greta Lindqvist',
      'upwork:~01bbbbbbbbbbbbbbbb Hugo Varga',
    ]);
  });

  it('reports a profile again when what the page shows of it changes, and not otherwise', () => {
    showProfile('Ada Lovelace', '~01aaaaaaaaaaaaaaaa');
    const w = watcher();
    w.update();
    w.update();
    document.title = 'Ada Lovelace - Principal Designer - Upwork Freelancer from Oslo, Norway';
    w.update();
    expect(seen.map((p) => p.title)).toEqual(['Designer', 'Principal Designer']);
  });

  it('does not report a freelancer the page does not name yet', () => {
    address = new URL('https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa');
    document.title = 'Upwork';
    const w = watcher();
    w.update();
    expect(overlays()).toHaveLength(1);
    expect(seen).toEqual([]);
  });

  it("puts a badge back when the page re-draws its card's contents, without asking again", async () => {
    address = new URL('https://www.upwork.com/nx/search/talent/?q=logo');
    const card = tile('~01cccccccccccccc01');
    const w = watcher();
    w.update();
    card.replaceChildren(...tile('~01cccccccccccccc01').childNodes); // same card element, new contents
    document.body.lastElementChild?.remove();
    w.update();
    expect(card.querySelectorAll('[data-track-record="badge"]')).toHaveLength(1);
    expect(lookups).toHaveLength(1);
  });

  it('moves a floating overlay by the profile once the page draws its anchor', () => {
    address = new URL('https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa');
    document.title = 'Ada Lovelace - Designer - Upwork Freelancer from Oslo, Norway';
    const w = watcher();
    w.update();
    expect(overlays()[0]?.dataset.floating).toBe('');
    frameSays(overlays()[0], 'ready');
    const identity = document.createElement('div'); // the page draws the identity block, overlay still attached
    identity.setAttribute('itemscope', '');
    identity.setAttribute('itemtype', 'http://schema.org/Person');
    document.body.prepend(identity);
    w.update();
    expect(identity.nextElementSibling).toBe(overlays()[0]);
    expect(overlays()).toHaveLength(1);
    expect(overlays()[0]?.dataset.floating).toBeUndefined();
    expect(overlays()[0]?.dataset.state).toBe('loading'); // its frame reloads where it now sits
  });

  it('asks again for every badge when told to, in batches of at most 500 keys', async () => {
    address = new URL('https://www.upwork.com/nx/search/talent/?q=logo');
    for (let i = 0; i < 620; i++) tile(`~01${String(i).padStart(16, '0')}`);
    const w = watcher();
    w.update();
    expect(lookups.map((keys) => keys.length)).toEqual([500, 120]);
    w.refreshBadges();
    expect(lookups.map((keys) => keys.length)).toEqual([500, 120, 500, 120]);
  });

  describe('where the browser moves a frame without reloading it (Element.moveBefore)', () => {
    // happy-dom has no Element.moveBefore; for these tests a move keeps the frame, as in Chromium.
    const proto = Node.prototype as Node & { moveBefore?: (node: Node, child: Node | null) => void };
    beforeEach(() => {
      proto.moveBefore = function (this: Node, node: Node, child: Node | null) {
        this.insertBefore(node, child);
      };
    });
    afterEach(() => {
      delete proto.moveBefore;
    });

    it('moves a floating overlay by the profile once the page draws it, keeping what the frame drew', () => {
      address = new URL('https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa');
      document.title = 'Ada Lovelace - Designer - Upwork Freelancer from Oslo, Norway';
      const w = watcher();
      w.update();
      const host = overlays()[0];
      expect(host?.dataset.floating).toBe('');
      frameSays(host, 'ready');
      showProfile('Ada Lovelace', '~01aaaaaaaaaaaaaaaa'); // the page draws its identity block
      document.body.append(host as Element);
      w.update();
      expect(overlays()).toEqual([host]);
      expect(host?.previousElementSibling?.getAttribute('itemtype')).toBe('http://schema.org/Person');
      expect([host?.dataset.floating, host?.dataset.state]).toEqual([undefined, 'ready']);
    });
  });
});
