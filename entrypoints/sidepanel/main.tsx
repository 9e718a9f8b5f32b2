import '../../components/theme.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccessList } from '../../components/AccessList';
import { CancelPanel } from '../../components/CancelPanel';
import { ContractorHeader } from '../../components/ContractorHeader';
import { EventList } from '../../components/EventList';
import { headlinesFrom } from '../../components/event-labels';
import { RecordForm } from '../../components/RecordForm';
import { TrackPrompt } from '../../components/TrackPrompt';
import { WhyList } from '../../components/WhyList';
import type { SeenProfile } from '../../model/page';
import type { HistoryEvent } from '../../model/records';
import { loadViewByKey, trackProfile } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { cancelAndMoveOn, deleteEvent, grantAccess, reinstate, revokeAccess } from '../../storage/history';
import { useLive } from '../shared/live';
import { describedTabId, profileOnTab } from '../shared/tab';
import { record, restore } from './record';

const pinnedTab = new URL(location.href).searchParams.has('tab');

/** The profile in the tab the panel describes; it follows the active tab unless pinned by `?tab=`. */
function useShownProfile(): SeenProfile | null | undefined {
  const [profile, setProfile] = useState<SeenProfile | null | undefined>(undefined);
  useEffect(() => {
    const refresh = async () => {
      const tabId = await describedTabId(new URL(location.href));
      setProfile(tabId === undefined ? null : await profileOnTab(tabId));
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

function History({ profile }: { profile: SeenProfile }) {
  const view = useLive(() => loadViewByKey(getDb(), profile.key), [profile.key]);
  const [deleted, setDeleted] = useState<HistoryEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attempt = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  if (view.status === 'loading') return <p class="muted">Loading…</p>;
  if (view.status === 'failed') return <p class="error">Could not read your records: {view.error}</p>;
  if (!view.value) {
    return (
      <TrackPrompt name={profile.name} onTrack={async () => void (await trackProfile(getDb(), profile))} />
    );
  }
  const { contractor, events, assessment, accesses } = view.value;
  const db = getDb();
  return (
    <div class="stack">
      {db.newerSchema && (
        <p class="error" role="alert">
          {db.newerSchema.message}
        </p>
      )}
      <ContractorHeader contractor={contractor} assessment={assessment} />
      <section class="stack block">
        <h3>Why</h3>
        <WhyList assessment={assessment} />
      </section>
      <section class="stack block">
        <h3>Record</h3>
        <RecordForm onRecord={(input) => record(db, contractor.id, input)} />
      </section>
      <section class="stack block">
        <h3>History</h3>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {deleted && (
          <p class="card row toast" role="status">
            Entry deleted.
            <button
              type="button"
              onClick={() =>
                attempt(async () => {
                  await restore(db, deleted);
                  setDeleted(null);
                })
              }
            >
              Undo
            </button>
          </p>
        )}
        <EventList
          events={events}
          headlines={headlinesFrom(assessment)}
          onDelete={(event) =>
            attempt(async () => {
              await deleteEvent(db, event.id);
              setDeleted(event);
            })
          }
        />
      </section>
      <section class="stack block">
        <h3>Accesses</h3>
        <AccessList
          accesses={accesses}
          onGrant={async (what, level) =>
            void (await grantAccess(db, { contractorId: contractor.id, what, level }))
          }
          onRevoke={(accessId) => revokeAccess(db, accessId)}
        />
      </section>
      <section class="stack block">
        <h3>Ending the work</h3>
        <CancelPanel
          contractor={contractor}
          onCancel={(reason) => cancelAndMoveOn(db, contractor.id, { reason: reason || undefined })}
          onReinstate={() => reinstate(db, contractor.id)}
        />
      </section>
    </div>
  );
}

function SidePanel() {
  const profile = useShownProfile();
  if (profile === undefined) return <p class="muted">Loading…</p>;
  if (profile === null) {
    return <p class="muted">Open a freelancer's profile to see your history with them.</p>;
  }
  return <History profile={profile} />;
}

render(
  <div class="stack sidepanel">
    <SidePanel />
  </div>,
  document.getElementById('app') as HTMLElement,
);
