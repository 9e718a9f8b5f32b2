import type { CaptureDraft } from '../../model/capture';

/**
 * Keeps what is typed in the overlay's capture with the background as it changes: at most one write
 * per `quietMs` of typing, and at once when the frame is about to go (`flush`: the tab hidden or
 * closed). What reaches the background comes back in the next overlay for that freelancer if this one
 * goes away first (the extension updated or restarted, the page reloaded).
 */
export function keepDrafts(keep: (draft: CaptureDraft | null) => Promise<unknown>, quietMs = 400) {
  let waiting: { draft: CaptureDraft | null } | undefined;
  let sent = 'null';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!waiting) return;
    const { draft } = waiting;
    waiting = undefined;
    const text = JSON.stringify(draft);
    if (text === sent) return;
    sent = text;
    void keep(draft).catch(() => {
      sent = ''; // not kept: the next change (or flush) sends it again
    });
  };
  return {
    /** The capture's fields changed (null: recorded, or dropped). */
    changed(draft: CaptureDraft | null) {
      waiting = { draft };
      if (draft === null) return flush(); // recorded: forgotten at once
      timer ??= setTimeout(flush, quietMs);
    },
    flush,
  };
}
