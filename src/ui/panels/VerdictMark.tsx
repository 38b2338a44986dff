/**
 * A fix's computed verdict as a mark: ✓ holds, ✗ fails (harm in some configuration of the
 * sweep), ? could not be judged, · not judged yet. Colour is never the only cue.
 */
import type { KnownVerdict } from './useVerdicts';

const WORDS = { '✓': 'holds', '✗': 'fails', '?': 'not judged' } as const;

/** Returns the mark of a verdict (or of a fix not judged yet). */
export function VerdictMark({
  fix,
  verdict,
  testId,
}: {
  fix: string;
  verdict: KnownVerdict | null;
  testId: string;
}) {
  const mark = verdict?.summary.mark ?? null;
  const tone = mark === '✓' ? 'is-good' : mark === '✗' ? 'is-bad' : 'is-unknown';
  const words = mark ? WORDS[mark] : 'not judged for these parameters yet';
  return (
    <span
      className={`verdict-mark ${tone}`}
      data-testid={testId}
      data-fix={fix}
      data-mark={mark ?? ''}
      title={verdict?.summary.line ?? words}
      aria-label={words}
      role="img"
    >
      {mark ?? '·'}
    </span>
  );
}
