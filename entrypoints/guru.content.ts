import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { guru } from '../sites/guru';
import { siteRegistry } from '../sites/registry';

// Guru's content script, as entrypoints/upwork.content.ts is Upwork's.
export default defineContentScript({
  matches: [...guru.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([guru]), attachedPages: false }),
});
