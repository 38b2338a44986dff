/**
 * The compare view's derived data (fetched with the view): the pinned schedule replayed under
 * two fixes, side by side, and how the runs differ. Cached by their inputs, as in `./derive`.
 */
import { compareRuns, type RunComparison, type RunSide } from '../scenarios/compare';
import { findScenario } from '../scenarios/registry';
import { configKey, type SessionConfig } from '../scenarios/session';
import {
  modelFor,
  narrativeFor,
  selectCompareFix,
  selectScenario,
  traceFor,
  type ConfigLike,
} from './derive';
import { lru } from './lru';

const comparisons = lru<Comparison>(8);

/** The compare view's data: both runs of the one pinned schedule and how they differ. */
export interface Comparison {
  readonly left: RunSide;
  readonly right: RunSide;
  readonly result: RunComparison;
}

function sideFor(config: SessionConfig, schedule: readonly string[]): RunSide {
  const scenario = findScenario(config.scenarioId);
  const fix = scenario?.fixes.find((f) => f.id === config.fix) ?? {
    id: config.fix,
    label: config.fix,
  };
  return {
    fix: { id: fix.id, label: fix.label },
    model: modelFor(config),
    trace: traceFor(config, schedule),
    narrative: narrativeFor(config, schedule),
  };
}

/**
 * Returns the pinned `schedule` replayed under `baseFix` (left) and under `config` (right),
 * compared step by step. Both are projections of the same schedule: nothing is copied.
 */
export function comparisonFor(
  config: SessionConfig,
  baseFix: string,
  schedule: readonly string[],
): Comparison {
  return comparisons(`${configKey(config)}#${baseFix}#${schedule.join(' ')}`, () => {
    const left = sideFor({ ...config, fix: baseFix }, schedule);
    const right = sideFor(config, schedule);
    return { left, right, result: compareRuns(selectScenario(config), left, right) };
  });
}

/**
 * Selector: the compare view's two runs of the pinned schedule; null when the view is closed or
 * the base fix cannot be simulated with these parameters.
 */
export function selectComparison(s: ConfigLike & { compareFix: string | null }): Comparison | null {
  const base = selectCompareFix(s);
  if (base === null) return null;
  try {
    return comparisonFor(s, base, s.schedule);
  } catch {
    // A scenario may refuse a configuration for the base fix: there is nothing to compare.
    return null;
  }
}
