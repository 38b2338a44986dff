/**
 * The run's step notes beside the diagram: each in a column right of the lifelines, level with
 * its step's row and clipped to that row's height, so notes never overlap each other, an
 * arrow or a violation note. Pure.
 */
import { wrap } from './labels';
import type { DiagramLayout, NoteMark } from './types';

/** Width of the notes column, characters per line and line height. */
export const NOTE_COLUMN = 260;
const NOTE_CHARS = 34;
export const NOTE_LINE = 15;

/**
 * Returns `layout` with the notes of its steps (1-based step number → text) placed in a column
 * on its right, widened to hold them; unchanged when no step shown has a note. Pure.
 */
export function withNotes(
  layout: DiagramLayout,
  notes: Readonly<Record<string, string>> | undefined,
): DiagramLayout {
  if (!notes) return layout;
  const marks: NoteMark[] = [];
  const x = layout.width + 10;
  for (const row of layout.rows) {
    if (row.row === 0) continue;
    const text = notes[String(row.row)]?.trim();
    if (!text) continue;
    const fits = Math.max(1, Math.floor((row.height - 8) / NOTE_LINE));
    const lines = wrap(text.replace(/\s+/g, ' '), NOTE_CHARS, fits);
    marks.push({
      step: row.row,
      x,
      top: row.top + 3,
      width: NOTE_COLUMN - 20,
      height: row.height - 6,
      textY: row.top + 3 + (row.height - 6 - lines.length * NOTE_LINE) / 2 + NOTE_LINE - 3,
      lines,
      text,
      future: row.future,
    });
  }
  if (marks.length === 0) return layout;
  return { ...layout, width: layout.width + NOTE_COLUMN, notes: marks };
}
