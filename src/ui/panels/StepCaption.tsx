/**
 * The current step in words under the diagram on a phone (where the story panel is in the
 * drawer): the step's sentence and note, and once harm is done, why it happened.
 */
import { criticalReordering } from '../../scenarios/narrate';
import { useAppStore } from '../../store/index';
import { useModel, useNarrative, useShownCursor, useTrace } from '../hooks';
import { useViolationSplit } from './useHarm';

/** Returns the caption of the step at the cursor. */
export function StepCaption() {
  const lines = useNarrative();
  const cursor = useShownCursor();
  const trace = useTrace();
  const model = useModel();
  const note = useAppStore((s) => (cursor > 0 ? s.annotations.notes[String(cursor)] : undefined));
  const { harm } = useViolationSplit();
  const first = harm[0];
  const why = first
    ? [...harm, ...trace.violations.filter((v) => v.step <= first.step)]
        .map((v) => criticalReordering(trace, v, model))
        .find((r) => r !== null)
    : undefined;
  return (
    <div className="step-caption" aria-live="polite" data-testid="step-caption">
      <p className="step-caption-line">
        {cursor > 0 ? (
          <>
            <span className="step-caption-n">{cursor}</span>
            <span>{lines[cursor - 1]}</span>
          </>
        ) : (
          <span>Start: nothing has happened yet. Press Step, or Find the race.</span>
        )}
      </p>
      {note && <p className="step-caption-note">{note}</p>}
      {why && (
        <p className="step-caption-why" data-testid="step-caption-why">
          Why it broke: {why}.
        </p>
      )}
    </div>
  );
}
