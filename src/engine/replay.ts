/**
 * Deterministic replay: a schedule (list of step keys) run against a model gives a trace.
 * Pure given the model: same model + schedule ⇒ identical trace on any machine.
 */
import { applyStep } from './apply';
import { checkEnd, checkStep } from './invariants';
import { createStepper, type Stepper } from './machines';
import { enabledSteps } from './steps';
import type { Model, Step, StepRecord, Violation, World } from './types';
import { createWorld } from './world';

/** Where a schedule could not be followed: its key was not enabled at that point. */
export interface Divergence {
  readonly index: number;
  readonly key: string;
  readonly enabled: readonly string[];
}

export interface Trace {
  /** worlds[0] is the initial world; worlds[i + 1] follows records[i]. */
  readonly worlds: readonly World[];
  readonly records: readonly StepRecord[];
  readonly violations: readonly Violation[];
  /** The keys actually taken (a prefix of the schedule when it diverged). */
  readonly schedule: readonly string[];
  readonly divergence: Divergence | null;
  /** True when the last world has no enabled step. */
  readonly finished: boolean;
}

/** Returns a growing trace that starts from the model's initial world. */
export class TraceBuilder {
  readonly worlds: World[];
  readonly records: StepRecord[] = [];
  readonly violations: Violation[] = [];
  readonly schedule: string[] = [];

  constructor(
    readonly model: Model,
    readonly stepper: Stepper = createStepper(),
  ) {
    this.worlds = [createWorld(model, stepper)];
  }

  get world(): World {
    return this.worlds[this.worlds.length - 1] as World;
  }

  enabled(): Step[] {
    return enabledSteps(this.model, this.world);
  }

  /** Takes the enabled step with `key`; returns false (and changes nothing) when it is not enabled. */
  take(key: string): boolean {
    const step = this.enabled().find((s) => s.key === key);
    if (!step) return false;
    const before = this.world;
    const { world, record } = applyStep(
      this.model,
      before,
      step,
      this.stepper,
      this.records.length,
    );
    this.worlds.push(world);
    this.records.push(record);
    this.schedule.push(key);
    this.violations.push(...checkStep(this.model, before, world, record));
    if (this.enabled().length === 0) {
      this.violations.push(...checkEnd(this.model, world, record.index));
    }
    return true;
  }

  build(divergence: Divergence | null = null): Trace {
    return {
      worlds: [...this.worlds],
      records: [...this.records],
      violations: [...this.violations],
      schedule: [...this.schedule],
      divergence,
      finished: this.enabled().length === 0,
    };
  }
}

/**
 * Replays `schedule` on `model` as far as it can; stops at the first key that is not enabled
 * and reports it as the divergence. Pure given the model.
 */
export function replay(model: Model, schedule: readonly string[], stepper?: Stepper): Trace {
  const builder = new TraceBuilder(model, stepper);
  if (builder.enabled().length === 0)
    builder.violations.push(...checkEnd(model, builder.world, -1));
  for (let i = 0; i < schedule.length; i++) {
    const key = schedule[i] as string;
    if (!builder.take(key)) {
      return builder.build({ index: i, key, enabled: builder.enabled().map((s) => s.key) });
    }
  }
  return builder.build();
}
