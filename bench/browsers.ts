// The browsers the benchmark compares, all alike (same Chromium, same switches, same page server, same
// probe), and one page load measured in any of them.
import { type Chromium, launchChromium, type Tab } from './chromium';
import {
  emptyProbeRecord,
  installProbe,
  type ProbeApi,
  type ProbeEvent,
  type ProbeOptions,
  type ProbeRecord,
} from './probe';

export type BenchBrowser = {
  name: string;
  chromium: Chromium;
  /** A new tab whose documents all run the probe first. */
  newTab(): Promise<Tab>;
  /** `chrome-extension://<id>/<path>` of the loaded extension (throws for a browser with none). */
  extensionUrl(path: string): string;
  close(): Promise<void>;
};

type LoadMetrics = {
  /** CPU time of the page renderer's main thread (Performance.getMetrics in thread ticks, milliseconds):
   *  the work done, not the wall time it took; on a shared machine wall time also counts the time the
   *  thread waited for a core, which varied 700–1,400 ms between loads of the same page where CPU time
   *  stayed within 330–450 ms. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** V8's compiling, the DevTools protocol's own commands, and what Chromium counts as none of the above. */
  compileMs: number;
  devtoolsMs: number;
  otherMs: number;
  /** When the metrics were read (page clock, ms from navigation start): the window they cover. */
  windowMs: number;
};

export type LoadSample = {
  /** When what was waited for happened (page clock, ms from navigation start), null if it never did. */
  at: number | null;
  /** The DOM went quiet before the metrics were read (false: still changing after the limit). */
  settled: boolean;
  record: ProbeRecord;
  metrics: LoadMetrics;
};

declare global {
  interface Window {
    __bench: ProbeApi;
  }
}

type TargetInfo = { targetId: string; type: string; url: string };

/**
 * `extension`: the unpacked extension to load, if any; `worker` says it has a service worker (the real one
 * does, the floor does not), whose host is the extension's id.
 */
export async function launchBench(
  name: string,
  options: { extension?: { path: string; worker: boolean }; chromiumArgs: string[]; probe: ProbeOptions },
): Promise<BenchBrowser> {
  const chromium = await launchChromium({
    extensionPath: options.extension?.path,
    args: options.chromiumArgs,
  });
  let extensionId: string | undefined;
  if (options.extension?.worker) {
    const isWorker = (t: TargetInfo) =>
      t.type === 'service_worker' && t.url.startsWith('chrome-extension://');
    const appeared = chromium.cdp.waitFor<{ targetInfo: TargetInfo }>(
      'Target.targetCreated',
      (e) => isWorker(e.targetInfo),
      30_000,
    );
    const { targetInfos } = await chromium.cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
    const worker = targetInfos.find(isWorker) ?? (await appeared).targetInfo;
    appeared.catch(() => {});
    extensionId = new URL(worker.url).host;
    await closeWelcomePage(chromium, extensionId);
  }
  const initScript = `(${installProbe.toString()})(${JSON.stringify(options.probe)}, ${JSON.stringify(emptyProbeRecord())})`;
  return {
    name,
    chromium,
    newTab: () => chromium.newTab(initScript),
    extensionUrl(path) {
      if (!extensionId) throw new Error(`${name} has no extension pages`);
      return `chrome-extension://${extensionId}/${path}`;
    },
    close: () => chromium.close(),
  };
}

/**
 * The extension opens its welcome page on install, as a new tab in front of the others: waited for and
 * closed, so that it never comes later in front of a tab being measured. A tab behind another is hidden,
 * and a hidden page draws no frames: what waits for the next frame would wait for ever.
 */
async function closeWelcomePage(chromium: Chromium, extensionId: string) {
  const isWelcome = (t: TargetInfo) =>
    t.type === 'page' && t.url === `chrome-extension://${extensionId}/welcome.html`;
  // Opened with its address, or on about:blank and then navigated there.
  const appeared = Promise.race(
    ['Target.targetCreated', 'Target.targetInfoChanged'].map((event) =>
      chromium.cdp.waitFor<{ targetInfo: TargetInfo }>(event, (e) => isWelcome(e.targetInfo), 30_000),
    ),
  );
  appeared.catch(() => {});
  const { targetInfos } = await chromium.cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  const welcome = targetInfos.find(isWelcome) ?? (await appeared).targetInfo;
  await chromium.cdp.send('Target.closeTarget', { targetId: welcome.targetId });
}

/** Waits in the page for a probe event; the time it happened (page clock), or null. */
export function when(tab: Tab, what: ProbeEvent, timeoutMs: number): Promise<number | null> {
  return tab.evaluate(([w, t]) => window.__bench.when(w, t), [what, timeoutMs] as const);
}

/**
 * Loads `url` in a new tab, waits in the page for `until` (if given) and then for the DOM to go quiet, and
 * reads the renderer's CPU time and the probe's records. The tab is closed afterwards.
 */
export async function measureLoad(
  browser: BenchBrowser,
  url: string,
  until: ProbeEvent | null,
  { timeoutMs = 15_000, quietMs = 300 } = {},
): Promise<LoadSample> {
  const tab = await browser.newTab();
  try {
    await tab.send('Performance.enable', { timeDomain: 'threadTicks' });
    await tab.goto(url);
    const { at, settled, record, windowMs } = await tab.evaluate(
      async ([what, timeout, quiet]) => {
        const probe = window.__bench;
        const at = what ? await probe.when(what, timeout) : null;
        const settled = await probe.quiet(quiet, 3_000);
        return { at, settled, record: probe.record, windowMs: performance.now() };
      },
      [until, timeoutMs, quietMs] as const,
    );
    const { metrics } = await tab.send<{ metrics: { name: string; value: number }[] }>(
      'Performance.getMetrics',
    );
    const seconds = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      at,
      settled,
      record,
      metrics: {
        taskMs: seconds('TaskDuration') * 1000,
        scriptMs: seconds('ScriptDuration') * 1000,
        layoutMs: seconds('LayoutDuration') * 1000,
        styleMs: seconds('RecalcStyleDuration') * 1000,
        compileMs: seconds('V8CompileDuration') * 1000,
        devtoolsMs: seconds('DevToolsCommandDuration') * 1000,
        otherMs: seconds('TaskOtherDuration') * 1000,
        windowMs,
      },
    };
  } finally {
    await tab.close();
  }
}

/**
 * Stops every service worker of the browser through the DevTools protocol and resolves once the
 * extension's own worker is reported stopped (throws if it is not within 5 s: a "cold" load would then
 * be a warm one).
 */
export async function stopServiceWorkers(browser: BenchBrowser): Promise<void> {
  const origin = browser.extensionUrl('');
  const tab = await browser.newTab(); // the ServiceWorker domain lives on a page's session
  try {
    const status = new Map<string, string>();
    type Versions = { versions: { versionId: string; scriptURL: string; runningStatus: string }[] };
    const stopped = browser.chromium.cdp.waitFor<Versions>(
      'ServiceWorker.workerVersionUpdated',
      ({ versions }) => {
        for (const v of versions)
          if (v.scriptURL.startsWith(origin)) status.set(v.versionId, v.runningStatus);
        return status.size > 0 && [...status.values()].every((s) => s === 'stopped');
      },
      5_000,
    );
    await tab.send('ServiceWorker.enable'); // reports every worker's state, then its changes
    await tab.send('ServiceWorker.stopAllWorkers');
    await stopped.catch(() => {
      throw new Error(`${browser.name}: the extension's service worker did not stop`);
    });
  } finally {
    await tab.close();
  }
}
