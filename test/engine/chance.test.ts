// The point of no return agrees with the explorer's harm chance on every scenario and fix.
import { describe, expect, it } from 'vitest';
import { harmChanceAlong } from '../../src/engine/chance';
import { explore } from '../../src/engine/explore';
import { randomWalk } from '../../src/engine/random';
import { SCENARIOS, findScenario, paramsOf } from '../../src/scenarios/index';
import type { ScenarioDef } from '../../src/scenarios/types';

describe('harmChanceAlong', () => {
  for (const s of SCENARIOS) {
    for (const granularity of ['operations', 'messages'] as const) {
      it(`${s.id} (${granularity}): equals the explorer's chances, under every fix`, () => {
        for (const fix of s.fixes) {
          const model = s.build({ fix: fix.id, granularity, params: paramsOf(s) });
          const result = explore(model, { harm: s.harm });
          if (result.shortestHarm) {
            const along = harmChanceAlong(model, result.shortestHarm, s.harm);
            expect(along?.chances).toEqual(result.harmChanceAlong);
            expect(along?.chances.at(-1)).toBe(1);
            expect(along?.pointOfNoReturn).not.toBeNull();
          }
          for (let seed = 1; seed <= 5; seed++) {
            const run = randomWalk(model, seed).schedule;
            const along = harmChanceAlong(model, run, s.harm);
            expect(along?.chances).toHaveLength(run.length + 1);
            expect(along?.chances[0]).toBeCloseTo(result.harmProbability ?? -1, 12);
            for (const c of along?.chances ?? []) expect(c >= 0 && c <= 1).toBe(true);
          }
        }
      });
    }
  }

  it('stops where the schedule no longer replays, and on its budget', () => {
    const s = findScenario('cache-aside-set-after-delete') as ScenarioDef;
    const model = s.build({ fix: 'none', granularity: 'operations', params: paramsOf(s) });
    const along = harmChanceAlong(model, ['reader->cache', 'bogus', 'writer->db'], s.harm);
    expect(along?.chances).toHaveLength(2);
    expect(harmChanceAlong(model, [], s.harm, { maxStates: 3 })).toBeNull();
  });

  it('stays at 0 along a run under a fix that holds', () => {
    const s = findScenario('cache-aside-set-after-delete') as ScenarioDef;
    const leases = s.build({ fix: 'leases', granularity: 'messages', params: paramsOf(s) });
    const run = randomWalk(leases, 3).schedule;
    const along = harmChanceAlong(leases, run, s.harm);
    expect(along?.chances.every((c) => c === 0)).toBe(true);
    expect(along?.pointOfNoReturn).toBeNull();
  });
});
