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
