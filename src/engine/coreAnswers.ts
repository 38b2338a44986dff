/**
 * Reading a finished search's answers off its summaries: exact counts at the root, and the
 * shortest runs (overall, per invariant, to harm) walked from the root along steps that keep to
 * a shortest distance, with the chance of harm after each step. Pure given the model.
 */
import type { Core } from './coreParts';
import { countNumber, countText } from './count';
import { perInvariant, type ExploreResult, type ResultCounts } from './exploreResult';
import type { Model, Step } from './types';
import type { SummaryTable } from './summaries';
import { copyOf } from './vectorStep';

/** Per stored world: what the search found below it. */
export type Summaries = SummaryTable;

/** What the walks need from the search: its parts, and which slots a violation mask hits. */
export interface Search {
  readonly core: Core;
  /** Whether slot i (an invariant, then any, then harm) is hit by `mask`. */
  readonly hits: (i: number, mask: number) => boolean;
}

type Answers = Omit<ResultCounts, 'complete'> &
  Pick<ExploreResult, 'shortest' | 'shortestBy' | 'shortestHarm' | 'harmChanceAlong'>;

/**
 * Returns the answers of a finished search whose root (the initial world, raw vector `initial`)
 * is `root`; the runs are walked on vectors, as the search stepped.
 */
export function answersOf(
  model: Model,
  search: Search,
  sums: Summaries,
  root: number,
  initial: Int32Array,
): Answers {
  const { hits } = search;
  const { enabled, vectors, checks, keyer, table, harmMask } = search.core;
  const n = model.invariants.length;
  const distance = (c: number, i: number): number => (c < 0 ? Infinity : sums.shortest(c, i));
  /** The number of the stored world the last step led to (in the stepper's scratch), or -1. */
  const reached = (): number => table.find(keyer.vector, keyer.canon(vectors.scratch));
  /** Takes `step` from `raw` as step `index`: its violation mask (the world after: scratch). */
  const take = (raw: Int32Array, step: Step, index: number): number =>
    checks.step(raw, vectors.scratch, vectors.into(raw, step, index));
  /** Walks from the root along steps that keep to a shortest violation of slot i. */
  const path = (i: number): string[] | null => {
    let left = distance(root, i);
    if (left === Infinity) return null;
    const keys: string[] = [];
    let raw = initial;
    while (left > 0) {
      let next: Int32Array | null = null;
      for (const step of enabled.of(raw)) {
        const hit = hits(i, take(raw, step, keys.length));
        const length = hit ? 1 : 1 + distance(reached(), i);
        if (length !== left) continue;
        keys.push(step.key);
        next = copyOf(vectors.scratch, vectors.length);
        break;
      }
      if (!next) break;
      raw = next;
      left--;
    }
    return keys;
  };
  /** The chance of harm at each world along `schedule` (1 once a step caused harm). */
  const chanceAlong = (schedule: readonly string[] | null): number[] | null => {
    if (!schedule) return null;
    const out = [sums.chance(root)];
    let raw = initial;
    let harmed = false;
    for (const key of schedule) {
      const step = enabled.of(raw).find((s) => s.key === key);
      if (!step) break;
      harmed ||= (take(raw, step, out.length - 1) & harmMask) !== 0;
      const c = harmed ? -1 : reached();
      out.push(harmed ? 1 : c < 0 ? 0 : sums.chance(c));
      raw = copyOf(vectors.scratch, vectors.length);
    }
    return out;
  };
  const byInvariant = perInvariant(model, (i) => sums.violating(root, i), path);
  const harmPath = path(n + 1);
  const total = sums.paths(root);
  const any = sums.any(root);
  const harm = sums.harm(root);
  return {
    interleavings: countNumber(total),
    violating: byInvariant.violating,
    violatingAny: countNumber(any),
    violatingHarm: countNumber(harm),
    interleavingsExact: countText(total),
    violatingExact: byInvariant.violatingExact,
    violatingAnyExact: countText(any),
    violatingHarmExact: countText(harm),
    harmProbability: sums.chance(root),
    shortest: path(n),
    shortestBy: byInvariant.shortestBy,
    shortestHarm: harmPath,
    harmChanceAlong: chanceAlong(harmPath),
  };
}
