/**
 * The one protocol between the extension's contexts. Every message and every answer is parsed with
 * zod by whoever receives it; senders and listeners get the browser's send function passed in, so
 * this file stays free of `browser` and testable as plain functions.
 */
import { BadgeInfo } from '../model/badge';
import { OverlayView } from '../model/overlay-view';
import { SeenProfile } from '../model/page';
import { ProfileKey } from '../model/platform';
import { z } from '../model/zod-mini';
import { BADGE_BATCH } from './content';
import { ask, type Check, listen } from './listen';

// Content script → background. A content script may only report what a page shows, ask for what its
// card badges display, and ask whether the page it is on was attached to a contractor by hand; it can
// never write notes, delete, import or export.
export const ToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page-seen'), profile: SeenProfile }),
  z.object({ type: z.literal('badges'), keys: z.array(ProfileKey).check(z.maxLength(BADGE_BATCH)) }),
  /** Is this page (`web:<its address>`) tracked? Answered only for the sender's own address. */
  z.object({ type: z.literal('page-tracked'), key: ProfileKey }),
]);
export type ToBackground = z.infer<typeof ToBackground>;

/** A frame's content height, in CSS pixels. */
const Height = z.number().check(z.minimum(0), z.maximum(4000));

// Extension pages (popup, side panel) and the background → the content script of one tab. The content
// script checks these, and the answers to what it asks, with the hand-written guards of
// messages/content.ts; messages/content.test.ts holds those guards to these schemas.
export const ToContent = z.discriminatedUnion('type', [
  /** Which freelancer is this tab showing? */
  z.object({ type: z.literal('get-page') }),
  /** Verdicts may have changed: the card badges should ask again. */
  z.object({ type: z.literal('badges-changed') }),
  /** The overlay frame (through the background) has drawn the contractor, or why it cannot, at this height. */
  z.object({
    type: z.literal('overlay-ready'),
    key: ProfileKey,
    height: Height,
    state: z.enum(['ready', 'failed']),
  }),
]);
export type ToContent = z.infer<typeof ToContent>;

// Extension pages (popup, side panel, roster) → background: records changed here, so the card badges of
// open listings should ask again (the background tells every tab's content script).
export const FromPage = z.discriminatedUnion('type', [z.object({ type: z.literal('records-changed') })]);
export type FromPage = z.infer<typeof FromPage>;

// The overlay frame is embedded in a web page, where it may have neither the `tabs` API (Firefox) nor
// IndexedDB (Chromium with storage partitioning off and third-party cookies blocked). It talks only to
// the background: a port named OVERLAY_PORT for what it shows, kept live, and one request per click.

/** The name of the port an overlay frame opens to the background. */
export const OVERLAY_PORT = 'overlay';

// Overlay frame → background, over its port: the profile it shows (first), then its height once drawn,
// which the background passes on to the tab's content script.
export const FromOverlayFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), key: ProfileKey }),
  z.object({ type: z.literal('drawn'), height: Height }),
]);
export type FromOverlayFrame = z.infer<typeof FromOverlayFrame>;

// Background → overlay frame, over the port: the card again whenever the records behind it change
// (null: nobody tracked there), with the name the page shows; or why it cannot be shown. (`@__PURE__`
// lets the bundler drop these from the content script, which imports this file but not them.)
export const ToOverlayFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('view'),
    name: /* @__PURE__ */ z.string().check(z.maxLength(300)),
    view: z.nullable(OverlayView),
  }),
  z.object({ type: z.literal('failed'), error: /* @__PURE__ */ z.string().check(z.maxLength(1000)) }),
]);
export type ToOverlayFrame = z.infer<typeof ToOverlayFrame>;

// Overlay frame → background, one request per click (runtime.sendMessage: Chrome passes the click's
// user gesture on with it, which opening the side panel needs). The background learns the tab from
// the sender and checks the key against what that tab's content script says the page shows.
export const OverlayRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('overlay-track'), key: ProfileKey }),
  z.object({ type: z.literal('overlay-open-history'), key: ProfileKey }),
]);
export type OverlayRequest = z.infer<typeof OverlayRequest>;

