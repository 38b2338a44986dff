/**
 * Annotating the run: the note on the current step (plain text, kept in the link and shown
 * beside the step on the diagram and in presentation captions).
 */
import { MAX_NOTE, MAX_TITLE } from '../../share/notes';
import { useAppStore } from '../../store/index';
import { useShownCursor } from '../hooks';

/** Returns the editor of the current step's note (nothing at the start, before any step). */
export function NoteEditor() {
  const cursor = useShownCursor();
  const note = useAppStore((s) => s.annotations.notes[String(cursor)] ?? '');
  const setNote = useAppStore((s) => s.setNote);
  if (cursor === 0) return null;
  return (
    <label className="note-editor">
      <span className="note-editor-label">Note on step {cursor}</span>
      <textarea
        rows={1}
        maxLength={MAX_NOTE}
        value={note}
        placeholder="Shown beside the step"
        data-testid="note-input"
        onChange={(e) => setNote(cursor, e.target.value)}
      />
    </label>
  );
}

/** Returns the run's title field. */
export function TitleEditor() {
  const title = useAppStore((s) => s.annotations.title);
  const setTitle = useAppStore((s) => s.setTitle);
  return (
    <input
      className="title-input"
      type="text"
      value={title}
      maxLength={MAX_TITLE}
      placeholder="Title of this run (for presenting and sharing)"
      aria-label="Title of this run"
      data-testid="title-input"
      onChange={(e) => setTitle(e.target.value)}
    />
  );
}
