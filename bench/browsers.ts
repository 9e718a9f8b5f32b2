// The browsers the benchmark compares, all alike (same Chromium, same switches, same page server, same
// probe), and one page load measured in any of them.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, launchWithExtension } from '../scripts/extension-browser.mjs';
import { installProbe, type ProbeApi, type ProbeEvent, type ProbeOptions, type ProbeRecord } from './probe';

export type BenchBrowser = {
  name: string;
  context: BrowserContext;
  /** `chrome-extension://<id>/<path>` of the loaded extension (throws for a browser with none). */
  extensionUrl(path: string): string;
  /** A tab kept open for the DevTools protocol (browser version, service worker control). */
  control: { page: Page; cdp: CDPSession };
  close(): Promise<void>;
};

export type LoadMetrics = {
  /** Main-thread time of the page's renderer, from Performance.getMetrics (milliseconds). */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
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

/**
 * `extension`: the unpacked extension to load, if any; `worker` says it has a service worker (the real one
 * does, the floor does not), whose host is the extension's id.
 */
export async function launchBench(
  name: string,
  options: { extension?: { path: string; worker: boolean }; chromiumArgs: string[]; probe: ProbeOptions },
): Promise<BenchBrowser> {
  const common = { args: options.chromiumArgs, route: false };
  const launched = options.extension?.worker
    ? await launchWithExtension({ extensionPath: options.extension.path, ...common })
    : await launchBrowser({ extensionPath: options.extension?.path, ...common });
  const extensionId = 'extensionId' in launched ? launched.extensionId : undefined;
  const { context } = launched;
  await context.addInitScript(installProbe, options.probe);
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  return {
    name,
    context,
    control: { page, cdp },
    extensionUrl(path) {
      if (!extensionId) throw new Error(`${name} has no extension pages`);
      return `chrome-extension://${extensionId}/${path}`;
    },
    close: () => launched.close(),
  };
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
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const { at, settled, record } = await page.evaluate(
      async ([what, timeout, quiet]) => {
        const probe = window.__bench;
        const at = what ? await probe.when(what, timeout) : null;
        const settled = await probe.quiet(quiet, 3_000);
        return { at, settled, record: probe.record };
      },
      [until, timeoutMs, quietMs] as const,
    );
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const seconds = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    await cdp.detach();
    return {
      at,
      settled,
      record,
      metrics: {
        taskMs: seconds('TaskDuration') * 1000,
        scriptMs: seconds('ScriptDuration') * 1000,
        layoutMs: seconds('LayoutDuration') * 1000,
        styleMs: seconds('RecalcStyleDuration') * 1000,
      },
    };
  } finally {
    await page.close();
  }
}

/**
 * Stops every service worker of the browser through the DevTools protocol and resolves once the
 * extension's own worker is reported stopped (throws if it is not within 5 s: a "cold" load would then
 * be a warm one).
 */
export async function stopServiceWorkers(browser: BenchBrowser, extensionOrigin: string): Promise<void> {
  const { cdp } = browser.control;
  const status = new Map<string, string>();
  type Versions = { versions: { versionId: string; scriptURL: string; runningStatus: string }[] };
  const stopped = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
      reject(new Error(`${browser.name}: the extension's service worker did not stop`));
    }, 5_000);
    function onUpdate({ versions }: Versions) {
      for (const v of versions)
        if (v.scriptURL.startsWith(extensionOrigin)) status.set(v.versionId, v.runningStatus);
      if (status.size > 0 && [...status.values()].every((s) => s === 'stopped')) {
        clearTimeout(timer);
        cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
        resolve();
      }
    }
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  // enable reports every worker's current state; a worker already stopped resolves at once.
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.send('ServiceWorker.disable');
}
