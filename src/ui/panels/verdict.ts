/**
 * The verdict on a fix from an exploration: only the invariants the fix claims to fix judge it
 * (`FixDef.judgedBy`); the others are still reported. Pure.
 */
import { judgedInvariants, judgedViolations } from '../../scenarios/judge';
import type { FixDef } from '../../scenarios/types';
import type { ExploreSummary } from '../../store/index';

export interface Verdict {
  readonly tone: 'bad' | 'good' | 'warn';
  /** Violations summed over the judging invariants. */
  readonly judged: number;
  /** Plain words after the counts, or '' when the counts say it all. */
  readonly note: string;
}

/** Returns the verdict for `fix` from a complete exploration `result`, or null. Pure. */
export function verdictOf(fix: FixDef | undefined, result: ExploreSummary): Verdict | null {
  if (!fix || !result.complete || !result.violating) return null;
  const judged = judgedViolations(fix, result.violating);
  if (judged > 0) return { tone: 'bad', judged, note: '' };
  if (!fix.closes) {
    return {
      tone: 'warn',
      judged,
      note: 'in this model. This fix is not a general cure: raise a number under Model to see it fail.',
    };
  }
  const judges = new Set(judgedInvariants(fix, result.violating));
  const others = Object.entries(result.violating)
    .filter(([id, n]) => n > 0 && !judges.has(id))
    .map(([id, n]) => `${id} ${n.toLocaleString('en')}`);
  if (others.length === 0) return { tone: 'good', judged, note: 'this fix closes the race.' };
  const never = [...judges].join(', ');
  return {
    tone: 'good',
    judged,
    note: `this fix closes the race: ${never} never happens (still reported: ${others.join(', ')}).`,
  };
}
