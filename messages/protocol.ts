/**
 * The one protocol between the extension's contexts. Every message and every answer is parsed with
 * zod by whoever receives it; senders and listeners get the browser's send function passed in, so
 * this file stays free of `browser` and testable as plain functions.
 */
import { SeenProfile } from '../model/page';
import { ProfileKey } from '../model/platform';
import { Verdict } from '../model/verdict';
import { z } from '../model/zod-mini';

// Content script → background. A content script may only report what a page shows, ask for the
// verdicts its card badges display, and ask whether the page it is on was attached to a contractor by
// hand; it can never write notes, delete, import or export.
export const ToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page-seen'), profile: SeenProfile }),
  z.object({ type: z.literal('badge-verdicts'), keys: z.array(ProfileKey).check(z.maxLength(500)) }),
  /** Is this page (`web:<its address>`) tracked? Answered only for the sender's own address. */
  z.object({ type: z.literal('page-tracked'), key: ProfileKey }),
]);
export type ToBackground = z.infer<typeof ToBackground>;

// Extension pages (popup, side panel, overlay frame) → the content script of one tab.
export const ToContent = z.discriminatedUnion('type', [
  /** Which freelancer is this tab showing? */
  z.object({ type: z.literal('get-page') }),
  /** The overlay frame has rendered the contractor's data at this height (CSS pixels). */
  z.object({
    type: z.literal('overlay-ready'),
    key: ProfileKey,
    height: z.number().check(z.minimum(0), z.maximum(4000)),
  }),
]);
export type ToContent = z.infer<typeof ToContent>;

// The answers, one map per receiver, so that a context bundles only the schemas of what it asks.
const backgroundAnswers = {
  'page-seen': z.object({ recorded: z.boolean() }),
  'badge-verdicts': z.object({ verdicts: z.record(z.string(), z.nullable(Verdict)) }),
  'page-tracked': z.object({ tracked: z.boolean() }),
};
const contentAnswers = {
  'get-page': z.object({ profile: z.nullable(SeenProfile), url: z.string() }),
  'overlay-ready': z.object({ placed: z.boolean() }),
};

type Message = ToBackground | ToContent;
type Answers = typeof backgroundAnswers & typeof contentAnswers;
export type AnswerTo<M extends Message> = z.infer<Answers[M['type']]>;

/** Asks the background through `send` (`browser.runtime.sendMessage`) and validates the answer. */
export async function askBackground<M extends ToBackground>(
  send: (message: M) => Promise<unknown>,
  message: M,
): Promise<AnswerTo<M>> {
  return backgroundAnswers[message.type].parse(await send(message)) as AnswerTo<M>;
}

/** Asks a tab's content script through `send` (`browser.tabs.sendMessage`) and validates the answer. */
export async function askContent<M extends ToContent>(
  send: (message: M) => Promise<unknown>,
  message: M,
): Promise<AnswerTo<M>> {
  return contentAnswers[message.type].parse(await send(message)) as AnswerTo<M>;
}

type Handlers<M extends Message, S> = {
  [T in M['type']]: (
    message: Extract<M, { type: T }>,
    sender: S,
  ) => Promise<AnswerTo<Extract<M, { type: T }>>>;
};

/**
 * Builds a `runtime.onMessage` listener: it drops messages that fail the schema or whose sender is
 * refused, and answers through `sendResponse`, since a returned promise does not answer in Chrome.
 */
export function listener<M extends Message, S>(
  schema: z.ZodMiniType<M>,
  accept: (sender: S, message: M) => boolean,
  handlers: Handlers<M, S>,
  onError: (error: unknown) => void = console.error,
) {
  return (raw: unknown, sender: S, sendResponse: (answer: unknown) => void): boolean => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success || !accept(sender, parsed.data)) return false;
    const message = parsed.data;
    const handle = handlers[message.type as M['type']] as (m: M, s: S) => Promise<unknown>;
    handle(message, sender).then(sendResponse, (error: unknown) => {
      onError(error);
      sendResponse(undefined);
    });
    return true;
  };
}
