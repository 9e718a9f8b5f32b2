import { useState } from 'preact/hooks';
import { AccessList } from '../../components/AccessList';
import { ContractorAbout } from '../../components/ContractorAbout';
import { ContractorHeader } from '../../components/ContractorHeader';
import { EngagementList } from '../../components/EngagementList';
import { ErrorText } from '../../components/ErrorText';
import { EventList } from '../../components/EventList';
import { headlinesFrom } from '../../components/event-labels';
import { ProfileList } from '../../components/ProfileList';
import { WhyList } from '../../components/WhyList';
import type { HistoryEvent } from '../../model/records';
import { messageOf } from '../../scoring/format';
import {
  type ContractorView,
  mergeContractors,
  unlinkProfile,
  updateContractor,
} from '../../storage/contractors';
import { getDb } from '../../storage/db';
import {
  acceptMilestone,
  addMilestone,
  createEngagement,
  payMilestone,
  renegotiateMilestone,
  setEngagementStatus,
} from '../../storage/engagements';
import { deleteEvent, grantAccess, recordDelivery, restoreEvent, revokeAccess } from '../../storage/history';
import { loadNames } from '../../storage/roster';
import { CancelSection } from './cancel-section';
import { Capture } from './capture';
import { ContractorTrends } from './contractor-trends';
import { useLive } from './live';
import { askForRemindersOnce, RemindersOff } from './reminders-permission';

/** A contractor's whole history and every action on it: the side panel and the roster's detail view. */
export function ContractorDetail({ view }: { view: ContractorView }) {
  const { contractor, events, assessment, accesses, engagements, milestones, profiles } = view;
  const roster = useLive(() => loadNames(getDb()), []);
  const others = roster.status === 'ready' ? roster.value.filter((c) => c.id !== contractor.id) : [];
  const db = getDb();
  const id = contractor.id;
  const [deleted, setDeleted] = useState<HistoryEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attempt = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((e: unknown) => setError(messageOf(e)));
  };
  const done = async (work: Promise<unknown>) => void (await work);

  return (
    <div class="stack">
      <ContractorHeader contractor={contractor} assessment={assessment} />
      <section class="stack block" id="record">
        <h3>Record</h3>
        <Capture view={view} />
      </section>
      <section class="stack block" id="history">
        <h3>History</h3>
        <ErrorText message={error} />
        {deleted && (
          <p class="card row toast" role="status">
            Entry deleted.
            <button
              type="button"
              onClick={() =>
                attempt(async () => {
                  await restoreEvent(db, deleted);
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
      <section class="stack block" id="why">
        <h3>Why</h3>
        <WhyList assessment={assessment} />
      </section>
      <section class="stack block" id="about">
        <h3>About</h3>
        <ContractorAbout
          key={contractor.id}
          contractor={contractor}
          onSave={(patch) => updateContractor(db, id, patch)}
        />
      </section>
      <ContractorTrends view={view} />
      <section class="stack block" id="engagements">
        <h3>Engagements</h3>
        {milestones.length > 0 && <RemindersOff />}
        <EngagementList
          engagements={engagements}
          milestones={milestones}
          onCreate={(input) => done(createEngagement(db, { contractorId: id, ...input }))}
          onSetStatus={(engagementId, status, reason) =>
            setEngagementStatus(db, engagementId, status, { reason })
          }
          onAddMilestone={(input) => {
            askForRemindersOnce(); // the first due date set: reminders are asked for, within this click
            return done(addMilestone(db, input));
          }}
          onDeliver={(milestoneId) => done(recordDelivery(db, { contractorId: id, milestoneId }))}
          onAccept={(milestoneId) => acceptMilestone(db, milestoneId)}
          onPay={(milestoneId) => payMilestone(db, milestoneId)}
          onRenegotiate={(milestoneId, dueAt, reason) =>
            renegotiateMilestone(db, milestoneId, { dueAt, reason })
          }
        />
      </section>
      <section class="stack block" id="accesses">
        <h3>Accesses</h3>
        <AccessList
          accesses={accesses}
          onGrant={(what, level) => done(grantAccess(db, { contractorId: id, what, level }))}
          onRevoke={(accessId) => revokeAccess(db, accessId)}
        />
      </section>
      <section class="stack block" id="profiles">
        <h3>Profiles</h3>
        <ProfileList
          name={contractor.name}
          profiles={profiles}
          others={others}
          onUnlink={(key) => done(unlinkProfile(db, key))}
          onMerge={(fromId) => mergeContractors(db, id, fromId)}
        />
      </section>
      <section class="stack block" id="ending">
        <h3>Ending the work</h3>
        <CancelSection view={view} />
      </section>
    </div>
  );
}
