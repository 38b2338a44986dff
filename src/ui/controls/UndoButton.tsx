/**
 * Undo: restores the pinned run that the last replacement (Find the race, a new branch, Reset,
 * Randomize) discarded. Shown only while there is one.
 */
import { useAppStore } from '../../store/index';

/** Returns the Undo button, or nothing when there is no earlier run. */
export function UndoButton() {
  const count = useAppStore((s) => s.undoStack.length);
  const undo = useAppStore((s) => s.undo);
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="btn"
      data-testid="undo"
      onClick={undo}
      title="Undo: restore your previous run (Ctrl+Z / ⌘Z)"
    >
      ↶ Undo: restore your previous run
    </button>
  );
}
