import { describe, expect, it } from 'vitest';
import { explore, exploreReference, type ExploreResult } from '../../src/engine/explore';
import type { Model } from '../../src/engine/types';
import { paramsOf, SCENARIOS } from '../../src/scenarios/index';
import type { ScenarioDef } from '../../src/scenarios/types';
import { bruteForce } from '../support/bruteForce';
import { EXAMPLES } from '../support/examples';

/** What an exploration answers: everything but how much work it took. */
function answers(result: ExploreResult): object {
  return {
    complete: result.complete,
    stopped: result.stopped,
    interleavings: result.interleavingsExact,
    violating: result.violatingExact,
    violatingAny: result.violatingAnyExact,
    violatingHarm: result.violatingHarmExact,
    shortest: result.shortest,
    shortestBy: result.shortestBy,
    shortestHarm: result.shortestHarm,
    harmProbability: result.harmProbability,
    harmChanceAlong: result.harmChanceAlong,
    symmetry: result.symmetry,
  };
}

/** Small configurations: defaults, and every value of each actor-count axis of the sweep. */
function configurations(scenario: ScenarioDef): Record<string, number>[] {
  const defaults = paramsOf(scenario);
  const smallest: Record<string, number> = { ...defaults };
  for (const axis of scenario.sweep) {
    if (!axis.actors) smallest[axis.param] = axis.values(defaults)[0] ?? defaults[axis.param] ?? 0;
  }
  let grid: Record<string, number>[] = [smallest];
  for (const axis of scenario.sweep.filter((a) => a.actors)) {
    grid = grid.flatMap((p) => axis.values(p).map((v) => ({ ...p, [axis.param]: v })));
  }
  // Once each (a scenario without actor-count axes has only its defaults).
  const seen = new Set<string>();
  return [defaults, ...grid].filter(
    (p) => !seen.has(JSON.stringify(p)) && !!seen.add(JSON.stringify(p)),
  );
}

/**
 * Compares the integer core with the reference explorer on `scenario` at every fix, granularity
 * and size of `sizes` (the first is the defaults), and returns how many searches it compared.
 */
function compareWithReference(
  scenario: ScenarioDef,
  sizes: Record<string, number>[],
  maxStates: number,
): number {
  let compared = 0;
  for (const params of sizes) {
    for (const fix of scenario.fixes) {
      for (const granularity of ['operations', 'messages'] as const) {
        const model: Model = scenario.build({ fix: fix.id, granularity, params });
        const label = [scenario.id, fix.id, granularity, JSON.stringify(params)];
        // Without symmetry both store the same worlds (at the defaults: the reference is slow).
        const reduces = params === sizes[0] ? ['key', 'all'] : ['all'];
        for (const reduce of reduces as ('key' | 'all')[]) {
          const options = { harm: scenario.harm, maxStates, reduce };
          const reference = exploreReference(model, options);
          if (!reference.complete) continue;
          compared++;
          const core = explore(model, { ...options, core: 'integer' });
          expect([...label, reduce, answers(core)]).toEqual([...label, reduce, answers(reference)]);
          if (reduce === 'key') {
            expect([...label, core.states, core.transitions]).toEqual([
              ...label,
              reference.states,
              reference.transitions,
            ]);
          } else expect(core.states).toBeLessThanOrEqual(reference.states);
          if (reduce === 'all' && (core.interleavings ?? Infinity) <= 5_000) {
            const slow = bruteForce(model, 200_000, scenario.harm);
            expect([...label, core.interleavings, core.violating, core.violatingAny]).toEqual([
              ...label,
              slow.interleavings,
              slow.violating,
              slow.violatingAny,
            ]);
            expect(core.harmProbability).toBeCloseTo(slow.harmProbability, 12);
          }
        }
      }
    }
  }
  return compared;
}

describe('the integer core gives the reference explorer’s answers', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: every fix, granularity and small size',
    (_, scenario) => {
      expect(
        compareWithReference(scenario, configurations(scenario), 8_000),
      ).toBeGreaterThanOrEqual(12);
    },
    600_000,
  );
});

describe('the integer core gives the reference explorer’s answers on the authored examples', () => {
  it('finds every example', () => {
    expect(EXAMPLES.map(([file]) => file)).toContain('lock-behind-slow-command.yaml');
  });

  it.each(EXAMPLES)(
    '%s: every fix, granularity and small size',
    (_, scenario) => {
      // Every fix and granularity at the defaults with `key` and `all`, at least.
      const least = scenario.fixes.length * 2 * 2;
      expect(
        compareWithReference(scenario, configurations(scenario), 20_000),
      ).toBeGreaterThanOrEqual(least);
    },
    600_000,
  );
});

describe('the integer core keeps to its state budget as the reference does', () => {
  it.each([10, 100, 1_000])('stops at the same world with a budget of %i states', (budget) => {
    for (const scenario of SCENARIOS) {
      for (const granularity of ['operations', 'messages'] as const) {
        const model = scenario.build({ fix: 'none', granularity, params: paramsOf(scenario) });
        const options = { harm: scenario.harm, maxStates: budget, reduce: 'key' as const };
        const reference = exploreReference(model, options);
        const core = explore(model, options);
        const label = [scenario.id, granularity];
        expect([...label, core.complete, core.stopped, core.states, core.transitions]).toEqual([
          ...label,
          reference.complete,
          reference.stopped,
          reference.states,
          reference.transitions,
        ]);
        // Worlds admitted under the budget are still finished, so a few more may be stored.
        if (core.stopped === 'states') {
          const count = core.states.toLocaleString('en');
          expect(core.states).toBeGreaterThanOrEqual(budget);
          expect(core.stoppedMessage).toMatch(
            new RegExp(`^stopped at ${count} states \\(≈ \\d+ MB\\): try`),
          );
        }
      }
    }
  });
});
