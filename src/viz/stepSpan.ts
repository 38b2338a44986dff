/**
 * The sideways extent of the current step on a diagram: what a narrow screen keeps in view as
 * the cursor moves. Pure.
 */
import { arrowLabelBox } from './placeLabels';
import { glyphBox, markLabelBox } from './placeMarks';
import type { DiagramLayout } from './types';

/** A horizontal span in layout units. */
export interface Span {
  readonly x0: number;
  readonly x1: number;
}

/**
 * Returns the span of the step at the cursor (its arrows with their labels, its marks with
 * theirs), or null when the cursor is at the start or the step drew nothing. Pure.
 */
export function stepSpan(layout: DiagramLayout): Span | null {
  const row = layout.cursor.row;
  if (row === 0) return null;
  let x0 = Infinity;
  let x1 = -Infinity;
  const add = (a: number, b: number) => {
    x0 = Math.min(x0, a, b);
    x1 = Math.max(x1, a, b);
  };
  for (const a of layout.arrows) {
    if (a.toRow !== row || a.pending) continue;
    add(a.x1, a.x2);
    if (a.label) {
      const box = arrowLabelBox(a);
      add(box.x0, box.x1);
    }
  }
  for (const m of layout.marks) {
    if (m.row !== row) continue;
    const glyph = glyphBox(m);
    add(glyph.x0, glyph.x1);
    if (m.label) {
      const box = markLabelBox(m);
      add(box.x0, box.x1);
    }
  }
  return x0 <= x1 ? { x0, x1 } : null;
}
