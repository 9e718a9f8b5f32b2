import { Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import type { FromPage } from '../../messages/protocol';

/** Tables whose changes can change what a card badge shows. */
const SHOWN_ON_BADGES = /^idb:\/\/[^/]+\/(contractors|profiles|settings)\//;

/** `run`, called once `quietMs` after the first of a burst of calls. */
export function coalesced(run: () => void, quietMs = 250): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (pending !== undefined) return;
    pending = setTimeout(() => {
      pending = undefined;
      run();
    }, quietMs);
  };
}

/**
 * Calls `changed` after records that card badges show change, here or — Dexie relays it across the
 * extension's pages and background — in another extension context.
 */
export function onBadgeRecordsChanged(changed: () => void): void {
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => SHOWN_ON_BADGES.test(part))) changed();
  });
}

/**
 * In an extension page: tells the background when records change, so that the card badges of listings
 * left open beside it ask again. (The background may be asleep, and only a message wakes it.)
 */
export function announceRecordChanges(): void {
  const notice: FromPage = { type: 'records-changed' };
  // No background to tell (the extension is being reloaded): nothing to refresh.
  onBadgeRecordsChanged(coalesced(() => void browser.runtime.sendMessage(notice).catch(() => {})));
}
