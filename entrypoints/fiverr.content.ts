import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { fiverr } from '../sites/fiverr';
import { siteRegistry } from '../sites/registry';

// Fiverr's content script, as entrypoints/upwork.content.ts is Upwork's.
export default defineContentScript({
  matches: [...fiverr.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([fiverr]), attachedPages: false }),
});
