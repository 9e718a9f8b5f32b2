import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { github } from '../sites/github';
import { siteRegistry } from '../sites/registry';

// GitHub's content script, as entrypoints/upwork.content.ts is Upwork's.
export default defineContentScript({
  matches: [...github.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([github]), attachedPages: false }),
});
