/**
 * Judging fixes by exploration. The scenario names its harm (the invariants that are what
 * people saw in the incident); a fix holds when no interleaving causes harm, in every
 * configuration of the scenario's sweep, explored smallest first. Nothing here is declared by
 * hand: every verdict comes from `explore`. Pure given the scenario; the caller bounds work.
 */
import { explore } from '../engine/explore';
import type { Stepper } from '../engine/machines';
import type { Granularity } from '../engine/types';
import { paramsOf } from './registry';
import type { ScenarioDef } from './types';

/** One configuration of a sweep, explored. */
export interface ConfigOutcome {
  /** Every parameter of the configuration (swept and fixed). */
  readonly params: Readonly<Record<string, number>>;
  readonly complete: boolean;
  readonly interleavings: number | null;
  /** Interleavings that cause harm (violate any harm invariant). */
  readonly harmful: number | null;
  /** Per invariant id, harm or diagnostic: violating interleavings. */
  readonly violating: Readonly<Record<string, number>> | null;
  readonly states: number;
  /** The shortest schedule that causes harm, or null. */
  readonly race: readonly string[] | null;
}

export interface FixVerdict {
  readonly scenario: string;
  readonly fix: string;
  readonly granularity: Granularity;
  /** `fails` when some explored configuration causes harm; else `holds` (see `complete`). */
  readonly status: 'holds' | 'fails';
  /** Whether every configuration of the sweep was explored (always true when it fails). */
  readonly complete: boolean;
  /** Why the sweep stopped before its end, if it did. */
  readonly stopped: 'states' | 'cancelled' | null;
  /** The configurations explored, in sweep order (the last one is the failing one, if any). */
  readonly explored: readonly ConfigOutcome[];
  /** How many configurations the sweep has. */
  readonly total: number;
  /** The smallest configuration in which the fix causes harm. */
  readonly failing: ConfigOutcome | null;
}

export interface JudgeOptions {
  readonly stepper?: Stepper;
  /** States allowed across the whole sweep; the sweep stops, incomplete, past it. */
  readonly maxStates?: number;
  /** Checked periodically; true stops the sweep as cancelled. */
  readonly shouldStop?: () => boolean;
  /** Caps on swept parameters (e.g. `{ readers: 1 }` keeps the sweep to one reader). */
  readonly upto?: Readonly<Record<string, number>>;
  /** Called after each configuration. */
  readonly onConfig?: (outcome: ConfigOutcome, index: number, total: number) => void;
}

/** States a sweep may visit by default: enough for every built-in sweep, in seconds. */
export const SWEEP_STATE_BUDGET = 1_500_000;

/** Returns the swept parameter ids of a scenario that it actually has. Pure. */
function axesOf(scenario: ScenarioDef) {
  return scenario.sweep.filter((axis) => scenario.params.some((p) => p.id === axis.param));
}

/**
 * Returns every configuration of `scenario`'s sweep around `base` (parameters not swept keep
 * their value), smallest first: fewest steps up the axes that count actors, then fewest steps
 * up the other axes, then by the axes in the order the scenario declares them. Pure.
 */
export function sweepConfigurations(
  scenario: ScenarioDef,
  base: Readonly<Record<string, number>> = {},
  upto: Readonly<Record<string, number>> = {},
): Record<string, number>[] {
  const full = paramsOf(scenario, base);
  const axes = axesOf(scenario).map((axis) => {
    const def = scenario.params.find((p) => p.id === axis.param)!;
    const cap = Math.min(def.max, upto[axis.param] ?? def.max);
    const values = [...new Set(axis.values(full))].filter((v) => v >= def.min && v <= cap);
    return { param: axis.param, values: values.length > 0 ? values : [full[axis.param]!] };
  });
  let points: number[][] = [[]];
  for (const axis of axes) {
    points = points.flatMap((point) => axis.values.map((_, i) => [...point, i]));
  }
  const actorAxes = axesOf(scenario).map((axis) => axis.actors === true);
  const rank = (point: number[], actors: boolean) =>
    point.reduce((sum, i, k) => (actorAxes[k] === actors ? sum + i : sum), 0);
  points.sort((a, b) => {
    for (const actors of [true, false]) {
      if (rank(a, actors) !== rank(b, actors)) return rank(a, actors) - rank(b, actors);
    }
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  });
  return points.map((point) => {
    const params = { ...full };
    axes.forEach((axis, i) => (params[axis.param] = axis.values[point[i]!]!));
    return params;
  });
}

