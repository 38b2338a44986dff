/**
 * The button that opens a verdict's failing configuration with its race pinned (the fix
 * toggles, the matrix and the exploration line offer it).
 */
import type { VerdictSummary } from '../../scenarios/judge';
import { useAppStore } from '../../store/index';

/** Returns a button that opens a verdict's failing configuration with its race pinned. */
export function OpenFailing({
  verdict,
  label,
  testId = `open-failing-${verdict.fix}`,
}: {
  verdict: VerdictSummary;
  label: string;
  testId?: string;
}) {
  const openConfiguration = useAppStore((s) => s.openConfiguration);
  const failing = verdict.failing;
  if (!failing) return null;
  return (
    <button
      type="button"
      className="link-button"
      data-testid={testId}
      onClick={(event) => {
        event.stopPropagation();
        openConfiguration({ fix: verdict.fix, params: failing.params }, failing.race);
      }}
    >
      {label}
    </button>
  );
}
