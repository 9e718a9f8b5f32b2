import type { z } from './zod';

/** A record that failed validation; the message names each field ("text: a note cannot be empty"). */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(issues.map((i) => `${i.path.length ? i.path.join('.') : '(record)'}: ${i.message}`).join('; '));
  }
}

/** Parses with a schema, throwing a `ValidationError` whose message names the fields at fault. */
export function parseRecord<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(result.error.issues);
  return result.data;
}

/** A date the user gave for something that happened: never after now. */
export function notFuture(at: number, now: number, field: string): number {
  if (at > now) throw new Error(`${field}: cannot be in the future`);
  return at;
}
