import { Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import { tellBackground } from '../../messages/protocol';

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
 * Calls `changed` after the records change, here or — Dexie relays it across the extension's pages and
 * background — in another extension context.
 */
export function onRecordsChanged(changed: () => void): void {
  Dexie.on('storagemutated', () => changed());
}

/**
 * In an extension page (which writes the database itself): tells the background when records change, so
 * that it brings up to date what follows from them — the toolbar's count of milestones due, the
 * reminders, the card badges of open listings. Dexie's relay of a change does not wake a sleeping
 * background; a message does.
 */
export function announceRecordChanges(): void {
  onRecordsChanged(
    coalesced(() => {
      // No background to tell (the extension is being reloaded): nothing to bring up to date.
      tellBackground((m) => browser.runtime.sendMessage(m), { type: 'records-changed' }).catch(() => {});
    }, 50),
  );
}
