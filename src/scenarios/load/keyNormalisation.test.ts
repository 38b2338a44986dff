import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng';
import { noisyUrl, normaliseKey, UrlDraw } from './urls';

/** The definition: path, then the response-affecting params split out, sorted and joined. */
function reference(url: string): string {
  const [path = '', query = ''] = url.split('?');
  const kept = query
    .split('&')
    .filter((pair) => ['lang', 'page'].includes(pair.split('=')[0] ?? ''))
    .sort();
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path;
}

describe('cache-key normalisation', () => {
  it('keeps the path and only lang and page, sorted', () => {
    expect(normaliseKey('/p/3?utm_source=s1&page=2&gclid=7&lang=de')).toBe('/p/3?lang=de&page=2');
    expect(normaliseKey('/p/3?utm_source=s1')).toBe('/p/3');
    expect(normaliseKey('/p/3')).toBe('/p/3');
  });

  it('equals the split-and-filter definition on any text', () => {
    const piece = fc.constantFrom(
      'lang',
      'page',
      'lan',
      'pages',
      'utm',
      '=',
      '&',
      '?',
      'en',
      '1',
      '',
    );
    const url = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(url, (u) => {
        expect(normaliseKey(u)).toBe(reference(u));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the definition on the URLs the scenario draws', () => {
    const rng = createRng(11);
    for (let i = 0; i < 2000; i++) {
      const u = noisyUrl(rng.int(0, 99), rng, 0.6);
      expect(normaliseKey(u)).toBe(reference(u));
    }
  });

  it('the draws number each URL and each normalised key one to one', () => {
    // Few pages, so that URLs and keys repeat; numbers must agree with the text both ways.
    for (const noise of [0, 0.6, 1]) {
      const rng = createRng(5);
      const draw = new UrlDraw();
      const urlOf = new Map<number, string>();
      const urlNumber = new Map<string, number>();
      const keyOf = new Map<number, string>();
      const keyNumber = new Map<string, number>();
      for (let i = 0; i < 20000; i++) {
        draw.draw(rng.int(0, 6), rng, noise);
        const url = draw.url();
        const n = draw.urlNumber(7) as number;
        expect(urlOf.get(n) ?? url).toBe(url);
        expect(urlNumber.get(url) ?? n).toBe(n);
        urlOf.set(n, url);
        urlNumber.set(url, n);
        const key = normaliseKey(url);
        const k = draw.keyNumber();
        expect(keyOf.get(k) ?? key).toBe(key);
        expect(keyNumber.get(key) ?? k).toBe(k);
        keyOf.set(k, key);
        keyNumber.set(key, k);
      }
      // The numbering saw repeats, not only new URLs.
      expect(urlOf.size).toBeLessThan(20000);
    }
  });

  it('gives no URL number past exact integers', () => {
    const draw = new UrlDraw().draw(3, createRng(9), 1);
    expect(draw.urlNumber(1_000_000)).toBeUndefined();
    expect(draw.urlNumber(500)).toBeTypeOf('number');
  });
});
