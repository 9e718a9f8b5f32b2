// Every schema imports `z` from here, never from 'zod' directly: Zod 4 probes `eval` when a schema
// is defined, and the extension's CSP forbids it. jitless mode must be set before the first schema.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
