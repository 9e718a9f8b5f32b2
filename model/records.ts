import { PlatformMetrics } from './page';
import { Platform, ProfileKey } from './platform';
import { z } from './zod';

/** Milliseconds since the epoch. */
const Timestamp = z.number().int().nonnegative();

/** A person the user hires. Their marketplace identities are `ProfileRecord`s. */
export const Contractor = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1, 'a contractor needs a name').max(200),
  createdAt: Timestamp,
});
export type Contractor = z.infer<typeof Contractor>;

/** One identity of a contractor on one marketplace (or one page attached by hand), keyed `platform:id`. */
export const ProfileRecord = z.object({
  key: ProfileKey,
  platform: Platform,
  id: z.string().min(1).max(2048),
  contractorId: z.number().int().positive(),
  name: z.string().max(300),
  title: z.string().max(500).optional(),
  url: z.url().max(2048),
  lastSeenAt: Timestamp,
  metrics: PlatformMetrics.optional(),
});
export type ProfileRecord = z.infer<typeof ProfileRecord>;

/** Something that happened with a contractor. The foundation records notes only. */
export const NoteEvent = z.object({
  id: z.number().int().positive(),
  contractorId: z.number().int().positive(),
  type: z.literal('note'),
  at: Timestamp,
  text: z.string().trim().min(1, 'a note cannot be empty').max(10_000),
});
export type NoteEvent = z.infer<typeof NoteEvent>;
