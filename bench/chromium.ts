// Chromium driven over a bare DevTools-protocol pipe, attached to the tabs the benchmark opens and to
// nothing else. Not Playwright, on purpose: Playwright attaches itself to every frame, the overlay's
// out-of-process extension frame included, and holds each new one until it has set it up; that added
// 23–30 ms (median) to the overlay's ready − host time on all three profiles when measured side by side
// with this driver (12 loads each), and it is the extension's frame alone that pays it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { findChromium } from '../scripts/chromium.mjs';

/**
 * Chromium as a user has it (third-party storage partitioning on, as Chrome ships), headless, with what a
 * benchmark must not have: background tabs throttled, background network traffic, first-run screens.
 */
const SWITCHES = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--password-store=basic',
  '--use-mock-keychain',
  '--mute-audio',
  '--hide-scrollbars',
  '--window-size=1280,900',
];

type Message = {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
  sessionId?: string;
};
type Listener = (params: never, sessionId: string | undefined) => void;

/** The DevTools protocol over Chromium's pipe (--remote-debugging-pipe: fd 3 in, fd 4 out, NUL-separated). */
class Cdp {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; method: string; sessionId?: string }
  >();
  private readonly listeners = new Map<string, Set<Listener>>();
  private buffer = '';

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        this.receive(message);
      }
    });
    // A tab whose renderer crashed never answers: what was asked of it fails, saying so.
    const sessionOf = new Map<string, string>();
    this.on<{ sessionId: string; targetInfo: { targetId: string } }>('Target.attachedToTarget', (e) =>
      sessionOf.set(e.targetInfo.targetId, e.sessionId),
    );
    this.on<{ targetId: string; status: string; errorCode: number }>('Target.targetCrashed', (e) => {
      const sessionId = sessionOf.get(e.targetId);
      for (const [id, call] of this.pending)
        if (sessionId !== undefined && call.sessionId === sessionId) {
          this.pending.delete(id);
          call.reject(new Error(`the tab crashed (${e.status}, ${e.errorCode}) during ${call.method}`));
        }
    });
    output.on('close', () => {
      for (const call of this.pending.values())
        call.reject(new Error(`Chromium closed during ${call.method}`));
      this.pending.clear();
    });
  }

  private receive(message: Message) {
    if (message.id !== undefined) {
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) call?.reject(new Error(`${call.method}: ${JSON.stringify(message.error)}`));
      else call?.resolve(message.result);
    } else if (message.method) {
      for (const listener of this.listeners.get(message.method) ?? [])
        listener(message.params as never, message.sessionId);
    }
  }

  send<T = unknown>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method, sessionId });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) })}\0`);
    });
  }

  on<P>(method: string, listener: (params: P, sessionId: string | undefined) => void): () => void {
    const set = this.listeners.get(method) ?? new Set();
    this.listeners.set(method, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  /** The next `method` event matching `accept`, or a rejection after `timeoutMs`. */
  waitFor<P>(
    method: string,
    accept: (params: P, sessionId?: string) => boolean,
    timeoutMs: number,
  ): Promise<P> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.on<P>(method, (params, sessionId) => {
        if (!accept(params, sessionId)) return;
        clearTimeout(timer);
        off();
        resolve(params);
      });
    });
  }
}

/** One tab, attached for the protocol. */
export type Tab = {
  targetId: string;
  /** This tab's session on the browser's pipe (its events carry it). */
  sessionId: string;
  send<T = unknown>(method: string, params?: object): Promise<T>;
  /** Navigates and resolves once the document's load event fired. */
  goto(url: string, timeoutMs?: number): Promise<void>;
  /** Runs `fn(arg)` in the page's main world and returns its (awaited, JSON) result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
};

export type Chromium = {
  cdp: Cdp;
  /** Opens a tab on about:blank; `initScript` runs first in every document it loads (all frames of its
   *  own process: the page's, not an extension frame's). */
  newTab(initScript?: string): Promise<Tab>;
  close(): Promise<void>;
};

export async function launchChromium({
  extensionPath,
  args = [],
}: {
  extensionPath?: string;
  args?: string[];
}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'track-record-bench-profile-'));
  const child: ChildProcess = spawn(
    findChromium(),
    [
      ...SWITCHES,
      ...(extensionPath
        ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`]
        : []),
      ...args,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const cdp = new Cdp(child.stdio[3] as Writable, child.stdio[4] as Readable);
  await cdp.send('Target.setDiscoverTargets', { discover: true });

  async function newTab(initScript?: string): Promise<Tab> {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const send = <T>(method: string, params: object = {}) => cdp.send<T>(method, params, sessionId);
    await send('Page.enable');
    if (initScript) await send('Page.addScriptToEvaluateOnNewDocument', { source: initScript });
    return {
      targetId,
      sessionId,
      send,
      async goto(url, timeoutMs = 30_000) {
        const loaded = cdp.waitFor('Page.loadEventFired', (_, s) => s === sessionId, timeoutMs);
        const { errorText } = await send<{ errorText?: string }>('Page.navigate', { url });
        if (errorText) throw new Error(`${url}: ${errorText}`);
        await loaded;
      },
      async evaluate(fn, arg) {
        const { result, exceptionDetails } = await send<{
          result: { value: unknown };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        }>('Runtime.evaluate', {
          expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
          awaitPromise: true,
          returnByValue: true,
        });
        if (exceptionDetails)
          throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return result.value as never;
      },
      async close() {
        await cdp.send('Target.closeTarget', { targetId });
      },
    };
  }

  return {
    cdp,
    newTab,
    async close() {
      const exited = new Promise((done) => child.once('exit', done));
      await cdp.send('Browser.close').catch(() => child.kill());
      await exited;
      rmSync(userDataDir, { recursive: true, force: true });
    },
  } satisfies Chromium;
}