// The answers, one map per receiver, so that a context bundles only the schemas of what it asks.
export const backgroundAnswers = {
  'page-seen': z.object({ recorded: z.boolean() }),
  /** Tracked keys only: a key the answer leaves out is nobody tracked. */
  badges: z.object({ badges: z.record(z.string(), BadgeInfo) }),
  'page-tracked': z.object({ tracked: z.boolean() }),
};

/** Where the history opened: Chrome's side panel, Firefox's sidebar, or the roster page in a new tab. */
export const HistoryOpenedIn = z.enum(['side-panel', 'sidebar', 'tab']);
const overlayAnswers = {
  'overlay-track': z.object({ error: z.optional(z.string()) }),
  'overlay-open-history': z.object({ opened: z.optional(HistoryOpenedIn), error: z.optional(z.string()) }),
};
const pageAnswers = {
  'records-changed': z.object({}),
};
const contentAnswers = {
  'get-page': z.object({ profile: z.nullable(SeenProfile), url: z.string() }),
  'badges-changed': z.object({ asked: z.boolean() }),
  'overlay-ready': z.object({ placed: z.boolean() }),
};

type Message = ToBackground | ToContent | OverlayRequest | FromPage;
type Answers = typeof backgroundAnswers & typeof contentAnswers & typeof overlayAnswers & typeof pageAnswers;
export type AnswerTo<M extends Message> = z.infer<Answers[M['type']]>;

/** The check a zod schema makes: the parsed message, or undefined. */
const parsedBy =
  <M>(schema: z.ZodMiniType<M>): Check<M> =>
  (raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };

/** Asks the background through `send` (`browser.runtime.sendMessage`) and validates the answer. */
export function askBackground<M extends ToBackground>(
  send: (message: M) => Promise<unknown>,
  message: M,
): Promise<AnswerTo<M>> {
  return ask(send, message, parsedBy(backgroundAnswers[message.type] as z.ZodMiniType) as Check<AnswerTo<M>>);
}

/** Asks the background for the overlay frame (`browser.runtime.sendMessage`) and validates the answer. */
export function askForOverlay<M extends OverlayRequest>(
  send: (message: M) => Promise<unknown>,
  message: M,
): Promise<AnswerTo<M>> {
  return ask(send, message, parsedBy(overlayAnswers[message.type] as z.ZodMiniType) as Check<AnswerTo<M>>);
}

/** Asks a tab's content script through `send` (`browser.tabs.sendMessage`) and validates the answer. */
export function askContent<M extends ToContent>(
  send: (message: M) => Promise<unknown>,
  message: M,
): Promise<AnswerTo<M>> {
  return ask(send, message, parsedBy(contentAnswers[message.type] as z.ZodMiniType) as Check<AnswerTo<M>>);
}

type Handlers<M extends Message, S> = {
  [T in M['type']]: (
    message: Extract<M, { type: T }>,
    sender: S,
  ) => Promise<AnswerTo<Extract<M, { type: T }>>>;
};

/**
 * A `runtime.onMessage` listener for messages checked by a zod schema (see `listen`): each handler
 * answers as the protocol says.
 */
export function listener<M extends Message, S, A extends S>(
  schema: z.ZodMiniType<M>,
  accept: (sender: S, message: M) => sender is A,
  handlers: Handlers<M, A>,
  onError?: (error: unknown) => void,
): (raw: unknown, sender: S, sendResponse: (answer: unknown) => void) => boolean;
export function listener<M extends Message, S>(
  schema: z.ZodMiniType<M>,
  accept: (sender: S, message: M) => boolean,
  handlers: Handlers<M, S>,
  onError?: (error: unknown) => void,
): (raw: unknown, sender: S, sendResponse: (answer: unknown) => void) => boolean;
export function listener<M extends Message, S>(
  schema: z.ZodMiniType<M>,
  accept: (sender: S, message: M) => boolean,
  handlers: Handlers<M, S>,
  onError?: (error: unknown) => void,
) {
  return listen(parsedBy(schema), accept, handlers, onError);
}
