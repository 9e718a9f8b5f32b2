import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listener, ToBackground } from '../messages/protocol';
import { webProfile } from '../sites/web';
import { findContractorIdByKey, recordPageSeen } from '../storage/contractors';
import { getDb } from '../storage/db';
import { verdictsForKeys } from '../storage/roster';
import { syncSiteScripts } from './shared/site-access';

type Sender = { id?: string; tab?: { id?: number }; url?: string };

/** Content-script messages come from a tab of ours, never from an extension page or another extension. */
const fromOurContentScript = (sender: Sender) =>
  sender.id === browser.runtime.id && sender.tab?.id !== undefined && !sender.url?.startsWith(origin);

/** A content script reports only the page it is on: the profile's address is on the sender's site. */
function onSendersSite(address: string, sender: Sender): boolean {
  try {
    return sender.url !== undefined && new URL(address).origin === new URL(sender.url).origin;
  } catch {
    return false;
  }
}

/** Whether the page the sender is on was attached by hand; a script may ask only about its own address. */
async function pageTracked(key: string, sender: Sender): Promise<boolean> {
  if (!sender.url || webProfile(sender.url)?.key !== key) return false;
  return (await findContractorIdByKey(getDb(), key)) !== undefined;
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    listener(ToBackground, fromOurContentScript, {
      'page-seen': async ({ profile }, sender) => ({
        recorded: onSendersSite(profile.url, sender) && (await recordPageSeen(getDb(), profile)),
      }),
      'badge-verdicts': async ({ keys }) => ({ verdicts: await verdictsForKeys(getDb(), keys) }),
      'page-tracked': async ({ key }, sender) => ({ tracked: await pageTracked(key, sender) }),
    }),
  );

  // The sites the user granted get the content script: kept in step with the granted origins when the
  // worker starts (an update or a change made while it slept) and on every grant or removal.
  const sync = () => void syncSiteScripts(browser).catch(console.error);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
});
