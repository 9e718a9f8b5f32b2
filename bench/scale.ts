// What the scale run (BENCH_ONLY=scale) measures besides the import and the page loads: the background's
// memory, read on its service worker's own target, and the badges' lookup on the listings, timed in the
// content script of the listing's page, in both databases' browsers, interleaved.
import type { BenchBrowser } from './browsers';
import type { Tab } from './chromium';
import type { BenchPage } from './pages';
import {
  type BadgeLookup,
  type BadgeLookupFigure,
  badgeLookupFigure,
  type WorkerHeapSample,
} from './scale-figures';

type TargetInfo = { targetId: string; type: string; url: string };

/**
 * The extension's service worker, attached through the DevTools protocol for the rest of the run. While
 * attached, Chromium does not stop it when idle: its heap after the import is then the heap of the worker
 * that lived through it (the worst case: asleep, it would have kept nothing). Should it be stopped
 * anyway, the next reading finds the new worker and says so (its target).
 */
export async function attachWorker(browser: BenchBrowser) {
  const { cdp } = browser.chromium;
  const origin = browser.extensionUrl('');
  let attached: { targetId: string; sessionId: string } | undefined;
  cdp.on<{ sessionId: string }>('Target.detachedFromTarget', ({ sessionId }) => {
    if (attached?.sessionId === sessionId) attached = undefined;
  });
  const findWorker = async () => {
    const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
  };
  /** A message from an extension page wakes a stopped worker. */
  const wake = async () => {
    const tab = await browser.newTab();
    try {
      await tab.goto(browser.extensionUrl('popup.html'));
      await tab.evaluate(
        () =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({ type: 'records-changed' }),
        null,
      );
    } finally {
      await tab.close();
    }
  };
  const attach = async () => {
    const worker = (await findWorker()) ?? (await wake().then(findWorker));
    if (!worker) throw new Error(`${browser.name}: no service worker of the extension`);
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: true,
    });
    attached = { targetId: worker.targetId, sessionId };
    return attached;
  };
  await attach();
  return {
    /** The worker's JavaScript heap after a garbage collection. */
    async heap(): Promise<WorkerHeapSample> {
      const { targetId, sessionId } = attached ?? (await attach());
      await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
      const { usedSize, totalSize } = await cdp.send<{ usedSize: number; totalSize: number }>(
        'Runtime.getHeapUsage',
        {},
        sessionId,
      );
      return { usedMB: usedSize / 1024 / 1024, totalMB: totalSize / 1024 / 1024, targetId };
    },
  };
}

/**
 * Reads a tab's JavaScript heap (without a garbage collection: what it holds at that moment) every
 * `everyMs` while `work` runs; resolves with its result and the largest reading, in MB.
 */
export async function heapPeakDuring<T>(
  tab: Tab,
  work: () => Promise<T>,
  everyMs = 1000,
): Promise<{ result: T; peakMB: number }> {
  let peak = 0;
  const read = async () => {
    const { usedSize } = await tab.send<{ usedSize: number }>('Runtime.getHeapUsage').catch(() => ({
      usedSize: 0,
    }));
    peak = Math.max(peak, usedSize);
  };
  await read();
  const timer = setInterval(() => void read(), everyMs);
  try {
    const result = await work();
    await read();
    return { result, peakMB: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** The tab's JavaScript heap after a garbage collection, in MB. */
export async function heapAfterCollection(tab: Tab): Promise<number> {
  await tab.send('HeapProfiler.collectGarbage');
  const { usedSize } = await tab.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

type ExecutionContext = {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
};

/** A listing opened in a browser, with the execution context of the extension's content script in it. */
async function openListing(browser: BenchBrowser, page: BenchPage) {
  const tab = await browser.newTab();
  await tab.goto(page.url);
  const { frameTree } = await tab.send<{ frameTree: { frame: { id: string } } }>('Page.getFrameTree');
  const contexts: ExecutionContext[] = [];
  const off = browser.chromium.cdp.on<{ context: ExecutionContext }>(
    'Runtime.executionContextCreated',
    ({ context }, sessionId) => {
      if (sessionId === tab.sessionId) contexts.push(context);
    },
  );
  await tab.send('Runtime.enable'); // reports every context there is, then new ones
  const origin = browser.extensionUrl('').replace(/\/$/, '');
  const deadline = Date.now() + 15_000;
  const find = () =>
    contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === frameTree.frame.id &&
        c.origin.startsWith(origin),
    );
  while (!find() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  off();
  const context = find();
  if (!context)
    throw new Error(
      `${browser.name}: no content script on ${page.id} (contexts: ${contexts.map((c) => `${c.auxData?.type} ${c.origin}`).join(', ')})`,
    );
  return { tab, contextId: context.id };
}

/** One `badges` request of the listing's keys, sent from its content script and timed there. */
async function lookup(tab: Tab, contextId: number, keys: string[]): Promise<BadgeLookup> {
  const { result, exceptionDetails } = await tab.send<{
    result: { value: { ms: number; answer: unknown } };
    exceptionDetails?: { text: string };
  }>('Runtime.evaluate', {
    contextId,
    expression: `(async (keys) => {
      const began = performance.now();
      const answer = await chrome.runtime.sendMessage({ type: 'badges', keys });
      return { ms: performance.now() - began, answer };
    })(${JSON.stringify(keys)})`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`badge lookup: ${exceptionDetails.text}`);
  const badges = (result.value.answer as { badges?: Record<string, unknown> }).badges;
  if (!badges) throw new Error(`badge lookup answered ${JSON.stringify(result.value.answer).slice(0, 200)}`);
  return { ms: result.value.ms, tracked: Object.keys(badges).length };
}

/**
 * On each listing, its cards' badges looked up (the request the content script makes when the page shows
 * them: background, IndexedDB, answer) `reps` times in the small database's browser and in the big one's,
 * alternately (the first of each pair alternating), each timed in its page's content script. One lookup
 * of each first, kept out (the worker's first read of the database).
 */
export async function badgeLookups(
  browsers: { small: BenchBrowser; big: BenchBrowser },
  pages: BenchPage[],
  reps: number,
): Promise<Record<string, BadgeLookupFigure>> {
  const figures: Record<string, BadgeLookupFigure> = {};
  for (const page of pages.filter((p) => p.kind === 'listing')) {
    const keys = [...new Set(page.cardKeys)];
    const small = await openListing(browsers.small, page);
    const big = await openListing(browsers.big, page);
    try {
      const times: Record<'small' | 'big', BadgeLookup[]> = { small: [], big: [] };
      const first = await lookup(small.tab, small.contextId, keys);
      await lookup(big.tab, big.contextId, keys);
      for (let rep = 0; rep < reps; rep++) {
        const order = rep % 2 === 0 ? (['small', 'big'] as const) : (['big', 'small'] as const);
        for (const which of order) {
          const { tab, contextId } = which === 'small' ? small : big;
          times[which].push(await lookup(tab, contextId, keys));
        }
      }
      figures[page.id] = badgeLookupFigure(keys.length, first.tracked, times.small, times.big);
    } finally {
      await small.tab.close();
      await big.tab.close();
    }
  }
  return figures;
}
