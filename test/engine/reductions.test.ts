import { describe, expect, it } from 'vitest';
import { explore, type ExploreResult } from '../../src/engine/explore';
import { symmetryClasses } from '../../src/engine/symmetry';
import type { Model } from '../../src/engine/types';
import { paramsOf, SCENARIOS } from '../../src/scenarios/index';
import type { ScenarioDef } from '../../src/scenarios/types';
import { bruteForce } from '../support/bruteForce';

const ALIKE = new Set([
  'cache-aside-set-after-delete',
  'dropped-delete-ttl-backstop',
  'duplicate-insert',
]);

/** What an exploration answers: everything but how much work it took. */
function answers(result: ExploreResult): object {
  return {
    complete: result.complete,
    interleavings: result.interleavingsExact,
    violating: result.violatingExact,
    violatingAny: result.violatingAnyExact,
    violatingHarm: result.violatingHarmExact,
    shortest: result.shortest,
    shortestBy: result.shortestBy,
    shortestHarm: result.shortestHarm,
    harmProbability: result.harmProbability?.toPrecision(12),
  };
}

/** Small configurations: defaults, and every value of each actor-count axis of the sweep (with the others at their smallest). */
function configurations(scenario: ScenarioDef): Record<string, number>[] {
  const defaults = paramsOf(scenario);
  const out: Record<string, number>[] = [defaults];
  const smallest: Record<string, number> = { ...defaults };
  for (const axis of scenario.sweep) {
    if (!axis.actors) smallest[axis.param] = axis.values(defaults)[0] ?? defaults[axis.param] ?? 0;
  }
  const actorAxes = scenario.sweep.filter((a) => a.actors);
  let grid: Record<string, number>[] = [smallest];
  for (const axis of actorAxes) {
    grid = grid.flatMap((p) => axis.values(p).map((v) => ({ ...p, [axis.param]: v })));
  }
  return [...out, ...grid];
}

describe('reductions give the plain search’s answers', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: every fix, granularity and small size',
    (_, scenario) => {
      let symmetric = 0;
      let compared = 0;
      for (const params of configurations(scenario)) {
        for (const fix of scenario.fixes) {
          for (const granularity of ['operations', 'messages'] as const) {
            const model: Model = scenario.build({ fix: fix.id, granularity, params });
            const options = { harm: scenario.harm, maxStates: 30_000 };
            const plain = explore(model, { ...options, reduce: 'none' });
            if (!plain.complete) continue;
            compared++;
            const key = explore(model, { ...options, reduce: 'key' });
            const all = explore(model, options);
            const label = [fix.id, granularity, JSON.stringify(params)];
            expect([...label, answers(key)]).toEqual([...label, answers(plain)]);
            expect([...label, answers(all)]).toEqual([...label, answers(plain)]);
            expect(key.states).toBeLessThanOrEqual(plain.states);
            expect(all.states).toBeLessThanOrEqual(key.states);
            if (symmetryClasses(model).length > 0) {
              symmetric++;
              expect(all.states).toBeLessThan(key.states);
            }
            if ((plain.interleavings ?? Infinity) <= 5_000) {
              const slow = bruteForce(model);
              expect([...label, all.interleavings, all.violating, all.violatingAny]).toEqual([
                ...label,
                slow.interleavings,
                slow.violating,
                slow.violatingAny,
              ]);
            }
          }
        }
      }
      expect(compared).toBeGreaterThanOrEqual(12);
      // Scenarios whose processes are alike (readers, writers, tasks) are reduced by symmetry.
      if (ALIKE.has(scenario.id)) expect(symmetric).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('symmetry leaves singled-out actors alone', () => {
  it('an actor a fault or the model names is not interchanged with its look-alikes', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'cache-aside-set-after-delete')!;
    const params = paramsOf(scenario, { readers: 3, writers: 2 });
    const model = scenario.build({ fix: 'none', granularity: 'operations', params });
    // The stall fault names the first reader.
    expect(symmetryClasses(model)).toEqual([
      ['reader2', 'reader3'],
      ['writer1', 'writer2'],
    ]);
    expect(symmetryClasses({ ...model, distinguished: ['reader2'] })).toEqual([
      ['writer1', 'writer2'],
    ]);
  });
});
