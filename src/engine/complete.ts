/**
 * Continuing a schedule to the end of its run the way the Step button does: always the first
 * enabled step (deliveries and timers come before faults, so no fault is ever chosen while
 * something else can happen). Pure given the model.
 */
import type { Stepper } from './machines';
import { TraceBuilder, type Trace } from './replay';
import type { Model } from './types';

/**
 * Returns the trace of `prefix` followed by first-enabled steps until nothing can happen, or
 * `maxSteps` steps in all. Stops at the prefix's divergence, if any. Pure.
 */
export function completeRun(
  model: Model,
  prefix: readonly string[],
  maxSteps = 500,
  stepper?: Stepper,
): Trace {
  const builder = new TraceBuilder(model, stepper);
  for (const key of prefix) if (!builder.take(key)) return builder.build();
  while (builder.records.length < maxSteps) {
    const next = builder.enabled().find((s) => s.kind !== 'fault');
    if (!next) break;
    builder.take(next.key);
  }
  return builder.build();
}
