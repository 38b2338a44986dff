/**
 * The diagram's font file in base64, for inlining in an exported SVG: fetched from the app's
 * own asset when first needed (never part of the script bundle), then kept.
 */
import fontUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import { bytesToBase64 } from './font';

let loading: Promise<string> | null = null;

/** Returns the font file in base64 (fetched once). */
export function diagramFontBase64(): Promise<string> {
  loading ??= fetch(fontUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`the diagram font did not load (${response.status})`);
      return response.arrayBuffer();
    })
    .then((buffer) => bytesToBase64(new Uint8Array(buffer)));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
