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
 * Builds a `runtime.onMessage` listener: it drops messages that fail the check or whose sender is
 * refused, and answers through `sendResponse`, since a returned promise does not answer in Chrome.
 * Where `accept` is a type guard, the handlers get the sender as it narrows it.
 */
export function listen<M extends Typed, S, A extends S>(
  check: Check<M>,
  accept: (sender: S, message: M) => sender is A,
  handlers: Handlers<M, A>,
  onError?: (error: unknown) => void,
): (raw: unknown, sender: S, sendResponse: (answer: unknown) => void) => boolean;
export function listen<M extends Typed, S>(
  check: Check<M>,
  accept: (sender: S, message: M) => boolean,
  handlers: Handlers<M, S>,
  onError?: (error: unknown) => void,
): (raw: unknown, sender: S, sendResponse: (answer: unknown) => void) => boolean;
export function listen<M extends Typed, S>(
  check: Check<M>,
  accept: (sender: S, message: M) => boolean,
  handlers: Handlers<M, S>,
  onError: (error: unknown) => void = console.error,
) {
  return (raw: unknown, sender: S, sendResponse: (answer: unknown) => void): boolean => {
    const message = check(raw);
    if (message === undefined || !accept(sender, message)) return false;
    const handle = handlers[message.type as M['type']] as (m: M, s: S) => Promise<unknown>;
    handle(message, sender).then(sendResponse, (error: unknown) => {
      onError(error);
      sendResponse(undefined);
    });
    return true;
  };
}

/** Sends `message` and returns the answer as `check` accepts it; an answer it refuses is an error. */
export async function ask<M, Answer>(
  send: (message: M) => Promise<unknown>,
  message: M,
  check: Check<Answer>,
): Promise<Answer> {
  const answer = check(await send(message));
  if (answer === undefined) throw new Error('an answer the protocol does not allow');
  return answer;
}
