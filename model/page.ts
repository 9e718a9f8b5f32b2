import { Platform, ProfileKey } from './platform';
import { z } from './zod-mini';

const text = (max: number) => z.string().check(z.maxLength(max));

/** Public metrics a marketplace shows on a profile. */
export const PlatformMetrics = z.object({
  rating: z.optional(z.number().check(z.minimum(0), z.maximum(5))),
  reviews: z.optional(z.int().check(z.minimum(0))),
  jobSuccess: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  level: z.optional(text(200)),
  rate: z.optional(text(200)),
});
export type PlatformMetrics = z.infer<typeof PlatformMetrics>;

/**
 * What a content script may tell the rest of the extension about a profile page: public data only,
 * as the page shows it. (The DOM-bearing reading, with its anchor element, lives in sites/.)
 */
export const SeenProfile = z.object({
  platform: Platform,
  id: z.string().check(z.minLength(1), z.maxLength(512)),
  key: ProfileKey,
  name: text(300),
  title: z.optional(text(500)),
  location: z.optional(text(300)),
  metrics: z.optional(PlatformMetrics),
  url: z.url().check(z.maxLength(2048)),
});
export type SeenProfile = z.infer<typeof SeenProfile>;
