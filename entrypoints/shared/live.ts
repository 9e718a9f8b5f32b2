import { Dexie, liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Live } from '../../components/Loaded';
import { tellBackground } from '../../messages/protocol';

/**
 * Runs a database query and runs it again whenever what it read changes, in any extension page or
 * the background (Dexie broadcasts changes across the extension's origin).
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'failed', error: String(error) }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}

// Every page that reads live (all of them) writes too. Dexie's broadcast of a change does not wake a
// sleeping service worker, so after each write (or burst of writes) the page tells the background, which
// brings the toolbar's count of due milestones and the reminders up to date.
let telling = false;
Dexie.on('storagemutated', () => {
  if (telling) return;
  telling = true;
  setTimeout(() => {
    telling = false;
    void tellBackground((m) => browser.runtime.sendMessage(m), { type: 'records-changed' }).catch(() => {});
  }, 50);
});