/** Returns how many interleavings of a result cause harm, with the shortest such schedule. */
function outcomeOf(
  params: Record<string, number>,
  result: ReturnType<typeof explore>,
): ConfigOutcome {
  return {
    params,
    complete: result.complete,
    interleavings: result.interleavings,
    harmful: result.violatingHarm,
    violating: result.violating,
    states: result.states,
    race: result.shortestHarm,
  };
}

/**
 * Returns the verdict on `fix`: each configuration of the sweep around `base` is explored in
 * order until one causes harm, the sweep ends, or the budget runs out. Pure given the scenario.
 */
export function judgeFix(
  scenario: ScenarioDef,
  fix: string,
  granularity: Granularity,
  base: Readonly<Record<string, number>> = {},
  options: JudgeOptions = {},
): FixVerdict {
  const configs = sweepConfigurations(scenario, base, options.upto);
  const budget = options.maxStates ?? SWEEP_STATE_BUDGET;
  const explored: ConfigOutcome[] = [];
  let used = 0;
  let stopped: FixVerdict['stopped'] = null;
  let failing: ConfigOutcome | null = null;
  for (const params of configs) {
    const model = scenario.build({ fix, granularity, params });
    const result = explore(model, {
      harm: scenario.harm,
      maxStates: budget - used,
      ...(options.stepper ? { stepper: options.stepper } : {}),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    });
    used += result.states;
    if (!result.complete) {
      stopped = result.stopped;
      break;
    }
    const outcome = outcomeOf(params, result);
    explored.push(outcome);
    options.onConfig?.(outcome, explored.length - 1, configs.length);
    if ((outcome.harmful ?? 0) > 0) {
      failing = outcome;
      break;
    }
  }
  return {
    scenario: scenario.id,
    fix,
    granularity,
    status: failing ? 'fails' : 'holds',
    complete: failing !== null || explored.length === configs.length,
    stopped: failing ? null : stopped,
    explored,
    total: configs.length,
    failing,
  };
}

/** Returns `readers=1, writers=2` for the swept parameters of `params`. Pure. */
export function describeSwept(
  scenario: ScenarioDef,
  params: Readonly<Record<string, number>>,
): string {
  const axes = axesOf(scenario);
  if (axes.length === 0) return 'the model as set';
  return axes.map((axis) => `${axis.param}=${params[axis.param]}`).join(', ');
}

/** Returns the fixed (not swept) parameters of `params`, as `delay=3`, or ''. Pure. */
export function describeFixed(
  scenario: ScenarioDef,
  params: Readonly<Record<string, number>>,
): string {
  const swept = new Set(axesOf(scenario).map((a) => a.param));
  return scenario.params
    .filter((p) => !swept.has(p.id))
    .map((p) => `${p.id}=${params[p.id]}`)
    .join(', ');
}

/**
 * Returns the boundary of a failing verdict: for each swept parameter raised to reach the
 * failing configuration, the value one step below held (it was explored first and held).
 * E.g. `holds at pause=2, fails at pause=3`. Pure.
 */
export function boundaryOf(scenario: ScenarioDef, verdict: FixVerdict): string[] {
  const failing = verdict.failing;
  if (!failing) return [];
  const axes = axesOf(scenario);
  const lines: string[] = [];
  for (const axis of axes) {
    const at = (o: ConfigOutcome) => o.params[axis.param]!;
    // The same configuration with only this parameter lower; the nearest such value held.
    const nearest = verdict.explored
      .filter(
        (o) =>
          at(o) < at(failing) &&
          axes.every(
            (a) => a.param === axis.param || o.params[a.param] === failing.params[a.param],
          ),
      )
      .sort((a, b) => at(b) - at(a))[0];
    if (nearest) {
      lines.push(`holds at ${axis.param}=${at(nearest)}, fails at ${axis.param}=${at(failing)}`);
    }
  }
  return lines;
}

const count = (n: number | null) => (n ?? 0).toLocaleString('en');

