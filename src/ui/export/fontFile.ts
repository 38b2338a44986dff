/**
 * The diagram's font file in base64, read from its package on disk: for the CLI's
 * `export --format svg` (Node only; the browser fetches it, see ./fontAsset.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bytesToBase64, DIAGRAM_FONT_FILE } from './font';

/** Returns the font file in base64. */
export function diagramFontFromDisk(): string {
  return bytesToBase64(readFileSync(createRequire(import.meta.url).resolve(DIAGRAM_FONT_FILE)));
}
