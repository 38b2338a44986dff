/**
 * The diagram's typeface inlined in an exported SVG: a `@font-face` rule whose source is the
 * font file itself as a `data:` URL, so the file renders the same wherever it is opened. Pure
 * (the bytes are read by the caller: fetched in the browser, read from disk by the CLI).
 */

/** The family the diagram asks for first (see `FONT` in ui/diagram/palette.ts). */
export const DIAGRAM_FONT_FAMILY = 'Inter Variable';

/** The font file, as the package ships it: Inter, Latin subset, variable weight, WOFF2. */
export const DIAGRAM_FONT_FILE = '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2';

/** The characters the Latin subset covers (others fall back to the next family). */
const UNICODE_RANGE =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, ' +
  'U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

/** Returns `bytes` in base64 (in chunks, so large files do not overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** Returns the `@font-face` rule for the font file given in base64. */
export function fontFaceRule(base64: string): string {
  return (
    `@font-face{font-family:'${DIAGRAM_FONT_FAMILY}';font-style:normal;font-weight:100 900;` +
    `src:url(data:font/woff2;base64,${base64}) format('woff2');unicode-range:${UNICODE_RANGE}}`
  );
}

/**
 * Returns the SVG document `svg` with the font inlined: a `<style>` holding only the
 * `@font-face` rule, first inside the root element.
 */
export function embedFont(svg: string, base64: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('the font is not base64');
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('not an SVG document');
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}<defs><style>${fontFaceRule(base64)}</style></defs>${svg.slice(at)}`;
}
