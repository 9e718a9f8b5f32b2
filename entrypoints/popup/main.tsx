import '../../components/theme.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ContractorHeader } from '../../components/ContractorHeader';
import { EventList } from '../../components/EventList';
import { NoteForm } from '../../components/NoteForm';
import { TrackPrompt } from '../../components/TrackPrompt';
import type { SeenProfile } from '../../model/page';
import { addNote, loadViewByKey, trackProfile } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { useLive } from '../shared/live';
import { describedTabId, profileOnTab } from '../shared/tab';

const tabId = await describedTabId(new URL(location.href));
const seen = tabId === undefined ? null : await profileOnTab(tabId);

function openSidePanel() {
  if (tabId === undefined) return;
  void browser.sidePanel.open({ tabId }).then(() => window.close());
}

function ProfilePopup({ profile }: { profile: SeenProfile }) {
  const view = useLive(() => loadViewByKey(getDb(), profile.key), [profile.key]);
  if (view.status === 'loading') return <p class="muted">Loading…</p>;
  if (view.status === 'failed') return <p class="error">Could not read your records: {view.error}</p>;
  if (!view.value) {
    return (
      <TrackPrompt name={profile.name} onTrack={async () => void (await trackProfile(getDb(), profile))} />
    );
  }
  const { contractor, events, assessment } = view.value;
  return (
    <div class="stack">
      <ContractorHeader contractor={contractor} assessment={assessment} />
      <NoteForm onSave={async (text) => void (await addNote(getDb(), contractor.id, text))} />
      <EventList events={events} limit={3} />
    </div>
  );
}

function Popup() {
  return (
    <div class="stack popup">
      {seen ? (
        <ProfilePopup profile={seen} />
      ) : (
        <p class="muted">This tab is not a freelancer profile that Track Record recognises.</p>
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
      </div>
    </div>
  );
}

render(<Popup />, document.getElementById('app') as HTMLElement);
