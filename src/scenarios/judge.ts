/**
 * Judging a fix by exploration counts: only the invariants it claims to fix decide whether it
 * closes the race (see `FixDef.judgedBy`); the others are still reported. Pure.
 */
import type { FixDef } from './types';

/** Returns the invariant ids that judge `fix`: its `judgedBy`, else every id counted. Pure. */
export function judgedInvariants(
  fix: FixDef,
  violating: Readonly<Record<string, number>>,
): readonly string[] {
  return fix.judgedBy ?? Object.keys(violating);
}

/**
 * Returns how many violations (summed over the judging invariants) exploration found against
 * `fix`: 0 means the fix held in every interleaving for what it claims to prevent. Pure.
 */
export function judgedViolations(fix: FixDef, violating: Readonly<Record<string, number>>): number {
  return judgedInvariants(fix, violating).reduce((n, id) => n + (violating[id] ?? 0), 0);
}

/**
 * Returns the race worth showing first: the shortest schedule to a violation of the first
 * invariant, in the model's order, that the fix is judged by and that some interleaving
 * violates; else of the first violated invariant at all; else null. Scenarios list their
 * headline invariant first (e.g. the exception before the duplicate fetch it comes with). Pure.
 */
export function headlineRace(
  invariantIds: readonly string[],
  fix: FixDef,
  result: {
    readonly violating: Readonly<Record<string, number>> | null;
    readonly shortestBy: Readonly<Record<string, readonly string[]>>;
  },
): { readonly invariant: string; readonly schedule: readonly string[] } | null {
  if (!result.violating) return null;
  const judged = new Set(judgedInvariants(fix, result.violating));
  const violated = invariantIds.filter(
    (id) => (result.violating?.[id] ?? 0) > 0 && result.shortestBy[id],
  );
  const invariant = violated.find((id) => judged.has(id)) ?? violated[0];
  const schedule = invariant === undefined ? undefined : result.shortestBy[invariant];
  return invariant !== undefined && schedule ? { invariant, schedule } : null;
}
