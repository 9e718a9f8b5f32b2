// What the benchmark runs inside every page before the page's own scripts (context.addInitScript): it
// records, with the page's own clock (performance.now(), from the start of navigation), when the hosts the
// extension adds appear and when the overlay turns ready, plus long tasks and load events. Node only reads
// these records afterwards, so its own latency never enters a timing. It relies on the public DOM contract
// only: `[data-track-record="overlay"]` with `data-state="ready"`, `[data-track-record="badge"]`, and the
// floor extension's `[data-track-record="floor"]`.
//
// This function is serialised into the page: it must use nothing from outside its own body.

export type ProbeOptions = {
  /** Texts whose first appearance is timed on extension pages (popup, roster). */
  texts: string[];
  /** Selectors whose first match is timed on extension pages. */
  selectors: string[];
};

export type ProbeRecord = {
  /** Each insertion of the overlay host (a host moved by the content script counts again). */
  overlayInserted: number[];
  /** Each change of the host's data-state to "ready". */
  overlayReady: number[];
  floorInserted: number | null;
  badges: number;
  firstBadge: number | null;
  lastBadge: number | null;
  /** Long tasks (≥ 50 ms) of this document's main thread, with their durations. */
  longTasks: number[];
  domContentLoaded: number | null;
  load: number | null;
  /** Mutation observer batches seen (the page's own mutations included). */
  mutationBatches: number;
  texts: Record<string, number>;
  /** When a frame had been drawn after the text first appeared (as `selectorsPainted`). */
  textsPainted: Record<string, number>;
  selectors: Record<string, number>;
  /** When a frame had been drawn after the selector first matched (a task queued from the next
   *  animation frame runs once that frame is produced): the match was on screen by then. */
  selectorsPainted: Record<string, number>;
};

/** What Node can ask the probe in a page (window.__bench). */
export type ProbeApi = {
  record: ProbeRecord;
  /** Resolves with the time `what` happened (at once if it already did), or null after `timeoutMs`. */
  when(what: ProbeEvent, timeoutMs: number): Promise<number | null>;
  /** Resolves once the DOM has had no mutation for `quietMs` (or after `timeoutMs`): true if quiet. */
  quiet(quietMs: number, timeoutMs: number): Promise<boolean>;
};

export type ProbeEvent =
  | { kind: 'load' | 'overlay-ready' | 'overlay' | 'floor' | 'badge' }
  | { kind: 'text'; text: string }
  | { kind: 'text-painted'; text: string }
  | { kind: 'selector'; selector: string }
  | { kind: 'selector-painted'; selector: string };

/** A record before anything happened: the probe starts from it (given to the page as data, since the
 *  probe may use nothing outside its own body). */
export function emptyProbeRecord(): ProbeRecord {
  return {
    overlayInserted: [],
    overlayReady: [],
    floorInserted: null,
    badges: 0,
    firstBadge: null,
    lastBadge: null,
    longTasks: [],
    domContentLoaded: null,
    load: null,
    mutationBatches: 0,
    texts: {},
    textsPainted: {},
    selectors: {},
    selectorsPainted: {},
  };
}

/** Installs the probe in the page, starting from `record` (emptyProbeRecord()). */
export function installProbe(options: ProbeOptions, record: ProbeRecord): void {
  const w = window as unknown as { __bench?: ProbeApi };
  if (w.__bench) return;
  const extensionPage = location.protocol === 'chrome-extension:';
  let lastMutation = performance.now();
  const waiters = new Set<() => void>();
  const settle = () => {
    for (const check of [...waiters]) check();
  };

  const seeHost = (node: Node, at: number) => {
    if (node.nodeType !== 1) return;
    const role = (node as Element).getAttribute('data-track-record');
    if (role === 'overlay') {
      record.overlayInserted.push(at);
      if ((node as Element).getAttribute('data-state') === 'ready') record.overlayReady.push(at);
    } else if (role === 'badge') {
      record.badges++;
      record.firstBadge ??= at;
      record.lastBadge = at;
    } else if (role === 'floor') {
      record.floorInserted ??= at;
    }
  };
  const observer = new MutationObserver((mutations) => {
    const at = performance.now();
    lastMutation = at;
    record.mutationBatches++;
    for (const m of mutations) {
      if (m.type === 'attributes') {
        const host = m.target as Element;
        if (
          host.getAttribute('data-track-record') === 'overlay' &&
          host.getAttribute('data-state') === 'ready'
        )
          record.overlayReady.push(at);
      } else {
        for (const node of m.addedNodes) seeHost(node, at);
      }
    }
    if (extensionPage && document.body) {
      const pendingTexts = options.texts.filter((t) => !(t in record.texts));
      if (pendingTexts.length > 0) {
        const text = document.body.textContent ?? '';
        for (const t of pendingTexts) {
          if (!text.includes(t)) continue;
          record.texts[t] = at;
          requestAnimationFrame(() =>
            setTimeout(() => {
              record.textsPainted[t] = performance.now();
              settle();
            }),
          );
        }
      }
      for (const s of options.selectors) {
        if (s in record.selectors || !document.querySelector(s)) continue;
        record.selectors[s] = at;
        requestAnimationFrame(() =>
          setTimeout(() => {
            record.selectorsPainted[s] = performance.now();
            settle();
          }),
        );
      }
    }
    settle();
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-state'],
  });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: the list stays empty.
  }
  document.addEventListener('DOMContentLoaded', () => {
    record.domContentLoaded = performance.now();
  });
  window.addEventListener('load', () => {
    record.load = performance.now();
    settle();
  });

  const happened = (what: ProbeEvent): number | null => {
    switch (what.kind) {
      case 'load':
        return record.load;
      case 'overlay':
        return record.overlayInserted[0] ?? null;
      case 'overlay-ready':
        return record.overlayReady[0] ?? null;
      case 'floor':
        return record.floorInserted;
      case 'badge':
        return record.firstBadge;
      case 'text':
        return record.texts[what.text] ?? null;
      case 'text-painted':
        return record.textsPainted[what.text] ?? null;
      case 'selector':
        return record.selectors[what.selector] ?? null;
      case 'selector-painted':
        return record.selectorsPainted[what.selector] ?? null;
    }
  };
  w.__bench = {
    record,
    when(what, timeoutMs) {
      return new Promise((resolve) => {
        const check = () => {
          const at = happened(what);
          if (at === null) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(at);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(null);
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    quiet(quietMs, timeoutMs) {
      const end = performance.now() + timeoutMs;
      return new Promise((resolve) => {
        const look = () => {
          const now = performance.now();
          if (now - lastMutation >= quietMs) resolve(true);
          else if (now >= end) resolve(false);
          else setTimeout(look, Math.min(quietMs - (now - lastMutation) + 1, end - now));
        };
        look();
      });
    },
  };
}
