// Kept apart from the schemas of platform.ts, which import zod: the content script makes keys on every page
// and carries no zod.

/** The identity of one profile: `${platform}:${id}`, the id lower-cased. */
export function profileKey(platform: string, id: string): string {
  return `${platform}:${id.toLowerCase()}`;
}
