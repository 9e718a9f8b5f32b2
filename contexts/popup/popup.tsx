import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AttachPage } from '../../components/AttachPage';
import { ContractorHeader } from '../../components/ContractorHeader';
import { EventList } from '../../components/EventList';
import { headlinesFrom } from '../../components/event-labels';
import { Loaded } from '../../components/Loaded';
import { SiteAccess, type SiteAccessState } from '../../components/SiteAccess';
import type { SeenProfile } from '../../model/page';
import { type ContractorView, loadViewByKey } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import type { FirstScreenRecords } from '../../storage/first-screen';
import { loadNames } from '../../storage/roster';
import { openHistoryPanel } from '../browser/side-panel';
import { CancelSection } from '../pages/cancel-section';
import { Capture } from '../pages/capture';
import { Deadlines } from '../pages/deadlines';
import { useLive } from '../pages/live';
import { Tracked } from '../pages/tracked';
import { askSiteAccess, attachPage, siteAccessOf } from './attach';
import { FirstHeader } from './first-screen';

/**
 * What the popup shows for the tab it describes: a recognised profile (`seen`, from the tab's content
 * script), or any other http(s) page (`page`, keyed by its address, which the popup may read for the tab
 * the user opened it on: `activeTab`), or neither.
 */
export type PopupTab = {
  tabId: number | undefined;
  seen: SeenProfile | null;
  page: SeenProfile | null;
  /** Whether the browser let the popup read the tab's address. */
  readable: boolean;
  /** What the first screen read of the profile's contractor, shown until the popup has read the rest. */
  first?: FirstScreenRecords | null;
};

function openSidePanel(tabId: number) {
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

function ProfilePopup({ profile, first }: { profile: SeenProfile; first?: FirstScreenRecords | null }) {
  const placeholder = first && (
    <div class="stack">
      <FirstHeader records={first} />
    </div>
  );
  return (
    <Tracked profile={profile} placeholder={placeholder}>
      {(view) => <ContractorSummary view={view} />}
    </Tracked>
  );
}

/** A page no adapter reads: attach it to someone, or show who it is attached to. */
function PagePopup({ page }: { page: SeenProfile }) {
  const live = useLive(() => loadViewByKey(getDb(), page.key), [page.key]);
  const names = useLive(() => loadNames(getDb()), []);
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

  const host = new URL(page.url).hostname;
  return (
    <Loaded live={live}>
      {(view) =>
        view ? (
          <div class="stack">
            <ContractorSummary view={view} />
            <SiteAccess host={host} state={access} onAllow={() => void ask()} />
          </div>
        ) : (
          <AttachPage
            address={page.url}
            defaultName={page.name}
            contractors={names.status === 'ready' ? names.value : []}
            onAttach={async (choice) => {
              await attachPage(getDb(), page, choice);
              // Tracked whatever the answer; then the one site is asked for, still within the click.
              if (access !== 'granted') await ask();
            }}
          />
        )
      }
    </Loaded>
  );
}

export function Popup({ tabId, seen, page, readable, first }: PopupTab) {
  return (
    <div class="stack popup">
      {seen ? (
        <ProfilePopup profile={seen} first={first} />
      ) : page ? (
        <PagePopup page={page} />
      ) : (
        <>
          <p class="muted">
            {tabId !== undefined && !readable
              ? 'Track Record cannot read this tab: open the popup from the toolbar on the page.'
              : 'This tab is not a page Track Record can track.'}
          </p>
          <h2>Due now</h2>
          <Deadlines />
        </>
      )}
      <div class="row">
        {seen && tabId !== undefined && (
          <button type="button" onClick={() => openSidePanel(tabId)}>
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
