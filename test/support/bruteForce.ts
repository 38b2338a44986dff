/**
 * A deliberately naive enumerator of every complete schedule: no de-duplication of worlds and
 * no dynamic programming over them. The independent check the explorer's counts are compared
 * against (it shares only the step semantics).
 */
import { applyStep } from '../../src/engine/apply';
import { checkEnd, checkStep } from '../../src/engine/invariants';
import { createStepper } from '../../src/engine/machines';
import { enabledSteps } from '../../src/engine/steps';
import type { Model, World } from '../../src/engine/types';
import { createWorld } from '../../src/engine/world';

export interface BruteForceCounts {
  readonly interleavings: number;
  readonly violating: Readonly<Record<string, number>>;
  readonly violatingAny: number;
  /** Chance that a scheduler taking each enabled step with equal probability ends in `harm`. */
  readonly harmProbability: number;
}

/** Returns counts over all complete schedules of `model`, walking every path separately. */
export function bruteForce(
  model: Model,
  limit = 200_000,
  harm: readonly string[] = [],
): BruteForceCounts {
  const stepper = createStepper();
  const violating: Record<string, number> = Object.fromEntries(
    model.invariants.map((i) => [i.id, 0]),
  );
  let interleavings = 0;
  let violatingAny = 0;
  let harmProbability = 0;
  const walk = (world: World, depth: number, seen: ReadonlySet<string>, chance: number): void => {
    const steps = enabledSteps(model, world);
    if (steps.length === 0) {
      if (++interleavings > limit) throw new Error('too many interleavings for brute force');
      const hit = new Set([...seen, ...checkEnd(model, world, depth - 1).map((v) => v.invariant)]);
      for (const id of hit) violating[id] = (violating[id] ?? 0) + 1;
      if (hit.size > 0) violatingAny++;
      if (harm.some((id) => hit.has(id))) harmProbability += chance;
      return;
    }
    for (const step of steps) {
      const { world: after, record } = applyStep(model, world, step, stepper, depth);
      const found = checkStep(model, world, after, record).map((v) => v.invariant);
      const next = found.length > 0 ? new Set([...seen, ...found]) : seen;
      walk(after, depth + 1, next, chance / steps.length);
    }
  };
  walk(createWorld(model, stepper), 0, new Set(), 1);
  return { interleavings, violating, violatingAny, harmProbability };
}
