import { CareNote } from '../../components/CareNote';
import { QuickCapture } from '../../components/QuickCapture';
import { openMilestones } from '../../scoring/deadlines';
import { careDue } from '../../scoring/rules';
import type { ContractorView } from '../../storage/contractors';
import { getDb } from '../../storage/db';
import { deleteEvent } from '../../storage/history';
import { record } from './record';

/**
 * Quick capture for a contractor in a page that opens the database itself (popup, side panel, roster):
 * the care rule's reward when it fires, their open milestones' outcomes, and every kind of capture.
 */
export function Capture({ view }: { view: ContractorView }) {
  const db = getDb();
  const id = view.contractor.id;
  const onRecord = (input: Parameters<typeof record>[2]) => record(db, id, input);
  const care = careDue(view.contractor.name, view.assessment, view.settings);
  const milestones = openMilestones(view.milestones, view.engagements).map(
    ({ milestone, engagement, dueAt }) => ({
      id: milestone.id,
      title: milestone.title || 'Milestone',
      engagement: engagement.title,
      dueAt,
    }),
  );
  return (
    <>
      {care && <CareNote message={care} onReward={onRecord} />}
      {view.assessment.verdict !== 'dropped' && (
        <QuickCapture
          key={id}
          onRecord={onRecord}
          onUndo={(eventId) => deleteEvent(db, eventId)}
          milestones={milestones}
        />
      )}
    </>
  );
}
