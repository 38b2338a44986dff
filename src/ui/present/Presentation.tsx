/**
 * Presentation mode: the diagram fills the screen with large type, revealed step by step (the
 * steps after the cursor are not drawn), the current step's narrative as a caption, and the
 * presenter's notes (the step's note) on request. Keys: ←/→ reveal, N notes, Esc leaves.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../../store/index';
import { divergenceInput } from '../../viz/divergence';
import { RevealedDiagram } from '../diagram/RevealedDiagram';
import { useFocusTrap } from '../layout/useFocusTrap';
import { SMALL_SCREEN_QUERY, useMediaQuery } from '../layout/useMediaQuery';
import { useDivergence, useNarrative, useScenario, useRevealedRun } from '../hooks';

const NO_NOTES: Readonly<Record<string, string>> = {};

/** Returns the full-screen presentation of the pinned run. */
export function Presentation() {
  const scenario = useScenario();
  const { total, cursor } = useRevealedRun();
  const lines = useNarrative();
  const story = useDivergence();
  const annotations = useAppStore((s) => s.annotations);
  const notesOn = useAppStore((s) => s.presenterNotes);
  const toggleNotes = useAppStore((s) => s.togglePresenterNotes);
  const setPresenting = useAppStore((s) => s.setPresenting);
  const seek = useAppStore((s) => s.seek);
  const marker = useMemo(
    () => (story && cursor === total ? divergenceInput(story) : null),
    [story, cursor, total],
  );
  // On a phone the step's note is in the caption: a column of notes beside the diagram would
  // push it sideways off the small screen.
  const phone = useMediaQuery(SMALL_SCREEN_QUERY);
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => rootRef.current?.focus(), []);
  useFocusTrap(rootRef);

  const caption = cursor === 0 ? `Start: ${scenario.story}` : (lines[cursor - 1] ?? '');
  const note = cursor > 0 ? annotations.notes[String(cursor)] : undefined;
  const title = annotations.title.trim() || scenario.title;
  const next = cursor < total ? lines[cursor] : undefined;
  return (
    <div
      ref={rootRef}
      className="present"
      role="dialog"
      aria-modal="true"
      aria-label={`Presentation: ${title}`}
      data-testid="presentation"
      tabIndex={-1}
    >
      <header className="present-head">
        <h1 className="present-title" data-testid="present-title">
          {title}
        </h1>
        <span className="present-count" data-testid="present-count">
          Step {cursor} of {total}
        </span>
      </header>
      <div className="present-stage">
        <div className="present-diagram">
          <RevealedDiagram
            title={title}
            notes={phone ? NO_NOTES : annotations.notes}
            divergence={marker}
            large
            phone={phone}
          />
        </div>
        {notesOn && (
          <aside
            className="present-notes"
            aria-label="Presenter's notes"
            data-testid="present-notes"
          >
            <h2>Notes</h2>
            {note ? (
              <p className="present-note-text">{note}</p>
            ) : (
              <p className="present-note-none">No note on this step.</p>
            )}
            {next && (
              <p className="present-next">
                <strong>Next:</strong> {next}
              </p>
            )}
          </aside>
        )}
      </div>
      <footer className="present-foot">
        <p className="present-caption" aria-live="polite" data-testid="present-caption">
          {cursor > 0 && <span className="present-step">{cursor}</span>}
          <span>
            {caption}
            {note && (
              <span className="present-caption-note" data-testid="present-caption-note">
                {note}
              </span>
            )}
          </span>
        </p>
        <div className="present-controls">
          <button
            type="button"
            className="btn"
            onClick={() => seek(cursor - 1)}
            disabled={cursor === 0}
            title="Previous step (←)"
          >
            ◀ Back
          </button>
          <button
            type="button"
            className="btn btn-strong"
            data-testid="present-next"
            onClick={() => seek(cursor + 1)}
            disabled={cursor >= total}
            title="Reveal the next step (→)"
          >
            Next ▶
          </button>
          <button
            type="button"
            className="btn"
            aria-pressed={notesOn}
            data-testid="present-notes-toggle"
            onClick={toggleNotes}
            title="Show or hide the presenter's notes (N)"
          >
            Notes
          </button>
          <button
            type="button"
            className="btn"
            data-testid="present-exit"
            onClick={() => setPresenting(false)}
            title="Leave the presentation (Esc)"
          >
            Exit
          </button>
          <span className="present-keys" aria-hidden="true">
            ← → step · N notes · Esc exit
          </span>
        </div>
      </footer>
    </div>
  );
}
