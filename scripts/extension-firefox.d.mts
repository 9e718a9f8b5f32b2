import type { Browser, Page } from 'puppeteer-core';

export const ADDON_ID: string;

export type FirefoxExtensionBrowser = {
  browser: Browser;
  /** moz-extension://<uuid>, the add-on's origin in this run. */
  origin: string;
  extensionUrl(path: string): string;
  serve(address: string, html: string): void;
  /** A new tab whose web requests are answered from the served pages or refused. */
  newPage(): Promise<Page>;
  /** One of the add-on's pages, loaded in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
};

export function launchFirefoxWithExtension(options: {
  extensionPath: string;
  headless?: boolean;
  pages?: Map<string, string>;
  dumpio?: boolean;
}): Promise<FirefoxExtensionBrowser>;
