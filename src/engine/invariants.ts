/**
 * Running a model's invariants over steps and finished worlds. Pure.
 */
import type { Model, StepRecord, Violation, World } from './types';

/** Returns the violations that `record` (from `before` to `after`) raises. Pure. */
export function checkStep(
  model: Model,
  before: World,
  after: World,
  record: StepRecord,
): Violation[] {
  const found: Violation[] = [];
  for (const invariant of model.invariants) {
    const message = invariant.onStep?.({ before, after, record }) ?? null;
    if (message !== null) found.push({ invariant: invariant.id, step: record.index, message });
  }
  return found;
}

/** Returns the violations of a quiescent world, marked at step `lastStep`. Pure. */
export function checkEnd(model: Model, world: World, lastStep: number): Violation[] {
  const found: Violation[] = [];
  for (const invariant of model.invariants) {
    const message = invariant.atEnd?.(world) ?? null;
    if (message !== null) found.push({ invariant: invariant.id, step: lastStep, message });
  }
  return found;
}

/** Returns a bit mask with bit i set when invariant i appears in `violations`. Pure. */
export function violationMask(model: Model, violations: readonly Violation[]): number {
  let mask = 0;
  for (const v of violations) {
    const i = model.invariants.findIndex((inv) => inv.id === v.invariant);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/** Returns the bit mask of `model`'s invariants among `ids` (bit i: invariant i). Pure. */
export function harmMaskOf(model: Model, ids: readonly string[] = []): number {
  return model.invariants.reduce((m, inv, i) => (ids.includes(inv.id) ? m | (1 << i) : m), 0);
}

/**
 * Returns whether slot i of a search's summaries (invariant i for i < n, then any violation,
 * then harm) is hit by violation mask `mask`. Pure.
 */
export function slotHits(n: number, harmMask: number): (i: number, mask: number) => boolean {
  return (i, mask) => slotHit(i, mask, n, harmMask);
}

/** Whether slot i of `n` invariants' summaries is hit by `mask` (as `slotHits`). Pure. */
export function slotHit(i: number, mask: number, n: number, harmMask: number): boolean {
  return i < n ? (mask & (1 << i)) !== 0 : i === n ? mask !== 0 : (mask & harmMask) !== 0;
}
