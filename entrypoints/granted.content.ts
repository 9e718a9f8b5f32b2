import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { siteRegistry } from '../sites/registry';

// The content script on the sites the user granted one at a time from the popup, registered at run time
// (contexts/background/site-access.ts): no marketplace's reader, only the overlay on the pages attached
// to a contractor by hand, found by their address.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([]), attachedPages: true }),
});
