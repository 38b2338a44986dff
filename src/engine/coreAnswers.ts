/**
 * Reading a finished search's answers off its summaries: exact counts at the root, and the
 * shortest runs (overall, per invariant, to harm) walked from the root along steps that keep to
 * a shortest distance, with the chance of harm after each step. Pure given the model.
 */
import { applyStep } from './apply';
import { countNumber, countText } from './count';
import { perInvariant, type ExploreResult, type ResultCounts } from './exploreResult';
import { checkStep, violationMask } from './invariants';
import type { Stepper } from './machines';
import { enabledSteps } from './steps';
import type { Model, World } from './types';
import type { CountColumn, NumberColumn } from './summaries';

/** Per stored world: what the search found below it. */
export interface Summaries {
  readonly paths: CountColumn;
  readonly any: CountColumn;
  readonly harm: CountColumn;
  /** `n` per world: complete interleavings violating invariant i. */
  readonly violating: CountColumn;
  /** Chance a random continuation ends in harm. */
  readonly chance: NumberColumn;
  /** `n + 2` per world: shortest distance to a violation of invariant i, of any, of harm. */
  readonly shortest: NumberColumn;
}

export interface Search {
  readonly stepper: Stepper;
  readonly harmMask: number;
  /** Whether slot i (an invariant, then any, then harm) is hit by `mask`. */
  readonly hits: (i: number, mask: number) => boolean;
  /** The number of the stored world equal to `world`, or -1. */
  readonly find: (world: World) => number;
}

type Answers = Omit<ResultCounts, 'complete'> &
  Pick<ExploreResult, 'shortest' | 'shortestBy' | 'shortestHarm' | 'harmChanceAlong'>;

/** Returns the answers of a finished search whose root (the initial world) is `root`. */
export function answersOf(
  model: Model,
  search: Search,
  sums: Summaries,
  root: number,
  initial: World,
): Answers {
  const { stepper, harmMask, hits, find } = search;
  const n = model.invariants.length;
  const distance = (c: number, i: number): number => (c < 0 ? Infinity : sums.shortest.get(c, i));
  /** Walks from the root along steps that keep to a shortest violation of slot i. */
  const path = (i: number): string[] | null => {
    let left = distance(root, i);
    if (left === Infinity) return null;
    const keys: string[] = [];
    let world = initial;
    while (left > 0) {
      let next: World | null = null;
      for (const step of enabledSteps(model, world)) {
        const { world: after, record } = applyStep(model, world, step, stepper, keys.length);
        const hit = hits(i, violationMask(model, checkStep(model, world, after, record)));
        const length = hit ? 1 : 1 + distance(find(after), i);
        if (length !== left) continue;
        keys.push(step.key);
        next = after;
        break;
      }
      if (!next) break;
      world = next;
      left--;
    }
    return keys;
  };
  /** The chance of harm at each world along `schedule` (1 once a step caused harm). */
  const chanceAlong = (schedule: readonly string[] | null): number[] | null => {
    if (!schedule) return null;
    const out = [sums.chance.get(root)];
    let world = initial;
    let harmed = false;
    for (const key of schedule) {
      const step = enabledSteps(model, world).find((s) => s.key === key);
      if (!step) break;
      const { world: after, record } = applyStep(model, world, step, stepper, out.length - 1);
      harmed ||= (violationMask(model, checkStep(model, world, after, record)) & harmMask) !== 0;
      const c = harmed ? -1 : find(after);
      out.push(harmed ? 1 : c < 0 ? 0 : sums.chance.get(c));
      world = after;
    }
    return out;
  };
  const byInvariant = perInvariant(model, (i) => sums.violating.get(root, i), path);
  const harmPath = path(n + 1);
  const total = sums.paths.get(root);
  const any = sums.any.get(root);
  const harm = sums.harm.get(root);
  return {
    interleavings: countNumber(total),
    violating: byInvariant.violating,
    violatingAny: countNumber(any),
    violatingHarm: countNumber(harm),
    interleavingsExact: countText(total),
    violatingExact: byInvariant.violatingExact,
    violatingAnyExact: countText(any),
    violatingHarmExact: countText(harm),
    harmProbability: sums.chance.get(root),
    shortest: path(n),
    shortestBy: byInvariant.shortestBy,
    shortestHarm: harmPath,
    harmChanceAlong: chanceAlong(harmPath),
  };
}
