import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { siteRegistry } from '../sites/registry';
import { toptal } from '../sites/toptal';

// Toptal's content script, as entrypoints/upwork.content.ts is Upwork's.
export default defineContentScript({
  matches: [...toptal.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([toptal]), attachedPages: false }),
});
