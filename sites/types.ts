import type { PlatformMetrics } from '../model/page';
import type { Platform } from '../model/platform';

/** What one page shows: the freelancer whose profile it is (if any) and the cards linking to freelancers. */
export type PageReading = { profile: ProfileReading | null; cards: CardReading[] };

export type ProfileReading = {
  platform: Platform;
  /** As the site spells it in addresses; `key` holds it lower-cased. */
  id: string;
  key: string;
  name: string;
  title?: string;
  location?: string;
  metrics?: PlatformMetrics;
  /** Where the overlay should sit, if the page has a natural place for it. */
  anchor?: Element;
};

export type CardReading = { platform: Platform; id: string; key: string; name?: string; element: Element };
