// How a context answers messages and asks for answers, whatever checks them: zod schemas
// (messages/protocol.ts) everywhere but in the content script, which uses small hand-written guards
// (messages/content.ts) to keep zod out of its bundle. Kept free of `browser` and of zod.

/** Returns the message as checked, or undefined when it is not one this receiver takes. */
export type Check<M> = (raw: unknown) => M | undefined;

type Typed = { type: string };
/** One handler per message type; what it resolves to is the answer. */
export type Handlers<M extends Typed, S> = {
  [T in M['type']]: (message: Extract<M, { type: T }>, sender: S) => Promise<unknown>;
};

/**
 * Why a receiver answered a message with a refusal instead of an answer: no handler takes its type; its
 * type is known but its shape is not the protocol's; its sender may not send it; or its handler failed.
 */
export const REFUSAL_CODES = ['unknown-type', 'invalid-message', 'sender-refused', 'failed'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
/** The answer to a message a receiver will not (or could not) carry out (`Refusal` in protocol.ts). */
export type Refusal = { refused: { code: RefusalCode; message: string } };

/**
 * Whether a text is at most `max` characters long, counted as the schemas count them: in code points (a
 * code point is one or two UTF-16 units), so the hand-written guards agree with zod.
 */
function withinLength(text: string, max: number): boolean {
  if (text.length <= max) return true;
  if (text.length > 2 * max) return false;
  let points = 0;
  for (const _ of text) if (++points > max) return false;
  return true;
}

/** The longest message a refusal says in words: it may quote what it refuses. */
const MAX_REFUSAL_TEXT = 300;

const refusal = (code: RefusalCode, message: string): Refusal => ({
  refused: { code, message: message.slice(0, MAX_REFUSAL_TEXT) },
});

/** A refusal as an answer may carry it, or undefined (a hand-written guard: the content script uses it). */
export function refusalIn(raw: unknown): Refusal | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const refused = (raw as { refused?: unknown }).refused;
  if (typeof refused !== 'object' || refused === null || Array.isArray(refused)) return undefined;
  const { code, message } = refused as { code?: unknown; message?: unknown };
  if (!REFUSAL_CODES.includes(code as RefusalCode) || typeof message !== 'string') return undefined;
  if (!withinLength(message, MAX_REFUSAL_TEXT)) return undefined;
  return { refused: { code: code as RefusalCode, message } };
}

/** The error an `ask` throws when the receiver refused the message; `code` says why. */
export class MessageRefused extends Error {
  readonly code: RefusalCode;
  constructor({ refused }: Refusal) {
    super(refused.message);
    this.name = 'MessageRefused';
    this.code = refused.code;
  }
}

/** A message's type as an own property, or undefined: never a name the prototype chain answers. */
function typeOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, 'type'))
    return undefined;
  const type = (raw as Typed).type;
  return typeof type === 'string' ? type : undefined;
}

/** A message checked against its type's shape: the message, or what is wrong with it, in words. */
export type Checked<M> = { message: M } | { problem: string };

/**
 * The messages of one kind of sender: their types (the handlers' own keys), who may send them
 * (`accept`), their shape (`check`), and what answers each.
 */
export type Route<S> = {
  takes(type: string): boolean;
  accept(sender: S): boolean;
  answer(raw: unknown, sender: S): { answer: Promise<unknown> } | { problem: string };
};

/** A route for messages checked by `check`; where `accept` is a type guard, handlers get the narrowed sender. */
export function route<M extends Typed, S, A extends S>(
  check: (raw: unknown) => Checked<M>,
  accept: (sender: S) => sender is A,
  handlers: Handlers<M, A>,
): Route<S>;
export function route<M extends Typed, S>(
  check: (raw: unknown) => Checked<M>,
  accept: (sender: S) => boolean,
  handlers: Handlers<M, S>,
): Route<S>;
export function route<M extends Typed, S>(
  check: (raw: unknown) => Checked<M>,
  accept: (sender: S) => boolean,
  handlers: Handlers<M, S>,
): Route<S> {
  return {
    takes: (type) => Object.hasOwn(handlers, type),
    accept,
    answer(raw, sender) {
      const checked = check(raw);
      if ('problem' in checked) return checked;
      const handle = handlers[checked.message.type as M['type']] as (m: M, s: S) => Promise<unknown>;
      return { answer: handle(checked.message, sender) };
    },
  };
}

/** A check made by a guard that says only yes or no. */
const checkedBy =
  <M>(guard: Check<M>, problem: string) =>
  (raw: unknown): Checked<M> => {
    const message = guard(raw);
    return message === undefined ? { problem } : { message };
  };

/**
 * The one `runtime.onMessage` listener of a context: it finds the route that takes the message's type,
 * checks its sender and then its shape, and answers exactly once — the handler's answer, or a typed
 * `Refusal` saying why not (the sender's `ask` turns it into a `MessageRefused`). It answers through
 * `sendResponse`, since a returned promise does not answer in Chrome. A context must have no other
 * listener: two would both answer.
 */
export function dispatch<S>(
  routes: readonly Route<S>[],
  onError: (error: unknown) => void = console.error,
): (raw: unknown, sender: S, sendResponse: (answer: unknown) => void) => boolean {
  return (raw, sender, sendResponse) => {
    const refuse = (code: RefusalCode, message: string) => {
      sendResponse(refusal(code, message));
      return false;
    };
    const type = typeOf(raw);
    if (type === undefined) return refuse('invalid-message', 'a message must be an object with a type');
    const taker = routes.find((r) => r.takes(type));
    if (!taker) return refuse('unknown-type', `no message of type "${type.slice(0, 80)}" is taken here`);
    if (!taker.accept(sender)) return refuse('sender-refused', `"${type}" is not taken from this sender`);
    const result = taker.answer(raw, sender);
    if ('problem' in result) return refuse('invalid-message', `"${type}": ${result.problem}`);
    result.answer.then(sendResponse, (error: unknown) => {
      onError(error);
      sendResponse(refusal('failed', error instanceof Error ? error.message : String(error)));
    });
    return true;
  };
}

/** A context's one listener for one kind of sender, whose messages `check` guards (see `dispatch`). */
export function listen<M extends Typed, S>(
  check: Check<M>,
  accept: (sender: S) => boolean,
  handlers: Handlers<M, S>,
  onError?: (error: unknown) => void,
): (raw: unknown, sender: S, sendResponse: (answer: unknown) => void) => boolean {
  return dispatch(
    [route(checkedBy(check, 'not in the shape the protocol allows'), accept, handlers)],
    onError,
  );
}

/**
 * Sends `message` and returns the answer as `check` accepts it. A refusal is thrown as a
 * `MessageRefused`; an answer `check` refuses is an error too.
 */
export async function ask<M, Answer>(
  send: (message: M) => Promise<unknown>,
  message: M,
  check: Check<Answer>,
): Promise<Answer> {
  const raw = await send(message);
  const refused = refusalIn(raw);
  if (refused) throw new MessageRefused(refused);
  const answer = check(raw);
  if (answer === undefined) throw new Error('an answer the protocol does not allow');
  return answer;
}
