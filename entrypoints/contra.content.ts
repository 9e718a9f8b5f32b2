import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { contra } from '../sites/contra';
import { siteRegistry } from '../sites/registry';

// Contra's content script, as entrypoints/upwork.content.ts is Upwork's.
export default defineContentScript({
  matches: [...contra.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([contra]), attachedPages: false }),
});
