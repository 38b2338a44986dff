/**
 * Discrete-event simulation for timed (load) models: always take the enabled step that happens
 * first — the message that arrives earliest or the timer due soonest — breaking ties with a
 * seeded draw. Deterministic for a model (including its timing seed) and a seed.
 */
import type { Stepper } from './machines';
import { TraceBuilder, type Trace } from './replay';
import { createRng } from './rng';
import type { Model, Step } from './types';

function timeOf(step: Step, clock: number): number {
  if (step.kind === 'deliver') return step.message.at ?? clock + 1;
  if (step.kind === 'timer') return Math.max(step.timer.due, clock);
  return Number.POSITIVE_INFINITY;
}

/**
 * Returns the trace of a timed run of `model` (at most `maxSteps` steps). Faults are never
 * chosen here: a load scenario injects them through its own actors. Pure given the seed.
 */
export function simulate(model: Model, seed: number, maxSteps = 10_000, stepper?: Stepper): Trace {
  const rng = createRng(seed);
  const builder = new TraceBuilder(model, stepper);
  for (let i = 0; i < maxSteps; i++) {
    const clock = builder.world.clock;
    const steps = builder.enabled().filter((s) => s.kind !== 'fault');
    if (steps.length === 0) break;
    const first = Math.min(...steps.map((s) => timeOf(s, clock)));
    const due = steps.filter((s) => timeOf(s, clock) === first);
    const step = due[due.length === 1 ? 0 : rng.int(0, due.length - 1)];
    if (step) builder.take(step.key);
  }
  return builder.build();
}
