/**
 * zod/mini for the authoring schemas, with zod's English messages (zod/mini loads no locale):
 * the page's own schemas use zod/mini too, so the page and the editor share one small zod core
 * and the page never loads the full zod. Import `z` from here.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

if (!z.config().localeError) z.config(en());

export { z };
