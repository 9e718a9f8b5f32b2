import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { freelancer } from '../sites/freelancer';
import { siteRegistry } from '../sites/registry';

// Freelancer.com's content script, as entrypoints/upwork.content.ts is Upwork's.
export default defineContentScript({
  matches: [...freelancer.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([freelancer]), attachedPages: false }),
});
