import { z } from './zod-mini';

/** The marketplaces with a site adapter, plus `web` for any page the user attaches by hand. */
export const Platform = z.enum([
  'upwork',
  'fiverr',
  'freelancer',
  'peopleperhour',
  'guru',
  'toptal',
  'contra',
  'linkedin',
  'github',
  'web',
]);
export type Platform = z.infer<typeof Platform>;

/** A profile key is `${platform}:${id}`, id lower-cased: the identity of one profile. */
export const ProfileKey = z
  .string()
  .check(z.regex(/^[a-z]+:\S+$/, 'a profile key reads "<platform>:<id>"'), z.maxLength(2048));
export type ProfileKey = z.infer<typeof ProfileKey>;

export function profileKey(platform: Platform, id: string): ProfileKey {
  return `${platform}:${id.toLowerCase()}`;
}
