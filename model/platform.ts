import { z } from './zod-mini';

/**
 * Which marketplace a profile is on: the id its site adapter declares (`sites/<id>.ts`, registered in
 * `sites/index.ts`), or `web` for a page attached by hand (`sites/web.ts`). Every stored profile record
 * and key carries it, so an id once used is never renamed (tests/sites/samples.test.ts holds those).
 *
 * The site registry is the list of ids, not this schema: model/ imports nothing but zod, and a new
 * marketplace should be one adapter file, not an edit here too. So any lower-case word is accepted,
 * which also lets a record saved by a newer version, on a site this one has no adapter for, still read
 * (the UI names it by its id).
 */
export const Platform = z
  .string()
  .check(z.regex(/^[a-z]+$/, 'a platform is a lower-case word, such as "upwork"'), z.maxLength(40));
export type Platform = z.infer<typeof Platform>;

/** A profile key is `${platform}:${id}`, id lower-cased (`profileKey` in profile-key.ts makes one). */
export const ProfileKey = z
  .string()
  .check(z.regex(/^[a-z]+:\S+$/, 'a profile key reads "<platform>:<id>"'), z.maxLength(2048));
export type ProfileKey = z.infer<typeof ProfileKey>;
