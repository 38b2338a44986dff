/**
 * Seeded random walk: picks uniformly among the enabled steps until none is left or the step
 * budget is spent. Deterministic for a seed.
 */
import type { Stepper } from './machines';
import { TraceBuilder, type Trace } from './replay';
import { createRng } from './rng';
import type { Model } from './types';

/** Returns the trace of a seeded random walk (at most `maxSteps` steps). Pure given the seed. */
export function randomWalk(model: Model, seed: number, maxSteps = 500, stepper?: Stepper): Trace {
  return randomCompletion(model, [], seed, maxSteps, stepper);
}

/**
 * Returns the trace of `prefix` followed by a seeded random walk to the end of the run (or
 * `maxSteps` steps in all). Pure given the seed.
 */
export function randomCompletion(
  model: Model,
  prefix: readonly string[],
  seed: number,
  maxSteps = 500,
  stepper?: Stepper,
): Trace {
  const rng = createRng(seed);
  const builder = new TraceBuilder(model, stepper);
  for (const key of prefix) if (!builder.take(key)) break;
  for (let i = builder.records.length; i < maxSteps; i++) {
    const steps = builder.enabled();
    if (steps.length === 0) break;
    const step = steps[rng.int(0, steps.length - 1)];
    if (step) builder.take(step.key);
  }
  return builder.build();
}
