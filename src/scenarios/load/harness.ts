/**
 * The load harness: runs every asked fix of a load scenario on the same seed and parameters
 * (so the same arrivals) and returns the before/after table. Pure given the seed.
 */
import type { Behaviour } from '../../engine/load/behaviour';
import { fastBehaviour } from '../../actors/load/behaviours';
import type { LoadRun, LoadScenarioDef } from './types';

export interface LoadTable {
  readonly scenario: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, number>>;
  readonly rows: readonly LoadRun[];
}

export interface LoadOptions {
  /** Fix ids, in order; all of the scenario's when absent. */
  readonly fixes?: readonly string[];
  readonly seed?: number;
  readonly params?: Readonly<Record<string, number>>;
  readonly behaviour?: Behaviour;
  /** Share of the whole table done, in [0, 1]. */
  readonly progress?: (done: number) => void;
}

/** Returns a scenario's parameters: defaults overridden by `overrides`. Pure. */
export function loadParams(
  scenario: LoadScenarioDef,
  overrides: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const params: Record<string, number> = {};
  for (const def of scenario.params) params[def.id] = overrides[def.id] ?? def.defaultValue;
  return params;
}

/** Runs the table: one row per fix, all on the same seed. Pure given the seed. */
export function runLoad(scenario: LoadScenarioDef, options: LoadOptions = {}): LoadTable {
  const fixes = options.fixes ?? scenario.fixes.map((f) => f.id);
  const params = loadParams(scenario, options.params);
  const seed = options.seed ?? 1;
  const behaviour = options.behaviour ?? fastBehaviour();
  const rows = fixes.map((fix, i) =>
    scenario.run({
      fix,
      params,
      seed,
      behaviour,
      progress: (done) => options.progress?.((i + done) / fixes.length),
    }),
  );
  return { scenario: scenario.id, seed, params, rows };
}
