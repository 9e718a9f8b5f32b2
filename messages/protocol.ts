/**
 * The one protocol between the extension's contexts. Every message and every answer is parsed with
 * zod by whoever receives it; senders and listeners get the browser's send function passed in, so
 * this file stays free of `browser` and testable as plain functions.
 */
import { BadgeInfo } from '../model/badge';
import { CancelPlan } from '../model/cancel-plan';
import { Capture, CaptureDraft } from '../model/capture';
import { RECORD_ID_PATTERN } from '../model/ids';
import { OverlayView } from '../model/overlay-view';
import { SeenProfile } from '../model/page';
import { ProfileKey } from '../model/platform';
import { z } from '../model/zod-mini';
import { BADGE_BATCH } from './content';
import { ask, type Check, type Checked, REFUSAL_CODES, type Refusal, type Route, route } from './listen';

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

// Extension pages (popup, side panel) and the background → the content script of one tab. The content
// script checks these, and the answers to what it asks, with the hand-written guards of
// messages/content.ts; messages/content.test.ts holds those guards to these schemas.
export const ToContent = z.discriminatedUnion('type', [
  /** Which freelancer is this tab showing? */
  z.object({ type: z.literal('get-page') }),
  /** Verdicts may have changed: the card badges should ask again. */
  z.object({ type: z.literal('badges-changed') }),
]);
export type ToContent = z.infer<typeof ToContent>;

// The overlay frame is embedded in a web page, where it may have neither the `tabs` API (Firefox) nor
// IndexedDB (Chromium with storage partitioning off and third-party cookies blocked). It talks only to
// the background: a port named OVERLAY_PORT for what it shows, kept live, and one request per click.

/** The name of the port an overlay frame opens to the background. */
export const OVERLAY_PORT = 'overlay';

// Overlay frame → background, over its port: the profile it shows. (That it has drawn, it tells the page's
// content script directly: messages/content.ts, OVERLAY_DRAWN.)
export const FromOverlayFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), key: ProfileKey }),
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
    /** The user's last choice: the card folded down to its header line. */
    folded: z.boolean(),
    /** With the first card of a port: what was being typed for this profile and not recorded. */
    draft: z.optional(CaptureDraft),
  }),
  z.object({ type: z.literal('failed'), error: /* @__PURE__ */ z.string().check(z.maxLength(1000)) }),
]);
export type ToOverlayFrame = z.infer<typeof ToOverlayFrame>;

// Overlay frame → background, one request per click (runtime.sendMessage: Chrome passes the click's
// user gesture on with it, which opening the side panel needs). The background learns the tab from
// the sender and checks the key against what that tab's content script says the page shows.
// Every request that reads or writes a contractor's records names the key the frame serves; the
// background acts on whoever is tracked there, and only while the tab's page shows that key. An id in a
// request (an event to undo, an access to revoke) must be that contractor's. A request that adds a
// record carries the id it is to have (`requestId`), so that the frame may send it again when its answer
// was lost (the worker stopped mid-write) and it is written once.
const RecordId = /* @__PURE__ */ z.string().check(z.regex(RECORD_ID_PATTERN));
export const OverlayRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('overlay-track'), key: ProfileKey }),
  z.object({ type: z.literal('overlay-open-history'), key: ProfileKey }),
  /** A quick capture (or a milestone's one-click outcome); a freelancer not tracked yet is tracked first. */
  z.object({ type: z.literal('overlay-record'), key: ProfileKey, input: Capture, requestId: RecordId }),
  /** The undo of a capture just made. */
  z.object({ type: z.literal('overlay-undo'), key: ProfileKey, eventId: RecordId }),
  /** The overlay folded down to its header, or opened: remembered for every profile. */
  z.object({ type: z.literal('overlay-fold'), folded: z.boolean() }),
  z.object({ type: z.literal('overlay-cancel-plan'), key: ProfileKey }),
  z.object({
    type: z.literal('overlay-cancel'),
    key: ProfileKey,
    coolOff: z.union([z.int().check(z.minimum(0), z.maximum(36_500)), z.literal('never')]),
    reason: z.string().check(z.maxLength(2000)),
    requestId: RecordId,
  }),
  z.object({ type: z.literal('overlay-revoke'), key: ProfileKey, accessId: RecordId }),
  z.object({ type: z.literal('overlay-reinstate'), key: ProfileKey }),
  /** What is being typed in the capture, kept as it changes (null: recorded or dropped). */
  z.object({ type: z.literal('overlay-draft'), key: ProfileKey, draft: z.nullable(CaptureDraft) }),
]);
export type OverlayRequest = z.infer<typeof OverlayRequest>;

// Extension pages (popup, side panel, roster, welcome) → background. They write the database
// themselves, and Dexie's change broadcast does not wake a sleeping service worker: after a write they
// say so, and the background brings what follows from the records up to date (the toolbar's count of
// milestones due, the reminders, the card badges of open listings).
export const FromExtensionPage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('records-changed') }),
]);
export type FromExtensionPage = z.infer<typeof FromExtensionPage>;
const pageAnswers = { 'records-changed': z.object({}) };

