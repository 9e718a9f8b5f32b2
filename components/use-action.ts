import { useState } from 'preact/hooks';
import { messageOf } from '../scoring/format';

/**
 * One user action that may be refused: whether it is running, and why it failed (after `failed`, e.g.
 * "Not saved: …", when given). `act` resolves to whether it succeeded, so a form clears its inputs only
 * then — a refused action keeps what was typed.
 */
export function useAction<A extends unknown[]>(run: (...args: A) => Promise<unknown>, failed?: string) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (...args: A): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await run(...args);
      return true;
    } catch (e) {
      setError(failed ? `${failed}: ${messageOf(e)}` : messageOf(e));
      return false;
    } finally {
      setPending(false);
    }
  };
  return { act, pending, error, setError };
}
