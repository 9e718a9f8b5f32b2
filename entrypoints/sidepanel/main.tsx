import '../../components/theme.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SeenProfile } from '../../model/page';
import { webProfile } from '../../sites/web';
import { ContractorDetail } from '../shared/contractor-detail';
import { announceRecordChanges } from '../shared/record-changes';
import { addressOfTab, describedTabId, profileOnTab } from '../shared/tab';
import { Tracked } from '../shared/tracked';

const pinnedTab = new URL(location.href).searchParams.has('tab');

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
function useShownProfile(): SeenProfile | null | undefined {
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

function SidePanel() {
  const profile = useShownProfile();
  if (profile === undefined) return <p class="muted">Loading…</p>;
  if (profile === null) {
    return <p class="muted">Open a freelancer's profile to see your history with them.</p>;
  }
  return <Tracked profile={profile}>{(view) => <ContractorDetail view={view} />}</Tracked>;
}

announceRecordChanges();
render(
  <div class="stack sidepanel">
    <SidePanel />
  </div>,
  document.getElementById('app') as HTMLElement,
);
