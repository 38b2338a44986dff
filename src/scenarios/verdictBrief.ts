/**
 * Short views of computed verdicts for narrow places (the fix matrix, the scenario picker):
 * "holds up to writers=2", "fails at writers=2 (66 of 188)", "2 of 5 fixes hold". Pure.
 */
import type { Granularity } from '../engine/types';
import { paramsOf } from './registry';
import { describeSwept, sweepConfigurations, type VerdictSummary } from './judge';
import type { ScenarioDef } from './types';
import { cachedVerdict } from './verdicts';

const count = (n: number) => n.toLocaleString('en');

/** Returns the swept parameters of `scenario` that it has. Pure. */
function sweptParams(scenario: ScenarioDef): string[] {
  return scenario.sweep
    .map((axis) => axis.param)
    .filter((id) => scenario.params.some((p) => p.id === id));
}

/**
 * Returns the swept parameters of `target` that differ from `current`, as `writers=2, pause=0`
 * ('' when none do). Pure.
 */
export function sweptChanges(
  scenario: ScenarioDef,
  target: Readonly<Record<string, number>>,
  current: Readonly<Record<string, number>>,
): string {
  const full = paramsOf(scenario, current);
  return sweptParams(scenario)
    .filter((id) => target[id] !== undefined && target[id] !== full[id])
    .map((id) => `${id}=${target[id]}`)
    .join(', ');
}

/**
 * Returns the largest configuration a verdict explored: the `explored`-th configuration of the
 * sweep around `base` (the parameters it was judged at), or null when none was. Pure.
 */
export function lastExplored(
  scenario: ScenarioDef,
  verdict: VerdictSummary,
  base: Readonly<Record<string, number>>,
): Record<string, number> | null {
  if (verdict.explored === 0) return null;
  return sweepConfigurations(scenario, base)[verdict.explored - 1] ?? null;
}

/**
 * Returns a verdict in a few words, without its mark: `holds up to readers=2, writers=2`,
 * `fails at writers=2 (66 of 188)` (the swept parameters that differ from `base`), or why it
 * could not be judged. `base` is the configuration the verdict was judged at. Pure.
 */
export function verdictBrief(
  scenario: ScenarioDef,
  verdict: VerdictSummary,
  base: Readonly<Record<string, number>>,
): string {
  const f = verdict.failing;
  if (f) {
    const at = sweptChanges(scenario, f.params, base);
    const where = at ? `fails at ${at}` : 'fails as set';
    return `${where} (${count(f.harmful)} of ${count(f.interleavings)})`;
  }
  const last = lastExplored(scenario, verdict, base);
  if (!last) return 'not judged: the budget ran out';
  const upTo = `holds up to ${describeSwept(scenario, last)}`;
  return verdict.complete ? upTo : `${upTo} (${verdict.explored} of ${verdict.total} explored)`;
}

/** How many of a scenario's fixes hold, by their committed verdicts. */
export interface HoldingCount {
  readonly hold: number;
  /** Fixes (other than "No fix") with a committed verdict. */
  readonly judged: number;
  /** Fixes other than "No fix". */
  readonly fixes: number;
}

/**
 * Returns how many fixes of `scenario` (not counting "No fix") hold at default parameters and
 * `granularity`, by the committed verdicts. Pure.
 */
export function holdingCount(scenario: ScenarioDef, granularity: Granularity): HoldingCount {
  const fixes = scenario.fixes.filter((f) => f.id !== 'none');
  const verdicts = fixes.map((f) => cachedVerdict(scenario.id, f.id, granularity));
  return {
    hold: verdicts.filter((v) => v?.mark === '✓').length,
    judged: verdicts.filter((v) => v !== null).length,
    fixes: fixes.length,
  };
}

/** Returns `2 of 5 fixes hold` (`… judged fixes …` when some were not judged), or ''. Pure. */
export function holdingLine(count: HoldingCount): string {
  if (count.judged === 0) return '';
  const noun = count.judged === 1 ? 'fix' : 'fixes';
  const judged = count.judged < count.fixes ? `judged ${noun}` : noun;
  return `${count.hold} of ${count.judged} ${judged} ${count.hold === 1 ? 'holds' : 'hold'}`;
}
