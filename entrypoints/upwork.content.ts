import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { siteRegistry } from '../sites/registry';
import { upwork } from '../sites/upwork';

// Upwork's content script: the content script (contexts/content/start.ts) with Upwork's reader
// alone. Every marketplace has one like it, so a page loads only its own site's reader;
// tests/build/manifest.test.ts holds them to the site registry (sites/index.ts).
export default defineContentScript({
  matches: [...upwork.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([upwork]), attachedPages: false }),
});
