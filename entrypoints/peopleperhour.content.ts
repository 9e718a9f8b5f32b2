import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../contexts/content/start';
import { peopleperhour } from '../sites/peopleperhour';
import { siteRegistry } from '../sites/registry';

// PeoplePerHour's content script, as entrypoints/upwork.content.ts is Upwork's.
export default defineContentScript({
  matches: [...peopleperhour.matches],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: () => startContentScript({ sites: siteRegistry([peopleperhour]), attachedPages: false }),
});
