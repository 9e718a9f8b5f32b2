import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SeenProfile } from '../../model/page';
import { webProfile } from '../../sites/web';
import { addressOfTab, describedTabId, profileOnTab } from '../browser/tab';
import { ContractorDetail } from './contractor-detail';
import { Tracked } from './tracked';

/**
 * What the tab shows: a profile its content script read, or else the page itself, keyed by its address
 * (it may have been attached by hand). The address is readable where the user opened the popup.
 */
async function shownOnTab(tabId: number): Promise<SeenProfile | null> {
  const profile = await profileOnTab(tabId);
  if (profile) return profile;
  const address = await addressOfTab(tabId);
  return address ? webProfile(address.url, address.title) : null;
}

/** The profile in the tab the panel describes; it follows the active tab unless pinned by `?tab=`. */
function useShownProfile(pinnedTab: boolean): SeenProfile | null | undefined {
  const [profile, setProfile] = useState<SeenProfile | null | undefined>(undefined);
  useEffect(() => {
    const refresh = async () => {
      const tabId = await describedTabId(new URL(location.href));
      setProfile(tabId === undefined ? null : await shownOnTab(tabId));
    };
    void refresh();
    if (pinnedTab) return;
    const onUpdated = (_: number, change: { status?: string }) => {
      if (change.status === 'complete') void refresh();
    };
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return profile;
}

/**
 * The side panel (Firefox: the sidebar): the contractor behind the page in the tab it describes, which it
 * follows as the user moves between tabs unless pinned to one by `?tab=` in its address.
 */
export function SidePanel() {
  const profile = useShownProfile(new URL(location.href).searchParams.has('tab'));
  if (profile === undefined) return <p class="muted">Loading…</p>;
  if (profile === null) {
    return <p class="muted">Open a freelancer's profile to see your history with them.</p>;
  }
  return <Tracked profile={profile}>{(view) => <ContractorDetail view={view} />}</Tracked>;
}