// The answers, one map per receiver, so that a context bundles only the schemas of what it asks.
export const backgroundAnswers = {
  'page-seen': z.object({ recorded: z.boolean() }),
  /** Tracked keys only: a key the answer leaves out is nobody tracked. */
  badges: z.object({ badges: z.record(z.string(), BadgeInfo) }),
  'page-tracked': z.object({ tracked: z.boolean() }),
};

/** Where the history opened: Chrome's side panel, Firefox's sidebar, or the roster page in a new tab. */
const HistoryOpenedIn = z.enum(['side-panel', 'sidebar', 'tab']);
/** Done, or why not in words for the card. */
const Done = z.object({ error: z.optional(z.string()) });
const overlayAnswers = {
  'overlay-track': Done,
  'overlay-open-history': z.object({ opened: z.optional(HistoryOpenedIn), error: z.optional(z.string()) }),
  'overlay-record': z.object({
    eventId: z.optional(z.string()),
    notice: z.optional(z.string()),
    error: z.optional(z.string()),
  }),
  'overlay-undo': Done,
  'overlay-fold': Done,
  'overlay-cancel-plan': z.object({ plan: z.optional(CancelPlan), error: z.optional(z.string()) }),
  'overlay-cancel': Done,
  'overlay-revoke': Done,
  'overlay-reinstate': Done,
  'overlay-draft': Done,
};
const contentAnswers = {
  'get-page': z.object({ profile: z.nullable(SeenProfile), url: z.string() }),
  'badges-changed': z.object({ asked: z.boolean() }),
};

type Message = ToBackground | ToContent | OverlayRequest | FromExtensionPage;
type Answers = typeof backgroundAnswers & typeof contentAnswers & typeof overlayAnswers & typeof pageAnswers;
export type AnswerTo<M extends Message> = z.infer<Answers[M['type']]>;

/**
 * Any receiver's answer to a message it will not carry out, instead of the answer its type has: a typed
 * reason and words (see `dispatch` in listen.ts; `refusalIn` there is its hand-written guard, held to this
 * schema by a test). The `ask` helpers below throw it as a `MessageRefused`.
 */
export const MessageRefusal = z.object({
  refused: z.object({ code: z.enum(REFUSAL_CODES), message: z.string().check(z.maxLength(300)) }),
}) satisfies z.ZodMiniType<Refusal>;

/** The check a zod schema makes: the parsed message, or undefined. */
const parsedBy =
  <M>(schema: z.ZodMiniType<M>): Check<M> =>
  (raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };

/** The check a zod schema makes of a message: the parsed message, or where it goes wrong. */
const checkedBy =
  <M>(schema: z.ZodMiniType<M>) =>
  (raw: unknown): Checked<M> => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { message: parsed.data };
    const [issue] = parsed.error.issues;
    const path = issue?.path.map(String).join('.').slice(0, 100);
    return { problem: `${path ? `${path}: ` : ''}${issue?.message ?? 'not in the protocol’s shape'}` };
  };

/**
 * A way to ask one receiver: it sends a message through `send` and returns the answer its schema in
 * `answers` allows (an answer it does not allow is an error, a refusal a `MessageRefused`).
 */
const askerOf =
  <M extends Message>(answers: Record<M['type'], z.ZodMiniType>) =>
  <N extends M>(send: (message: N) => Promise<unknown>, message: N): Promise<AnswerTo<N>> =>
    ask(send, message, parsedBy(answers[message.type as M['type']]) as Check<AnswerTo<N>>);

/** Asks the background (`browser.runtime.sendMessage`), from a content script's point of view. */
export const askBackground = askerOf<ToBackground>(backgroundAnswers);
/** Asks the background for the overlay frame (`browser.runtime.sendMessage`). */
export const askForOverlay = askerOf<OverlayRequest>(overlayAnswers);
/** Tells the background (`browser.runtime.sendMessage`) from an extension page. */
export const tellBackground = askerOf<FromExtensionPage>(pageAnswers);
/** Asks a tab's content script (`browser.tabs.sendMessage`). */
export const askContent = askerOf<ToContent>(contentAnswers);

type Handlers<M extends Message, S> = {
  [T in M['type']]: (
    message: Extract<M, { type: T }>,
    sender: S,
  ) => Promise<AnswerTo<Extract<M, { type: T }>>>;
};

/**
 * The messages of one kind of sender for `dispatch` (listen.ts): checked by a zod schema, from senders
 * `accept` takes, each answered by its handler as the protocol says.
 */
export function routeOf<M extends Message, S, A extends S>(
  schema: z.ZodMiniType<M>,
  accept: (sender: S) => sender is A,
  handlers: Handlers<M, A>,
): Route<S>;
export function routeOf<M extends Message, S>(
  schema: z.ZodMiniType<M>,
  accept: (sender: S) => boolean,
  handlers: Handlers<M, S>,
): Route<S>;
export function routeOf<M extends Message, S>(
  schema: z.ZodMiniType<M>,
  accept: (sender: S) => boolean,
  handlers: Handlers<M, S>,
): Route<S> {
  return route(checkedBy(schema), accept, handlers);
}
