import type { BrowserContext, Worker } from 'playwright-core';

export type LaunchOptions = {
  headless?: boolean;
  /** Address (without #fragment) → HTML served there through context.route. */
  pages?: Map<string, string>;
  /** More Chromium switches. */
  args?: string[];
  /** false: no context.route at all (the caller serves pages itself). Default true. */
  route?: boolean;
};

export type LaunchedBrowser = {
  context: BrowserContext;
  serve(address: string, html: string): void;
  close(): Promise<void>;
};

export type ExtensionBrowser = LaunchedBrowser & {
  worker: Worker;
  extensionId: string;
  extensionUrl(path: string): string;
};

export function launchWithExtension(
  options: LaunchOptions & { extensionPath: string },
): Promise<ExtensionBrowser>;

/** With the unpacked extension at `extensionPath` if given (no service worker awaited), or none at all. */
export function launchBrowser(options: LaunchOptions & { extensionPath?: string }): Promise<LaunchedBrowser>;
