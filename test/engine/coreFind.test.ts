import { describe, expect, it } from 'vitest';
import { findAnyHarm, findHarm } from '../../src/engine/coreFind';
import { onIntegerCore } from '../../src/engine/coreSearch';
import { explore } from '../../src/engine/explore';
import { replay } from '../../src/engine/replay';
import type { Model } from '../../src/engine/types';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf, SCENARIOS } from '../../src/scenarios/index';
import type { ScenarioDef } from '../../src/scenarios/types';

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
  return [defaults, ...grid];
}

/** Whether replaying `schedule` ends with a violation of a harm invariant at its last step. */
function endsInHarm(model: Model, schedule: readonly string[], harm: readonly string[]): boolean {
  const trace = replay(model, schedule);
  if (trace.divergence) return false;
  const last = schedule.length - 1;
  return trace.violations.some((v) => harm.includes(v.invariant) && v.step <= last);
}

describe('the early race search answers as the exhaustive explorer does', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: every fix, granularity and small size',
    (_, scenario) => {
      let compared = 0;
      let harmful = 0;
      const sizes = configurations(scenario);
      for (const params of sizes) {
        for (const fix of scenario.fixes) {
          for (const granularity of ['operations', 'messages'] as const) {
            const model = scenario.build({ fix: fix.id, granularity, params });
            if (!onIntegerCore(model) || scenario.harm.length === 0) continue;
            // Without symmetry too at the defaults (elsewhere the plain search is slow).
            for (const reduce of params === sizes[0]
              ? (['all', 'key'] as const)
              : ['all' as const]) {
              const label = [fix.id, granularity, JSON.stringify(params), reduce];
              const options = { harm: scenario.harm, maxStates: 6_000, reduce };
              const full = explore(model, options);
              if (!full.complete) continue;
              compared++;
              const shortest = findHarm(model, options);
              // The same shortest harmful run, picked by the same rule, or none on both sides.
              expect([...label, shortest.found, shortest.shortestHarm]).toEqual([
                ...label,
                full.shortestHarm ? 'harm' : 'none',
                full.shortestHarm,
              ]);
              expect(shortest.states).toBeLessThanOrEqual(full.states);
              const quick = findAnyHarm(model, options);
              expect([...label, quick.found]).toEqual([
                ...label,
                full.shortestHarm ? 'harm' : 'none',
              ]);
              if (quick.shortestHarm) {
                harmful++;
                expect([...label, endsInHarm(model, quick.shortestHarm, scenario.harm)]).toEqual([
                  ...label,
                  true,
                ]);
                expect(quick.shortestHarm.length).toBeGreaterThanOrEqual(full.shortestHarm!.length);
              }
            }
          }
        }
      }
      if (scenario.harm.length > 0) expect(compared).toBeGreaterThanOrEqual(8);
      if (scenario.harm.length > 0) expect(harmful).toBeGreaterThan(0);
    },
    600_000,
  );
});

describe('the early race search stops when told', () => {
  const model = cacheAside.build({
    fix: 'none',
    granularity: 'messages',
    params: { ...paramsOf(cacheAside), readers: 2, writers: 2 },
  });
  const harm = cacheAside.harm;

  it('stops at its state budget without an answer', () => {
    for (const find of [findHarm, findAnyHarm]) {
      const result = find(model, { harm, maxStates: 5 });
      expect(result).toMatchObject({ found: null, stopped: 'states', shortestHarm: null });
      expect(result.states).toBe(5);
    }
  });

  it('stops when asked to, and says so', () => {
    const result = findHarm(model, { harm, shouldStop: () => true });
    expect(result).toMatchObject({ found: null, stopped: 'cancelled', shortestHarm: null });
    expect(result.transitions).toBe(256);
  });

  it('finds the shortest race whose harm shows only when everything is done', () => {
    const full = explore(model, { harm });
    const shortest = findHarm(model, { harm });
    expect(full.shortestHarm).not.toBeNull();
    expect(shortest.shortestHarm).toEqual(full.shortestHarm);
    expect(endsInHarm(model, shortest.shortestHarm!, harm)).toBe(true);
  });

  it('refuses models the integer core does not run', () => {
    const timed = SCENARIOS.map((s) =>
      s.build({ fix: s.fixes[0]!.id, granularity: 'messages', params: paramsOf(s) }),
    ).find((m) => !onIntegerCore(m));
    if (timed) expect(() => findHarm(timed, { harm: [] })).toThrow(/integer core/);
  });
});
