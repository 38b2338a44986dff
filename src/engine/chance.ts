/**
 * The point of no return: along any run, the chance after each step that a scheduler picking
 * each enabled step uniformly at random ends in harm (1 once a step has caused it). Computed by
 * the same rule as the explorer's `harmProbability`, searching only the worlds reachable from the
 * run. Pure given the model; `maxStates` and `shouldStop` bound it.
 */
import { applyStep } from './apply';
import { checkEnd, checkStep, violationMask } from './invariants';
import { createStepper, type Stepper } from './machines';
import { enabledSteps } from './steps';
import { symmetryClasses } from './symmetry';
import type { Model, World } from './types';
import { createWorld } from './world';
import { createKeyer } from './worldKey';

export interface ChanceOptions {
  readonly maxStates?: number;
  readonly shouldStop?: () => boolean;
  readonly stepper?: Stepper;
}

export interface ChanceAlong {
  /** chances[0] at the start, chances[i] after step i (as far as the schedule replays). */
  readonly chances: readonly number[];
  /** The first step after which harm is certain (chance 1; 0: from the start), or null. */
  readonly pointOfNoReturn: number | null;
  /** Distinct worlds searched. */
  readonly states: number;
}

class Stop extends Error {}

/**
 * Returns the chance of harm at the start and after each step of `schedule` (stopping where the
 * schedule no longer replays), or null when the search passed its budget or was stopped.
 */
export function harmChanceAlong(
  model: Model,
  schedule: readonly string[],
  harm: readonly string[],
  options: ChanceOptions = {},
): ChanceAlong | null {
  const stepper = options.stepper ?? createStepper();
  const maxStates = options.maxStates ?? 500_000;
  const harmIds = new Set(harm);
  const harmMask = model.invariants.reduce(
    (m, inv, i) => (harmIds.has(inv.id) ? m | (1 << i) : m),
    0,
  );
  const keyOf = createKeyer(model, symmetryClasses(model));
  const memo = new Map<string, number>();
  let transitions = 0;

  const chanceOf = (world: World, depth: number): number => {
    const key = keyOf(world);
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (memo.size >= maxStates) throw new Stop();
    const steps = enabledSteps(model, world);
    let chance: number;
    if (steps.length === 0) {
      chance = violationMask(model, checkEnd(model, world, depth - 1)) & harmMask ? 1 : 0;
    } else {
      let sum = 0;
      for (const step of steps) {
        if (++transitions % 256 === 0 && options.shouldStop?.()) throw new Stop();
        const { world: after, record } = applyStep(model, world, step, stepper, depth);
        const hit = violationMask(model, checkStep(model, world, after, record)) & harmMask;
        sum += hit ? 1 : chanceOf(after, depth + 1);
      }
      chance = sum / steps.length;
    }
    memo.set(key, chance);
    return chance;
  };

  try {
    let world = createWorld(model, stepper);
    const chances = [chanceOf(world, 0)];
    let harmed = false;
    for (const key of schedule) {
      const step = enabledSteps(model, world).find((s) => s.key === key);
      if (!step) break;
      const depth = chances.length - 1;
      const { world: after, record } = applyStep(model, world, step, stepper, depth);
      harmed ||= (violationMask(model, checkStep(model, world, after, record)) & harmMask) !== 0;
      chances.push(harmed ? 1 : chanceOf(after, depth + 1));
      world = after;
    }
    const certain = chances.findIndex((c) => c === 1);
    return {
      chances,
      pointOfNoReturn: certain >= 0 ? certain : null,
      states: memo.size,
    };
  } catch (error) {
    if (error instanceof Stop) return null;
    throw error;
  }
}
