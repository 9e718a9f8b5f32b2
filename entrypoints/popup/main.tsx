import '../../components/theme.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AttachPage } from '../../components/AttachPage';
import { ContractorHeader } from '../../components/ContractorHeader';
import { EventList } from '../../components/EventList';
import { headlinesFrom } from '../../components/event-labels';
import { SiteAccess, type SiteAccessState } from '../../components/SiteAccess';
import type { SeenProfile } from '../../model/page';
import { webProfile } from '../../sites/web';
import { type ContractorView, loadViewByKey } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { loadRoster } from '../../storage/roster';
import { CancelSection } from '../shared/cancel-section';
import { Capture } from '../shared/capture';
import { Deadlines } from '../shared/deadlines';
import { useLive } from '../shared/live';
import { announceRecordChanges } from '../shared/record-changes';
import { openHistoryPanel } from '../shared/side-panel';
import { addressOfTab, describedTabId, profileOnTab } from '../shared/tab';
import { Tracked } from '../shared/tracked';
import { askSiteAccess, attachPage, siteAccessOf } from './attach';

// The tab this popup describes. A recognised profile comes from the tab's content script; any other
// http(s) page is offered "Track this page", keyed by its address, which the popup reads itself
// (`activeTab`: granted for the tab the user opened the popup on).
const tabId = await describedTabId(new URL(location.href));
const seen = tabId === undefined ? null : await profileOnTab(tabId);
const address = seen || tabId === undefined ? null : await addressOfTab(tabId);
const page = address ? webProfile(address.url, address.title) : null;

function openSidePanel() {
  if (tabId === undefined) return;
  void openHistoryPanel(tabId).then(() => window.close());
}

function ContractorSummary({ view }: { view: ContractorView }) {
  const { contractor, events, assessment } = view;
  return (
    <div class="stack">
      <ContractorHeader contractor={contractor} assessment={assessment} />
      <Capture view={view} />
      <EventList events={events} limit={3} headlines={headlinesFrom(assessment)} />
      <CancelSection view={view} />
    </div>
  );
}

function ProfilePopup({ profile }: { profile: SeenProfile }) {
  return <Tracked profile={profile}>{(view) => <ContractorSummary view={view} />}</Tracked>;
}

/** A page no adapter reads: attach it to someone, or show who it is attached to. */
function PagePopup({ page }: { page: SeenProfile }) {
  const view = useLive(() => loadViewByKey(getDb(), page.key), [page.key]);
  const roster = useLive(() => loadRoster(getDb()), []);
  const [access, setAccess] = useState<SiteAccessState>('unknown');
  useEffect(() => {
    void siteAccessOf(browser.permissions, page.url).then(setAccess, () => setAccess('unknown'));
  }, [page.url]);

  // Called from a click: the browser asks the user only during a user gesture.
  const ask = async () => {
    setAccess('asking');
    try {
      setAccess(await askSiteAccess(browser.permissions, page.url));
    } catch {
      setAccess('not-granted');
    }
  };

  if (view.status === 'loading') return <p class="muted">Loading…</p>;
  if (view.status === 'failed') return <p class="error">Could not read your records: {view.error}</p>;
  const host = new URL(page.url).hostname;
  if (!view.value) {
    const contractors = roster.status === 'ready' ? roster.value : [];
    return (
      <AttachPage
        address={page.url}
        defaultName={page.name}
        contractors={contractors
          .map(({ id, name }) => ({ id, name }))
          .sort((a, b) => a.name.localeCompare(b.name))}
        onAttach={async (choice) => {
          await attachPage(getDb(), page, choice);
          // Tracked whatever the answer; then the one site is asked for, still within the click.
          if (access !== 'granted') await ask();
        }}
      />
    );
  }
  return (
    <div class="stack">
      <ContractorSummary view={view.value} />
      <SiteAccess host={host} state={access} onAllow={() => void ask()} />
    </div>
  );
}

function Popup() {
  return (
    <div class="stack popup">
      {seen ? (
        <ProfilePopup profile={seen} />
      ) : page ? (
        <PagePopup page={page} />
      ) : (
        <>
          <p class="muted">
            {tabId !== undefined && !address
              ? 'Track Record cannot read this tab: open the popup from the toolbar on the page.'
              : 'This tab is not a page Track Record can track.'}
          </p>
          <h2>Due now</h2>
          <Deadlines />
        </>
      )}
      <div class="row">
        {seen && (
          <button type="button" onClick={openSidePanel}>
            Open side panel
          </button>
        )}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Roster
        </button>
        <a href={browser.runtime.getURL('/deadlines.html')} target="_blank" rel="noreferrer">
          Deadlines
        </a>
      </div>
      <Shortcut />
    </div>
  );
}

/** The key that opens this popup, as the browser has it (the user may have changed or cleared it). */
function Shortcut() {
  const [key, setKey] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then(
      (commands) => setKey(commands.find((c) => c.name === '_execute_action')?.shortcut || ''),
      () => setKey(''),
    );
  }, []);
  if (key === null) return null;
  return (
    <p class="muted shortcut">
      {key ? (
        <>
          Open this popup with <kbd>{key}</kbd>.
        </>
      ) : (
        'No keyboard shortcut opens this popup: set one in the browser’s extension shortcuts.'
      )}
    </p>
  );
}

announceRecordChanges();
render(<Popup />, document.getElementById('app') as HTMLElement);
