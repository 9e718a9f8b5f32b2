import { Platform, ProfileKey } from './platform';
import { z } from './zod';

/** Public metrics a marketplace shows on a profile. */
export const PlatformMetrics = z.object({
  rating: z.number().min(0).max(5).optional(),
  reviews: z.number().int().min(0).optional(),
  jobSuccess: z.number().min(0).max(100).optional(),
  level: z.string().max(200).optional(),
  rate: z.string().max(200).optional(),
});
export type PlatformMetrics = z.infer<typeof PlatformMetrics>;

/**
 * What a content script may tell the rest of the extension about a profile page: public data only,
 * as the page shows it. (The DOM-bearing reading, with its anchor element, lives in sites/.)
 */
export const SeenProfile = z.object({
  platform: Platform,
  id: z.string().min(1).max(512),
  key: ProfileKey,
  name: z.string().max(300),
  title: z.string().max(500).optional(),
  location: z.string().max(300).optional(),
  metrics: PlatformMetrics.optional(),
  url: z.url().max(2048),
});
export type SeenProfile = z.infer<typeof SeenProfile>;
