import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { linkedin } from '../sites/linkedin';
import { siteRegistry } from '../sites/registry';

// LinkedIn's content script, as entrypoints/upwork.content.ts is Upwork's.
export default defineContentScript({
  matches: [...linkedin.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([linkedin]), attachedPages: false }),
});
