import fc from 'fast-check';
import { configure } from 'safe-stable-stringify';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/canonical';
import { randomWalk } from '../../src/engine/random';
import type { Granularity } from '../../src/engine/types';
import { paramsOf, SCENARIOS } from '../../src/scenarios/index';

/** What the engine's canonical JSON was, and must stay equal to. */
const reference = configure({ deterministic: true, circularValue: Error, bigint: false });

/** Values as the engine serializes them (JSON data), with what JSON leaves out or rewrites. */
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, undefined, true, false, 0, -0, NaN, Infinity, -Infinity),
    fc.double(),
    fc.integer(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 6 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'B', '10', '2', '_', 'é', '\u0000'), tie('value')),
  ),
}));

describe('canonicalJson', () => {
  it('gives the text safe-stable-stringify gives with sorted keys (generated values)', () => {
    fc.assert(
      fc.property(values.value, (value) => {
        const expected = reference(value);
        if (expected === undefined) expect(() => canonicalJson(value)).toThrow();
        else expect(canonicalJson(value)).toBe(expected);
      }),
      { numRuns: 5000, seed: 20261202 },
    );
  });

  it('gives the same text whatever the key insertion order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }], 10: 'x', 2: null })).toBe(
      '{"10":"x","2":null,"a":[{"d":2}],"b":1}',
    );
    expect(canonicalJson({ a: [{ d: 2 }], b: 1, 2: null, 10: 'x' })).toBe(
      canonicalJson({ 10: 'x', b: 1, 2: null, a: [{ d: 2 }] }),
    );
  });

  it('refuses a cycle, as the library did', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle['self'] = { back: cycle };
    expect(() => reference(cycle)).toThrow(TypeError);
    expect(() => canonicalJson(cycle)).toThrow(TypeError);
  });

  it('serializes a shared (not circular) object each time it appears, as the library did', () => {
    const shared = { x: [1, 2] };
    const value = { a: shared, b: [shared, shared] };
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('gives the library text for the worlds of random runs of every scenario', () => {
    for (const scenario of SCENARIOS)
      for (const fix of scenario.fixes)
        for (const granularity of ['operations', 'messages'] as Granularity[]) {
          const model = scenario.build({ fix: fix.id, granularity, params: paramsOf(scenario) });
          for (let seed = 1; seed <= 3; seed++) {
            const run = randomWalk(model, seed);
            expect(canonicalJson(run)).toBe(reference(run));
            for (const world of run.worlds) expect(canonicalJson(world)).toBe(reference(world));
          }
        }
  });
});
