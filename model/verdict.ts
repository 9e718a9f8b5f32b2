import { z } from './zod-mini';

/** What the extension concludes about a contractor (see ARCHITECTURE.md for the order they apply in). */
export const Verdict = z.enum(['new', 'ok', 'trusted', 'watch', 'cancel', 'dropped']);
export type Verdict = z.infer<typeof Verdict>;
