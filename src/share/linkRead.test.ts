import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomWalk } from '../engine/random';
import { SCENARIOS } from '../scenarios/index';
import { buildModel } from '../scenarios/session';
import { withNote, withTitle, NO_ANNOTATIONS } from './annotations';
import { decodeLink, encodeLink, type ShareState } from './link';
import { hasPackedFields, readLink } from './linkRead';
import { PACKED_FIELDS } from './packedFields';

const scenario = SCENARIOS[0]!;

/** A random state of the first scenario, its run cut at `cut` and, when `noted`, with notes. */
function stateFor(seed: number, cut: number, noted: boolean): ShareState {
  const config = { scenarioId: scenario.id, fix: 'none', granularity: 'messages' as const };
  const schedule = randomWalk(buildModel({ ...config, params: {} }), seed).schedule;
  const annotations = withNote(withTitle(NO_ANNOTATIONS, 'A run'), 1, 'the first step');
  return {
    ...config,
    params: {},
    seed,
    schedule: schedule.slice(0, cut),
    cursor: Math.min(2, cut),
    ...(noted ? { annotations } : {}),
  };
}

describe('reading a link without the packed fields reader', () => {
  it('reads a link without packed fields as decodeLink does, and refuses one with them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        (seed, cut, noted) => {
          const link = encodeLink(stateFor(seed, cut, noted));
          const decoded = decodeLink(link);
          expect(decoded.ok).toBe(true);
          expect(readLink(link, PACKED_FIELDS)).toEqual(decoded);
          expect(hasPackedFields(link)).toBe(/(^|&)[za]=/.test(link));
          if (hasPackedFields(link)) expect(readLink(`#${link}`, null).ok).toBe(false);
          else expect(readLink(`#${link}`, null)).toEqual(decoded);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds packed fields however the link writes their names', () => {
    expect(hasPackedFields('#v=1&s=x&z=abc')).toBe(true);
    expect(hasPackedFields('v=3&s=x&p=0&a=abc')).toBe(true);
    expect(hasPackedFields('v=1&s=x&%7A=abc')).toBe(true);
    expect(hasPackedFields('v=1&s=x&p=0&zz=1')).toBe(false);
    expect(hasPackedFields('v=1&s=x&p=0')).toBe(false);
    // A link its fields cannot be split from is refused before any packed field is read.
    expect(hasPackedFields('v=1&z=1&z=2')).toBe(false);
    expect(readLink('v=1&z=1&z=2', null)).toEqual(decodeLink('v=1&z=1&z=2'));
  });
});
