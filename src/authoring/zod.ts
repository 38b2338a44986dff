/**
 * zod for the authoring schemas, set jitless before any schema is built: zod's object fast path
 * probes `new Function`, which a page under a strict CSP reports as a violation. Import `z`
 * from here, never from 'zod' (the page's own schemas use zod/mini).
 */
// eslint-disable-next-line no-restricted-imports
import { z } from 'zod';

z.config({ jitless: true });

export { z };
