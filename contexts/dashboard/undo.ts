import { useEffect, useState } from 'preact/hooks';

// The one undo the page offers (after a delete, a merge, an import, "delete everything"), kept outside any
// view, so it survives opening a contractor and coming back.

export type Undo = { message: string; label?: string; run: () => Promise<void> };

let current: Undo | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

export function offerUndo(undo: Undo): void {
  current = undo;
  notify();
}

export function clearUndo(): void {
  current = null;
  notify();
}

export function useUndo(): Undo | null {
  const [, redraw] = useState(0);
  useEffect(() => {
    const listener = () => redraw((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return current;
}
