/**
 * The runs the diagram is judged on: every built-in scenario's headline race at its default
 * parameters in both granularities, continued to the end of its run as the app loads it
 * (cursor on the breaking step), and busy cache-aside runs with 3 readers and 3 writers.
 * Pure apart from CPU time.
 */
import { completeRun } from '../../src/engine/complete';
import { explore } from '../../src/engine/explore';
import { randomWalk } from '../../src/engine/random';
import type { Trace } from '../../src/engine/replay';
import type { Granularity, Model } from '../../src/engine/types';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { SCENARIOS, paramsOf } from '../../src/scenarios/index';
import { headlineRace } from '../../src/scenarios/judge';
import type { ScenarioDef } from '../../src/scenarios/types';

export interface JudgedRun {
  readonly name: string;
  readonly scenario: ScenarioDef;
  readonly model: Model;
  readonly trace: Trace;
  /** Where the app puts the cursor when it loads the run. */
  readonly cursor: number;
}

const GRANULARITIES: readonly Granularity[] = ['operations', 'messages'];

/** Returns each scenario's headline race (default parameters) in both granularities. */
export function raceRuns(): JudgedRun[] {
  const runs: JudgedRun[] = [];
  for (const scenario of SCENARIOS) {
    for (const granularity of GRANULARITIES) {
      const model = scenario.build({ fix: 'none', granularity, params: paramsOf(scenario) });
      const result = explore(model, { harm: scenario.harm });
      const race = headlineRace(
        model.invariants.map((i) => i.id),
        scenario.harm,
        result,
      );
      if (!race) throw new Error(`${scenario.id} has no race`);
      const trace = completeRun(model, race.schedule);
      const name = `${scenario.id} ${granularity}`;
      runs.push({ name, scenario, model, trace, cursor: race.schedule.length });
    }
  }
  return runs;
}

/** Returns cache-aside runs with 3 readers and 3 writers: Step to the end, and a random walk. */
export function busyRuns(): JudgedRun[] {
  const runs: JudgedRun[] = [];
  for (const granularity of GRANULARITIES) {
    const params = paramsOf(cacheAside, { readers: 3, writers: 3 });
    const model = cacheAside.build({ fix: 'none', granularity, params });
    const stepped = completeRun(model, []);
    const walk = randomWalk(model, 7, 200);
    runs.push(
      {
        name: `3R+3W step ${granularity}`,
        scenario: cacheAside,
        model,
        trace: stepped,
        cursor: stepped.records.length,
      },
      {
        name: `3R+3W walk ${granularity}`,
        scenario: cacheAside,
        model,
        trace: walk,
        cursor: walk.records.length,
      },
    );
  }
  return runs;
}
