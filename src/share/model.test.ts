import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../authoring/load';
import { toBase64Url } from './base64url';
import { decodeModelLink, encodeModelLink, MAX_MODEL_LINK } from './model';

const DIR = new URL('../../examples/', import.meta.url);
const EXAMPLES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, readFileSync(new URL(f, DIR), 'utf8')] as const);

describe('an authored model in a link', () => {
  it.each(EXAMPLES)('%s travels whole, well under the cap', (_file, text) => {
    const link = encodeModelLink(text);
    if (!link.ok) throw new Error(`too large: ${link.length}`);
    expect(link.packed).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(link.packed.length).toBeLessThan(MAX_MODEL_LINK / 2);
    const back = decodeModelLink(link.packed);
    expect(back).toEqual({ ok: true, text });
    expect(back.ok && loadModel(back.text).ok).toBe(true);
  });

  it('says when a model is too large for a link', () => {
    // Random text does not compress: past the cap, the app offers a file instead.
    let x = 12345;
    const noise = Array.from({ length: 9000 }, () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(33 + (x % 90));
    }).join('');
    expect(encodeModelLink(noise)).toMatchObject({ ok: false, why: 'too-large' });
  });

  it('refuses other versions, damage, bombs and bad UTF-8 with a message', () => {
    const packed = (encodeModelLink('format: interleave/1\n') as { packed: string }).packed;
    expect(decodeModelLink(packed.replace(/^1\./, '2.'))).toEqual({
      ok: false,
      error: 'the model in the link is format 2; this build reads 1',
    });
    expect(decodeModelLink('nodot')).toMatchObject({ ok: false });
    expect(decodeModelLink('1.@@@')).toMatchObject({
      ok: false,
      error: expect.stringContaining('damaged'),
    });
    expect(decodeModelLink(packed.slice(0, -4))).toMatchObject({ ok: false });
    const bomb = `1.${toBase64Url(deflateSync(new Uint8Array(4_000_000), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(MAX_MODEL_LINK);
    expect(decodeModelLink(bomb)).toEqual({
      ok: false,
      error: 'the model in the link is too large',
    });
    const latin1 = `1.${toBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0x41])))}`;
    expect(decodeModelLink(latin1)).toEqual({
      ok: false,
      error: 'the model in the link is not UTF-8 text',
    });
  });

  it('never throws on arbitrary link text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const out = decodeModelLink(`1.${text}`);
        expect(typeof out.ok).toBe('boolean');
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
