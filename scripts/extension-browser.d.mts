import type { BrowserContext, Worker } from 'playwright-core';

export type ExtensionBrowser = {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
  serve(address: string, html: string): void;
  close(): Promise<void>;
};

export function launchWithExtension(options: {
  extensionPath: string;
  headless?: boolean;
  pages?: Map<string, string>;
  /** More Chromium switches. */
  args?: string[];
}): Promise<ExtensionBrowser>;
