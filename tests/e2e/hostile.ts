// Helpers for the end-to-end tests of hostile input (hostile-input.e2e.ts, unicode.e2e.ts): the whole
// database as text, a backup put in through the roster's own Import button, and a way to run code in a
// content script's world.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';

/**
 * Every table of the extension's database, every row, as JSON text (stores in name order, rows in key
 * order), read by the service worker, or by an extension page or worker given instead. For comparing the
 * database before and after.
 */
export function dumpDatabase(from: ExtensionBrowser | Page | Worker): Promise<string> {
  // A worker's `evaluate` takes what a page's does.
  const where = ('worker' in from ? from.worker : from) as Page;
  return where.evaluate(
    () =>
      new Promise<string>((done, fail) => {
        const open = indexedDB.open('track-record');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].sort();
          const tx = db.transaction(names);
          const tables: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              tables[name] = all.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            done(JSON.stringify({ version: db.version, tables }));
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

/** The rows of each table of a dump. */
export function tablesOf(dump: string): Record<string, Record<string, unknown>[]> {
  return (JSON.parse(dump) as { tables: Record<string, Record<string, unknown>[]> }).tables;
}

/** How many rows each table of a dump holds. */
export function rowCounts(dump: string): Record<string, number> {
  return Object.fromEntries(Object.entries(tablesOf(dump)).map(([name, rows]) => [name, rows.length]));
}

/**
 * Replaces the records with a backup through the roster page's _Import a backup…_ button, as a user
 * does, and waits until it is written.
 */
export async function importThroughRoster(browser: ExtensionBrowser, backup: object): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'track-record-import-')), 'backup.json');
  writeFileSync(file, JSON.stringify(backup));
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('dashboard.html#view=data'));
  await page.getByLabel('Import a backup…').setInputFiles(file);
  const replace = page.getByRole('button', { name: 'Replace my records' });
  const refused = page.getByRole('alert');
  await replace.or(refused).first().waitFor({ timeout: 30_000 });
  if (await refused.isVisible())
    throw new Error(`the roster refused the backup: ${await refused.textContent()}`);
  await replace.click();
  await page.getByText(/^Imported \d+ contractors\./).waitFor({ timeout: 30_000 });
  await page.close();
}

type ExecutionContext = {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string };
};

/**
 * Runs functions in the content script's isolated world of a page's main frame, through the DevTools
 * protocol: the world Chrome creates for the extension's content script (`auxData.type` 'isolated',
 * the extension's origin), found among the contexts `Runtime.enable` reports. Playwright's own
 * `evaluate` reaches only the page's main world and its utility world. What runs there is the content
 * script's world as the browser sees it: its `chrome.runtime` messages carry the content script's
 * sender (the tab, the page's address, frame 0).
 */
export async function contentScriptWorld(browser: ExtensionBrowser, page: Page) {
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const contexts = new Map<number, ExecutionContext>();
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) =>
    contexts.set(context.id, context),
  );
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) =>
    contexts.delete(executionContextId),
  );
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const world = [...contexts.values()].find(
    (c) =>
      c.auxData?.type === 'isolated' &&
      c.auxData.frameId === frameTree.frame.id &&
      c.origin === `chrome-extension://${browser.extensionId}`,
  );
  if (!world) throw new Error(`no content script world of the extension on ${page.url()}`);
  return {
    /** Calls `fn` (its source text) with `arg` in the content script's world; resolves to what it returns. */
    async call<T>(fn: string, arg: unknown): Promise<T> {
      const result = (await cdp.send('Runtime.callFunctionOn', {
        executionContextId: world.id,
        functionDeclaration: fn,
        arguments: [{ value: arg }],
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string } };
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
      return result.result.value;
    },
    detach: () => cdp.detach(),
  };
}

// Inside `evaluate` and `contentScriptWorld().call` the code runs in an extension context, where `chrome` is the API.
declare const chrome: typeof import('wxt/browser').browser;

export type Sent = { answer?: unknown; thrown?: string };

/**
 * Sends each message (JSON text, parsed where it runs, so that keys such as `__proto__` stay the
 * message's own) with `chrome.runtime.sendMessage` and returns each answer, or what the browser threw
 * instead of sending it. Run where it is sent from: `page.evaluate(sendAll, texts)`, or its source
 * through `contentScriptWorld().call`.
 */
export async function sendAll(texts: string[]): Promise<Sent[]> {
  const answers: Sent[] = [];
  for (const text of texts) {
    try {
      answers.push({ answer: await chrome.runtime.sendMessage(JSON.parse(text)) });
    } catch (error) {
      answers.push({ thrown: String(error) });
    }
  }
  return answers;
}
