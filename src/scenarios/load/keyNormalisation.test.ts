import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng';
import { noisyUrl, normaliseKey } from './keyNormalisation';

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
});
