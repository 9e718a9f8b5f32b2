import { DueList } from '../../components/DueList';
import { Loaded } from '../../components/Loaded';
import { isDueBy } from '../../scoring/deadlines';
import { getDb } from '../../storage/db';
import { answerReminder, loadDeadlines } from '../../storage/deadlines';
import { recordExcuse } from '../../storage/history';
import { useLive } from './live';

/**
 * The milestones due today or overdue, across the roster, with the answers a reminder offers: the
 * deadlines page (where a reminder leads) and the popup on a page that is not a profile.
 */
export function Deadlines({ focus, all = false }: { focus?: string; all?: boolean }) {
  const db = getDb();
  const live = useLive(() => loadDeadlines(db), []);
  return (
    <Loaded live={live}>
      {(deadlines) => {
        const shown = all ? deadlines : deadlines.filter((d) => isDueBy(d.dueAt, Date.now()));
        return (
          <DueList
            items={shown.map((d) => ({
              id: d.milestone.id,
              title: d.milestone.title || 'Milestone',
              engagement: d.engagement.title,
              contractor: d.contractor.name,
              dueAt: d.dueAt,
            }))}
            focus={focus}
            onAnswer={(id, answer) => answerReminder(db, id, answer)}
            onExcuse={async (id, text, category) => {
              const d = deadlines.find((x) => x.milestone.id === id);
              if (d)
                await recordExcuse(db, { contractorId: d.contractor.id, milestoneId: id, text, category });
            }}
          />
        );
      }}
    </Loaded>
  );
}
