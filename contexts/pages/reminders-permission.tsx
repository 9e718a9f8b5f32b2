import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

const NOTIFICATIONS = { permissions: ['notifications'] as 'notifications'[] };
/** Set once the user has been asked: they are asked once, when they first set a due date. */
const ASKED = 'track-record:reminders-asked';

/**
 * Asks for notifications (reminders of due dates) the first time the user sets a due date. Call it
 * straight from the click or the submit, before anything is awaited: browsers ask only during a user's
 * action. (The extension pages' own storage keeps that they were asked.)
 */
export function askForRemindersOnce(): void {
  if (localStorage.getItem(ASKED)) return;
  localStorage.setItem(ASKED, String(Date.now()));
  void browser.permissions.request(NOTIFICATIONS).catch(() => {});
}

/** Says when reminders are off, with the way to turn them on; nothing once they are on. */
export function RemindersOff() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void browser.permissions.contains(NOTIFICATIONS).then(setGranted, () => setGranted(null));
  }, []);
  if (granted !== false) return null;
  return (
    <p class="muted" role="note">
      Reminders are off: the toolbar button still counts what is due.{' '}
      <button
        type="button"
        class="link-button"
        onClick={() => void browser.permissions.request(NOTIFICATIONS).then(setGranted, () => {})}
      >
        Turn on reminders
      </button>
    </p>
  );
}
