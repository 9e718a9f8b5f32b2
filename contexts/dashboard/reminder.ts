// "No backup for 30 days": the time of the last backup (any export from this page) and when this page
// first ran are kept in the page's own storage (the extension's origin; no permission needed). A reminder
// put off waits a week.

const LAST_BACKUP = 'track-record:last-backup';
const FIRST_SEEN = 'track-record:first-seen';
const SNOOZED = 'track-record:backup-reminder-snoozed';
const DAY_MS = 86_400_000;
const REMIND_AFTER_DAYS = 30;

const read = (key: string) => {
  const value = Number(localStorage.getItem(key));
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

export function markBackedUp(now = Date.now()): void {
  localStorage.setItem(LAST_BACKUP, String(now));
}

export function snoozeReminder(now = Date.now()): void {
  localStorage.setItem(SNOOZED, String(now + 7 * DAY_MS));
}

/** Days since the last backup (or since records were first kept here), when a reminder is due; else null. */
export function backupDueDays(now = Date.now()): number | null {
  if (read(FIRST_SEEN) === undefined) localStorage.setItem(FIRST_SEEN, String(now));
  const since = read(LAST_BACKUP) ?? read(FIRST_SEEN) ?? now;
  const days = Math.floor((now - since) / DAY_MS);
  if (days < REMIND_AFTER_DAYS || (read(SNOOZED) ?? 0) > now) return null;
  return days;
}

export const neverBackedUp = () => read(LAST_BACKUP) === undefined;
