import { describe, expect, it } from 'vitest';
import { explore } from '../../src/engine/explore';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf, SCENARIOS } from '../../src/scenarios/index';
import { bruteForce } from '../support/bruteForce';
import { tickers } from '../support/tickers';

/** (Σ steps)! / Π steps! as an exact BigInt. */
function multinomial(steps: readonly number[]): bigint {
  const factorial = (k: number): bigint => (k <= 1 ? 1n : BigInt(k) * factorial(k - 1));
  const total = steps.reduce((a, b) => a + b, 0);
  return steps.reduce((acc, k) => acc / factorial(k), factorial(total));
}

describe('exact big counts', () => {
  it('counts past 2^53 exactly (ten alike processes of three steps)', () => {
    const steps = new Array<number>(10).fill(3);
    const result = explore(tickers(steps));
    const expected = multinomial(steps);
    expect(expected > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(result.interleavingsExact).toBe(expected.toString());
    expect(result.interleavings).toBe(Number(expected));
    // Symmetry stores one world per multiset of progress: C(10 + 3, 3).
    expect(result.states).toBe(286);
  });

  it('gives exact text equal to the numbers while they are safe', () => {
    const result = explore(tickers([2, 3, 1]));
    expect(result.interleavingsExact).toBe('60');
    expect(result.violatingAnyExact).toBe(String(result.violatingAny));
  });
});

describe('state budget', () => {
  it('stops at a tiny budget with a message saying where and what to try, never a crash', () => {
    const result = explore(tickers([6, 7]), { maxStates: 10 });
    expect(result.complete).toBe(false);
    expect(result.stopped).toBe('states');
    // Worlds finished while the search unwinds are kept, so it may end a few past the budget.
    expect(result.states).toBeGreaterThanOrEqual(10);
    expect(result.states).toBeLessThan(30);
    expect(result.stoppedMessage).toMatch(
      new RegExp(`^stopped at ${result.states} states \\(≈ \\d+ MB\\): try `),
    );
    expect(result.interleavingsExact).toBeNull();
  });

  it('says nothing when the search completes or is cancelled', () => {
    expect(explore(tickers([2, 2])).stoppedMessage).toBeNull();
    const cancelled = explore(tickers([8, 9, 10]), { shouldStop: () => true });
    expect(cancelled.stopped).toBe('cancelled');
    expect(cancelled.stoppedMessage).toBeNull();
  });
});

describe('harm probability under a uniformly random scheduler', () => {
  it.each(['none', 'double-delete', 'ttl-backstop'])(
    'matches the brute-force sum over schedules on cache-aside (%s)',
    (fix) => {
      for (const granularity of ['operations', 'messages'] as const) {
        const model = cacheAside.build({ fix, granularity, params: paramsOf(cacheAside) });
        const fast = explore(model, { harm: cacheAside.harm });
        const slow = bruteForce(model, 200_000, cacheAside.harm);
        expect(fast.harmProbability).toBeCloseTo(slow.harmProbability, 12);
      }
    },
  );

  it('climbs to 1 along the shortest harmful run, starting from the whole chance', () => {
    const model = cacheAside.build({
      fix: 'none',
      granularity: 'messages',
      params: paramsOf(cacheAside, { readers: 2 }),
    });
    const result = explore(model, { harm: cacheAside.harm });
    const along = result.harmChanceAlong ?? [];
    expect(along).toHaveLength((result.shortestHarm?.length ?? 0) + 1);
    expect(along[0]).toBe(result.harmProbability);
    expect(along.at(-1)).toBe(1);
    for (const p of along) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    // Each value is the chance from that world on: the same as exploring from there.
    expect(along[1]).toBeGreaterThan(0);
  });

  it('is 0 without harm, 1 when every run is harmed, and within [0, 1] on every scenario', () => {
    for (const scenario of SCENARIOS) {
      const model = scenario.build({
        fix: scenario.fixes[0]?.id ?? 'none',
        granularity: 'operations',
        params: paramsOf(scenario),
      });
      const result = explore(model, { harm: scenario.harm });
      const p = result.harmProbability ?? -1;
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(p === 0).toBe(result.violatingHarm === 0);
      expect(p === 1).toBe(result.violatingHarm === result.interleavings);
      expect(explore(model).harmProbability).toBe(0);
    }
  });
});
