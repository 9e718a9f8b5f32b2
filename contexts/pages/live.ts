import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Live } from '../../components/Loaded';

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