/** Returns the verdict in one line: `✓ holds in every configuration up to …` or `✗ fails at …`. */
export function verdictLine(scenario: ScenarioDef, verdict: FixVerdict): string {
  const fixed = describeFixed(scenario, verdict.explored[0]?.params ?? paramsOf(scenario));
  const given = fixed ? ` (${fixed})` : '';
  if (verdict.failing) {
    const f = verdict.failing;
    const boundary = boundaryOf(scenario, verdict);
    return (
      `✗ fails at ${describeSwept(scenario, f.params)}${given}: ` +
      `${count(f.harmful)} of ${count(f.interleavings)} interleavings cause harm` +
      (boundary.length > 0 ? `; ${boundary.join('; ')}` : '')
    );
  }
  const last = verdict.explored.at(-1);
  if (!last) return `? not judged: the budget ran out in the first configuration`;
  const configs = `${verdict.explored.length} configuration${verdict.explored.length === 1 ? '' : 's'}`;
  if (verdict.complete) {
    return `✓ holds in every configuration up to ${describeSwept(scenario, last.params)}${given} (${configs})`;
  }
  return (
    `✓ holds in every configuration explored, up to ${describeSwept(scenario, last.params)}${given} ` +
    `(${configs} of ${verdict.total}; the ${verdict.stopped === 'cancelled' ? 'time' : 'state'} budget ran out)`
  );
}

/** Returns the verdict's mark: ✓ holds, ✗ fails, ? nothing could be explored. Pure. */
export function verdictMark(verdict: FixVerdict): '✓' | '✗' | '?' {
  if (verdict.failing) return '✗';
  return verdict.explored.length > 0 ? '✓' : '?';
}

/**
 * Returns the race worth showing first: the shortest schedule to harm; else the shortest to
 * the first violated diagnostic, in the model's order; else null. Pure.
 */
export function headlineRace(
  invariantIds: readonly string[],
  harm: readonly string[],
  result: {
    readonly violating: Readonly<Record<string, number>> | null;
    readonly shortestBy: Readonly<Record<string, readonly string[]>>;
    readonly shortestHarm: readonly string[] | null;
  },
): { readonly invariant: string; readonly schedule: readonly string[] } | null {
  if (!result.violating) return null;
  const violated = invariantIds.filter(
    (id) => (result.violating?.[id] ?? 0) > 0 && result.shortestBy[id],
  );
  if (result.shortestHarm) {
    const length = result.shortestHarm.length;
    const invariant =
      violated.find((id) => harm.includes(id) && result.shortestBy[id]?.length === length) ??
      violated.find((id) => harm.includes(id));
    if (invariant !== undefined) return { invariant, schedule: result.shortestHarm };
  }
  const invariant = violated[0];
  const schedule = invariant === undefined ? undefined : result.shortestBy[invariant];
  return invariant !== undefined && schedule ? { invariant, schedule } : null;
}

/** A verdict in brief, as the CLI, the app and the README show it. Plain JSON. */
export interface VerdictSummary {
  readonly scenario: string;
  readonly fix: string;
  readonly granularity: Granularity;
  readonly mark: '✓' | '✗' | '?';
  readonly line: string;
  /** Configurations explored, and how many the sweep has. */
  readonly explored: number;
  readonly total: number;
  readonly complete: boolean;
  /** The smallest failing configuration: its parameters, counts and shortest harmful race. */
  readonly failing: {
    readonly params: Readonly<Record<string, number>>;
    readonly harmful: number;
    readonly interleavings: number;
    readonly race: readonly string[];
  } | null;
}

/** Returns the brief of `verdict`. Pure. */
export function summarize(scenario: ScenarioDef, verdict: FixVerdict): VerdictSummary {
  const f = verdict.failing;
  return {
    scenario: verdict.scenario,
    fix: verdict.fix,
    granularity: verdict.granularity,
    mark: verdictMark(verdict),
    line: verdictLine(scenario, verdict),
    explored: verdict.explored.length,
    total: verdict.total,
    complete: verdict.complete,
    failing: f
      ? {
          params: f.params,
          harmful: f.harmful ?? 0,
          interleavings: f.interleavings ?? 0,
          race: f.race ?? [],
        }
      : null,
  };
}

/**
 * Returns the key under which a verdict is cached: scenario, fix, granularity and the
 * parameters the sweep depends on (actor counts are swept over, so they do not count). Pure.
 */
export function verdictKey(
  scenario: ScenarioDef,
  fix: string,
  granularity: Granularity,
  params: Readonly<Record<string, number>> = {},
): string {
  const full = paramsOf(scenario, params);
  const actors = new Set(scenario.sweep.filter((a) => a.actors).map((a) => a.param));
  const rest = scenario.params
    .filter((p) => !actors.has(p.id))
    .map((p) => `${p.id}=${full[p.id]}`)
    .join(',');
  return `${scenario.id}|${fix}|${granularity}|${rest}`;
}
