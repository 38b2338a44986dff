import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf, SCENARIOS } from '../../src/scenarios/index';
import { bruteForce } from '../support/bruteForce';
import { explore } from '../../src/engine/explore';
import { createStepper } from '../../src/engine/machines';
import { replay } from '../../src/engine/replay';
import { tickers } from '../support/tickers';

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

describe('explore', () => {
  it('counts C(a+b, a) interleavings of two independent processes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), (a, b) => {
        const result = explore(tickers([a, b]), { reduce: 'key' });
        expect(result.complete).toBe(true);
        expect(result.interleavings).toBe(binomial(a + b, a));
        // De-duplication: a world is (steps left of p0, steps left of p1).
        expect(result.states).toBe((a + 1) * (b + 1));
        // With symmetry, two alike processes make one world of each unordered pair.
        const reduced = explore(tickers([a, b]));
        expect(reduced.interleavings).toBe(binomial(a + b, a));
        expect(reduced.states).toBe(a === b ? ((a + 1) * (a + 2)) / 2 : (a + 1) * (b + 1));
      }),
      { numRuns: 40 },
    );
  });

  it('counts the multinomial for three processes', () => {
    expect(explore(tickers([2, 3, 1])).interleavings).toBe(60); // 6! / (2! 3! 1!)
  });

  it('agrees with brute-force enumeration on small tickers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        (steps) => {
          const model = tickers(steps);
          expect(explore(model).interleavings).toBe(bruteForce(model).interleavings);
        },
      ),
      { numRuns: 25 },
    );
  });

  it.each(['none', 'double-delete', 'leases', 'versioned-cas', 'write-through', 'ttl-backstop'])(
    'agrees with brute force on cache-aside (%s), both granularities',
    (fix) => {
      for (const granularity of ['operations', 'messages'] as const) {
        const model = cacheAside.build({ fix, granularity, params: paramsOf(cacheAside) });
        const fast = explore(model);
        const slow = bruteForce(model);
        expect(fast.interleavings).toBe(slow.interleavings);
        expect(fast.violating).toEqual(slow.violating);
        expect(fast.violatingAny).toBe(slow.violatingAny);
      }
    },
  );

  it('agrees with brute force on every registered scenario, fix and granularity', () => {
    let compared = 0;
    for (const scenario of SCENARIOS) {
      for (const fix of scenario.fixes) {
        for (const granularity of ['operations', 'messages'] as const) {
          const model = scenario.build({ fix: fix.id, granularity, params: paramsOf(scenario) });
          const fast = explore(model);
          if ((fast.interleavings ?? Infinity) > 5_000) continue;
          const slow = bruteForce(model);
          expect([scenario.id, fix.id, granularity, fast.interleavings, fast.violating]).toEqual([
            scenario.id,
            fix.id,
            granularity,
            slow.interleavings,
            slow.violating,
          ]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(48);
  });

  // Options that change the model's structure, not just its size, checked beyond the defaults.
  it.each([
    ['duplicate-insert', 'switches:0', { switches: 0 }],
    ['duplicate-insert', 'switches:0 tasks:3', { switches: 0, tasks: 3 }],
  ] as const)(
    'agrees with brute force on %s with %s, every fix and granularity',
    (id, _, params) => {
      const scenario = SCENARIOS.find((s) => s.id === id)!;
      for (const fix of scenario.fixes) {
        for (const granularity of ['operations', 'messages'] as const) {
          const config = { fix: fix.id, granularity, params: paramsOf(scenario, params) };
          const model = scenario.build(config);
          const fast = explore(model);
          const slow = bruteForce(model);
          expect([fix.id, granularity, fast.interleavings, fast.violating]).toEqual([
            fix.id,
            granularity,
            slow.interleavings,
            slow.violating,
          ]);
        }
      }
    },
  );

  it('gives the same results with and without memoized transitions', () => {
    const model = cacheAside.build({
      fix: 'none',
      granularity: 'messages',
      params: paramsOf(cacheAside),
    });
    const memo = explore(model, { stepper: createStepper({ memoize: true }) });
    const plain = explore(model, { stepper: createStepper({ memoize: false }) });
    expect(memo).toEqual(plain);
  });

  it('returns a shortest schedule that really reaches the violation', () => {
    const model = cacheAside.build({
      fix: 'none',
      granularity: 'messages',
      params: paramsOf(cacheAside),
    });
    const result = explore(model);
    const shortest = result.shortest ?? [];
    const trace = replay(model, shortest);
    expect(trace.divergence).toBeNull();
    expect(trace.violations.some((v) => v.step === shortest.length - 1)).toBe(true);
    // No shorter prefix of any schedule violates: every prefix of length < n is clean.
    expect(replay(model, shortest.slice(0, -1)).violations).toEqual([]);
  });

  it('stops with an explicit incomplete result at the state bound', () => {
    const result = explore(tickers([6, 6]), { maxStates: 10 });
    expect(result.complete).toBe(false);
    expect(result.stopped).toBe('states');
    expect(result.interleavings).toBeNull();
  });

  it('stops when asked to (time bound or cancel)', () => {
    let calls = 0;
    const result = explore(tickers([8, 9, 10]), { shouldStop: () => ++calls > 2 });
    expect(result.complete).toBe(false);
    expect(result.stopped).toBe('cancelled');
  });
});
