/**
 * The reference explorer: recursive depth-first search over world objects keyed by text, every
 * interleaving, with identical worlds de-duplicated (and, with symmetry, worlds equal up to
 * renaming interchangeable actors). The integer core (`coreSearch.ts`) is checked against it.
 * Counts complete interleavings exactly and, per invariant, how many violate it; finds the
 * shortest schedule that reaches a violation; and the probability that a uniformly random
 * scheduler ends in harm. Pure given the model; the caller may pass `shouldStop` (checked
 * periodically) to bound time or cancel, and `maxStates` to bound memory.
 */
import { applyStep } from './apply';
import { addCount, countNumber, countText, type Count } from './count';
import { checkEnd, checkStep, harmMaskOf, slotHits, violationMask } from './invariants';
import { createStepper } from './machines';
import { enabledSteps } from './steps';
import { symmetryClasses } from './symmetry';
import type { Model, World } from './types';
import { createWorld } from './world';
import { createKeyer } from './worldKey';
import {
  perInvariant,
  Stop,
  stoppedResult,
  type ExploreOptions,
  type ExploreResult,
} from './exploreResult';

/** Returns the exhaustive exploration of `model`'s interleavings. Pure given the model. */
export function exploreReference(model: Model, options: ExploreOptions = {}): ExploreResult {
  const stepper = options.stepper ?? createStepper();
  const maxStates = options.maxStates ?? 2_000_000;
  const n = model.invariants.length;
  const width = n + 2;
  const harmMask = harmMaskOf(model, options.harm);
  const hits = slotHits(n, harmMask);
  const reduce = options.reduce ?? 'all';
  const classes = reduce === 'all' ? symmetryClasses(model) : [];
  const keyOf = createKeyer(model, classes, reduce === 'none');
  // Search summaries, one entry (or `n` / `width` entries) per stored world, by index.
  const memo = new Map<string, number>();
  const paths: Count[] = [];
  const violating: Count[] = [];
  const violatingAny: Count[] = [];
  const violatingHarm: Count[] = [];
  const shortest: number[] = [];
  const harmChance: number[] = [];
  let keyChars = 0;
  let transitions = 0;
  const approxBytes = (): number => keyChars * 2 + memo.size * (120 + 9 * (2 * n + 6));

  const visit = (world: World, key: string, depth: number): number => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (memo.size >= maxStates) throw new Stop('states');
    const steps = enabledSteps(model, world);
    let p: Count = 0;
    let any: Count = 0;
    let harm: Count = 0;
    let chance = 0;
    const viol = new Array<Count>(n).fill(0);
    const short = new Array<number>(width).fill(Infinity);
    if (steps.length === 0) {
      const mask = violationMask(model, checkEnd(model, world, depth - 1));
      p = 1;
      for (let i = 0; i < width; i++) if (hits(i, mask)) short[i] = 0;
      for (let i = 0; i < n; i++) if (hits(i, mask)) viol[i] = 1;
      any = mask ? 1 : 0;
      harm = mask & harmMask ? 1 : 0;
      chance = harm;
    }
    for (const step of steps) {
      if (++transitions % 256 === 0 && options.shouldStop?.()) throw new Stop('cancelled');
      const { world: after, record } = applyStep(model, world, step, stepper, depth);
      const mask = violationMask(model, checkStep(model, world, after, record));
      const c = visit(after, keyOf(after), depth + 1);
      const sub = paths[c] ?? 0;
      p = addCount(p, sub);
      any = addCount(any, mask ? sub : (violatingAny[c] ?? 0));
      harm = addCount(harm, mask & harmMask ? sub : (violatingHarm[c] ?? 0));
      chance += mask & harmMask ? 1 : (harmChance[c] ?? 0);
      for (let i = 0; i < n; i++) {
        viol[i] = addCount(viol[i] ?? 0, hits(i, mask) ? sub : (violating[c * n + i] ?? 0));
      }
      for (let i = 0; i < width; i++) {
        const length = hits(i, mask) ? 1 : 1 + (shortest[c * width + i] ?? Infinity);
        if (length < (short[i] ?? Infinity)) short[i] = length;
      }
    }
    const index = paths.length;
    paths.push(p);
    violatingAny.push(any);
    violatingHarm.push(harm);
    harmChance.push(steps.length > 0 ? chance / steps.length : chance);
    violating.push(...viol);
    shortest.push(...short);
    memo.set(key, index);
    keyChars += key.length;
    return index;
  };

  const initial = createWorld(model, stepper);
  const base = {
    states: 0,
    transitions: 0,
    symmetry: classes,
    approxBytes: 0,
    shortestBy: {},
  };
  try {
    const root = visit(initial, keyOf(initial), 0);
    /** Walks from the root along steps that keep to a shortest violation of slot i. */
    const path = (i: number): string[] | null => {
      let left = shortest[root * width + i] ?? Infinity;
      if (left === Infinity) return null;
      const keys: string[] = [];
      let world = initial;
      while (left > 0) {
        let next: World | null = null;
        for (const step of enabledSteps(model, world)) {
          const { world: after, record } = applyStep(model, world, step, stepper, keys.length);
          const hit = hits(i, violationMask(model, checkStep(model, world, after, record)));
          const c = hit ? -1 : (memo.get(keyOf(after)) ?? -1);
          const length = hit ? 1 : 1 + (shortest[c * width + i] ?? Infinity);
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
    const byInvariant = perInvariant(model, (i) => violating[root * n + i] ?? 0, path);
    /** The chance of harm at each world along `schedule` (1 once a step caused harm). */
    const chanceAlong = (schedule: readonly string[] | null): number[] | null => {
      if (!schedule) return null;
      const out = [harmChance[root] ?? 0];
      let world = initial;
      let harmed = false;
      for (const key of schedule) {
        const step = enabledSteps(model, world).find((s) => s.key === key);
        if (!step) break;
        const { world: after, record } = applyStep(model, world, step, stepper, out.length - 1);
        harmed ||= (violationMask(model, checkStep(model, world, after, record)) & harmMask) !== 0;
        out.push(harmed ? 1 : (harmChance[memo.get(keyOf(after)) ?? -1] ?? 0));
        world = after;
      }
      return out;
    };
    const harmPath = path(n + 1);
    const total = paths[root] ?? 0;
    const any = violatingAny[root] ?? 0;
    const harm = violatingHarm[root] ?? 0;
    return {
      ...base,
      complete: true,
      stopped: null,
      interleavings: countNumber(total),
      violating: byInvariant.violating,
      violatingAny: countNumber(any),
      violatingHarm: countNumber(harm),
      interleavingsExact: countText(total),
      violatingExact: byInvariant.violatingExact,
      violatingAnyExact: countText(any),
      violatingHarmExact: countText(harm),
      harmProbability: harmChance[root] ?? 0,
      states: memo.size,
      transitions,
      approxBytes: approxBytes(),
      stoppedMessage: null,
      shortest: path(n),
      shortestBy: byInvariant.shortestBy,
      shortestHarm: harmPath,
      harmChanceAlong: chanceAlong(harmPath),
    };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return stoppedResult(classes, error.why, memo.size, transitions, approxBytes());
  }
}
