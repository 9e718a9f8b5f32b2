// The schemas a content script needs (what a page shows, the message protocol, verdicts) are written
// with zod/mini: the full zod would not fit the content script's 20 KB budget. Mini and full schemas
// compose, so full schemas elsewhere embed these. Like model/zod.ts, it sets jitless mode first:
// Zod probes `eval` when a schema is defined, and the extension's CSP forbids it.
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
