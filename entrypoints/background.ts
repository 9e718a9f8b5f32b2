import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listener, ToBackground } from '../messages/protocol';
import { recordPageSeen, verdictsForKeys } from '../storage/contractors';
import { getDb } from '../storage/db';

type Sender = { id?: string; tab?: { id?: number }; url?: string };

/** Content-script messages come from a tab of ours, never from an extension page or another extension. */
const fromOurContentScript = (sender: Sender) =>
  sender.id === browser.runtime.id && sender.tab?.id !== undefined && !sender.url?.startsWith(origin);

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    listener(ToBackground, fromOurContentScript, {
      'page-seen': async ({ profile }) => ({ recorded: await recordPageSeen(getDb(), profile) }),
      'badge-verdicts': async ({ keys }) => ({ verdicts: await verdictsForKeys(getDb(), keys) }),
    }),
  );
});
