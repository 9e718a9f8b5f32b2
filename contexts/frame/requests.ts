import { type AnswerTo, askForOverlay, type OverlayRequest } from '../../messages/protocol';

/**
 * What `runtime.sendMessage` rejects with when the answer was lost on the way: the service worker was
 * stopped (or stopped and started again) while it handled the request. Chrome sometimes resolves with no
 * answer at all instead (seen when the worker was stopped as it answered), while the background answers
 * every overlay request with an object, refusals included. Sending it again is safe: every request of the
 * overlay is idempotent (those that add a record carry its id).
 */
const ANSWER_LOST = [
  /receiving end does not exist/i,
  /could not establish connection/i,
  /(port|channel) closed/i,
];
const NO_ANSWER = 'no answer came';
/** What it rejects with once the extension that made the frame is gone (updated, reloaded, removed). */
const EXTENSION_GONE = /extension context invalidated|extension.*(reloaded|disabled|removed)/i;

export const ANSWER_LOST_TEXT =
  "Track Record's background stopped before it answered, so this may not be saved. Try again: it is never written twice.";
export const EXTENSION_GONE_TEXT =
  'Track Record was updated or restarted, so this frame is cut off from it. Reload the page to go on; what you typed here is kept.';

export type RetryOptions = { delays?: readonly number[]; wait?: (ms: number) => Promise<void> };

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const lost = (why: string) => why === NO_ANSWER || ANSWER_LOST.some((pattern) => pattern.test(why));

/**
 * One request to the background: its answer, or an error in words. When the answer is lost on the way
 * (the worker stopped mid-request), the request is sent again after each of `delays` (which wakes the
 * worker again) before saying so; a refusal (`{ error }`) is never retried.
 */
export async function requestOfOverlay<M extends OverlayRequest>(
  send: (message: M) => Promise<unknown>,
  message: M,
  { delays = [250, 1000], wait = sleep }: RetryOptions = {},
): Promise<AnswerTo<M>> {
  const answered = async (m: M) => {
    const raw = await send(m);
    if (raw === undefined) throw new Error(NO_ANSWER);
    return raw;
  };
  for (let attempt = 0; ; attempt++) {
    let answer: AnswerTo<M> & { error?: string };
    try {
      answer = (await askForOverlay(answered, message)) as AnswerTo<M> & { error?: string };
    } catch (error) {
      const why = reason(error);
      if (EXTENSION_GONE.test(why)) throw new Error(EXTENSION_GONE_TEXT);
      if (!lost(why)) throw new Error(why);
      const delay = delays[attempt];
      if (delay === undefined) throw new Error(ANSWER_LOST_TEXT);
      await wait(delay);
      continue;
    }
    if (answer.error) throw new Error(answer.error);
    return answer;
  }
}
