import { DAY_MS, dayOf } from '../../scoring/dates';
import {
  isDueBy,
  parseReminderId,
  type ReminderStage,
  reminderFor,
  reminderId,
} from '../../scoring/deadlines';
import { dueWords, formatDay } from '../../scoring/format';
import type { TrackRecordDb } from '../../storage/db';
import { answerReminder, type Deadline, loadDeadlines, markReminded } from '../../storage/deadlines';

/** The name of the daily alarm that brings the toolbar count and the reminders up to date. */
export const DEADLINE_ALARM = 'deadlines';

export type Notice = {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  /** Chrome only: Firefox's notifications have no buttons. */
  buttons?: { title: string }[];
  requireInteraction?: boolean;
};

/** The part of `browser.notifications` reminders use; undefined until the user allows notifications. */
export type Notifier = {
  create(id: string, notice: Notice): Promise<unknown>;
  clear(id: string): Promise<unknown>;
};

export type RemindersDeps = {
  db: TrackRecordDb;
  /** The toolbar's count of milestones due today or overdue (0: none shown). */
  showCount(count: number): Promise<void>;
  notifier(): Notifier | undefined;
  /** Whether notifications can carry buttons (Chrome); elsewhere a click opens the deadlines page. */
  buttons: boolean;
  iconUrl: string;
  /** Opens the page listing the deadlines, at one milestone. */
  openDeadlines(milestoneId: string): Promise<unknown>;
  now?: () => number;
};

/** The answers a reminder's buttons give, in order. */
const ANSWERS = ['delivered', 'not-yet'] as const;

/** "Was 'Logo v2' from Dana delivered?", and when it was due. */
function noticeOf(
  d: Deadline,
  stage: ReminderStage,
  now: number,
  deps: Pick<RemindersDeps, 'buttons' | 'iconUrl'>,
): Notice {
  const when =
    stage === 'due'
      ? `Due today (${formatDay(d.dueAt)})`
      : `${dueWords(d.dueAt, now)}: it was due ${formatDay(d.dueAt)}`;
  return {
    type: 'basic',
    iconUrl: deps.iconUrl,
    title: `Was "${d.milestone.title || d.engagement.title}" from ${d.contractor.name} delivered?`,
    message: `${when}. ${d.engagement.title}.${deps.buttons ? ' Click for an excuse or a new date.' : ' Click to say what happened.'}`,
    ...(deps.buttons
      ? {
          buttons: [
            { title: stage === 'due' ? 'Delivered on time' : 'Delivered today' },
            { title: 'Not yet' },
          ],
          requireInteraction: true,
        }
      : {}),
  };
}

/**
 * Deadlines that speak up: the toolbar counts the open milestones due today or overdue, and each one
 * gets a notification on its due day and once it has passed ("Was 'Logo v2' from Dana delivered?"),
 * shown once per due date, whose buttons record the answer. `check` runs on the daily alarm, when the
 * background starts and whenever the records change; it is idempotent, and runs one at a time.
 */
export function createReminders(deps: RemindersDeps) {
  const now = deps.now ?? Date.now;
  let running: Promise<void> = Promise.resolve();

  async function run() {
    const at = now();
    const due = (await loadDeadlines(deps.db)).filter((d) => isDueBy(d.dueAt, at));
    await deps.showCount(due.length);
    const notifier = deps.notifier();
    if (!notifier) return; // Not allowed (yet): shown once allowed, on the next check.
    for (const d of due) {
      const stage = reminderFor({ dueAt: d.dueAt, reminded: d.milestone.reminded }, at);
      if (!stage) continue;
      await notifier.create(reminderId(d.milestone.id, stage), noticeOf(d, stage, at, deps));
      await markReminded(deps.db, d.milestone.id, stage, d.dueAt, at);
    }
  }

  return {
    check(): Promise<void> {
      running = running.then(run, run);
      return running;
    },
    /** A reminder's button: 0 delivered, 1 not yet. */
    async answer(notificationId: string, buttonIndex: number): Promise<void> {
      const reminder = parseReminderId(notificationId);
      const answer = ANSWERS[buttonIndex];
      if (!reminder || !answer) return;
      await answerReminder(deps.db, reminder.milestoneId, answer, now());
      await deps.notifier()?.clear(notificationId);
    },
    /** A click on the reminder itself: the deadlines page, for an excuse or a new date. */
    async open(notificationId: string): Promise<void> {
      const reminder = parseReminderId(notificationId);
      if (!reminder) return;
      await deps.openDeadlines(reminder.milestoneId);
      await deps.notifier()?.clear(notificationId);
    },
  };
}

/** When the daily alarm next fires: just after the next UTC midnight, when due days change. */
export function nextDayStart(now: number): number {
  return (dayOf(now) + 1) * DAY_MS + 60_000;
}
