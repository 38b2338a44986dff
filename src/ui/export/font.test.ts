import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, DIAGRAM_FONT_FAMILY, DIAGRAM_FONT_FILE, embedFont } from './font';
import { diagramFontFromDisk } from './fontFile';
import { FONT } from '../diagram/palette';

const file = readFileSync(createRequire(import.meta.url).resolve(DIAGRAM_FONT_FILE));

describe('the diagram font inlined in an SVG', () => {
  it('encodes the font file in base64, byte for byte', () => {
    const base64 = diagramFontFromDisk();
    expect(Buffer.from(base64, 'base64').equals(file)).toBe(true);
    expect(bytesToBase64(new Uint8Array([0, 255, 1, 2]))).toBe('AP8BAg==');
    // A WOFF2 file starts with its signature.
    expect(file.subarray(0, 4).toString('latin1')).toBe('wOF2');
  });

  it('adds one @font-face with a data: URL first inside the root, and nothing else', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><title>t</title></svg>';
    const out = embedFont(svg, 'AP8BAg==');
    expect(out).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><defs><style>' +
        `@font-face{font-family:'${DIAGRAM_FONT_FAMILY}';font-style:normal;font-weight:100 900;` +
        "src:url(data:font/woff2;base64,AP8BAg==) format('woff2');unicode-range:" +
        'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, ' +
        'U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD}' +
        '</style></defs><title>t</title></svg>',
    );
  });

  it('refuses what is not base64 or not an SVG', () => {
    expect(() => embedFont('<svg>', 'a"}<x')).toThrow(/not base64/);
    expect(() => embedFont('<html></html>', 'AAAA')).toThrow(/not an SVG/);
  });

  it('is the family the diagram asks for first', () => {
    expect(FONT.startsWith(`'${DIAGRAM_FONT_FAMILY}',`)).toBe(true);
  });
});
