import { describe, expect, it } from 'vitest';
import { ANSWER_LOST_TEXT, EXTENSION_GONE_TEXT, requestOfOverlay } from './requests';

// The overlay's requests when the service worker stops mid-request: sent again (each is idempotent),
// then said in words; refusals and a vanished extension are never retried.

const KEY = 'upwork:~01aaaaaaaaaaaaaaaa';
const UNDO = { type: 'overlay-undo' as const, key: KEY, eventId: '01JAAAAAAAAAAAAAAAAAAAAAAA' };
const noWait = { wait: async () => {} };

function sender(...outcomes: (unknown | Error)[]) {
  const sent: unknown[] = [];
  const send = async (message: unknown) => {
    sent.push(message);
    const next = outcomes.shift();
    if (next instanceof Error) throw next;
    return next;
  };
  return { send, sent };
}

describe("the overlay's requests to the background", () => {
  it('are sent again, the same, when the answer was lost because the worker stopped', async () => {
    const { send, sent } = sender(
      new Error(
        'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      ),
      new Error('Could not establish connection. Receiving end does not exist.'),
      {},
    );
    await expect(requestOfOverlay(send, UNDO, noWait)).resolves.toEqual({});
    expect(sent).toEqual([UNDO, UNDO, UNDO]);
  });

  it('are sent again when no answer came at all (Chrome, the worker stopped as it answered)', async () => {
    const { send, sent } = sender(undefined, {});
    await expect(requestOfOverlay(send, UNDO, noWait)).resolves.toEqual({});
    expect(sent).toEqual([UNDO, UNDO]);
  });

  it('say in words that it may not be saved once every retry was lost', async () => {
    const lost = () => new Error('The message port closed before a response was received.');
    const { send, sent } = sender(lost(), lost(), lost());
    await expect(requestOfOverlay(send, UNDO, noWait)).rejects.toThrow(ANSWER_LOST_TEXT);
    expect(sent).toHaveLength(3);
  });

  it('wait between tries, longer each time', async () => {
    const waited: number[] = [];
    const lost = new Error('Could not establish connection. Receiving end does not exist.');
    const { send } = sender(lost, lost, {});
    await requestOfOverlay(send, UNDO, { wait: async (ms) => void waited.push(ms) });
    expect(waited).toEqual([250, 1000]);
  });

  it('are not retried when refused, or when the extension is gone', async () => {
    const refused = sender({ error: 'nobody is tracked on this page' });
    await expect(requestOfOverlay(refused.send, UNDO, noWait)).rejects.toThrow(
      'nobody is tracked on this page',
    );
    expect(refused.sent).toHaveLength(1);
    const gone = sender(new Error('Extension context invalidated.'));
    await expect(requestOfOverlay(gone.send, UNDO, noWait)).rejects.toThrow(EXTENSION_GONE_TEXT);
    expect(gone.sent).toHaveLength(1);
    const odd = sender('not an answer');
    await expect(requestOfOverlay(odd.send, UNDO, noWait)).rejects.toThrow(
      'an answer the protocol does not allow',
    );
    expect(odd.sent).toHaveLength(1);
  });

  it('are sent once when asked not to retry (opening the side panel needs the click itself)', async () => {
    const { send, sent } = sender(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(requestOfOverlay(send, UNDO, { delays: [] })).rejects.toThrow(ANSWER_LOST_TEXT);
    expect(sent).toHaveLength(1);
  });
});
