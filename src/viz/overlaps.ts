/**
 * Overlap audit of a laid-out diagram: every text label (arrow, mark, ghost and timer labels,
 * violation notes) as a box from the layout's text metrics, checked against the other labels,
 * every arrow's line (delivered, in flight and ghost arrows) and the violation notes; and the
 * violation notes checked against every arrow's line. Pure.
 */
import { NOTE_CHAR } from './marks';
import { ghostLabelBox } from './placeBand';
import { arrowLabelBox, axisBoxes, type Box } from './placeLabels';
import { noteLineBoxes } from './placeNotes';
import { markLabelBox, spanLabelBox, SPAN_LABEL_MIN } from './placeMarks';
import { arrowSegments, crosses, ghostSegments, type Segment } from './segments';
import type { DiagramLayout, ViolationMark } from './types';

export interface TextBox extends Box {
  readonly id: string;
}

export type OverlapKind = 'label-label' | 'label-line' | 'label-note' | 'note-line';

export interface Overlap {
  readonly kind: OverlapKind;
  /** The label (or, for `note-line`, the violation note). */
  readonly a: string;
  /** The other label, the arrow whose line it sits on, or the violation note. */
  readonly b: string;
}

const named = (id: string, box: Box): TextBox => ({ id, ...box });

/** Returns the boxes of every label of the layout (not the violation notes). Pure. */
export function labelBoxes(layout: DiagramLayout): TextBox[] {
  const boxes: TextBox[] = [];
  for (const a of layout.arrows) {
    if (a.pending || !a.label) continue;
    boxes.push(named(`arrow:${a.id}`, arrowLabelBox(a)));
  }
  for (const r of layout.rows) {
    axisBoxes(r.y, r.label, r.tick).forEach((box, i) =>
      boxes.push(named(`axis:${r.row}:${i}`, box)),
    );
  }
  for (const m of layout.marks) boxes.push(named(`mark:${m.id}`, markLabelBox(m)));
  for (const g of layout.ghosts) boxes.push(named(`ghost:${g.key}`, ghostLabelBox(g)));
  for (const t of layout.timers) {
    if (t.y2 - t.y1 >= SPAN_LABEL_MIN) boxes.push(named(`timer:${t.id}`, spanLabelBox(t)));
  }
  return boxes;
}

/** Returns the boxes of the violation notes (glyph and text). Pure. */
export function noteBoxes(violations: readonly ViolationMark[]): TextBox[] {
  return violations.map((v) => {
    const chars = v.lines.reduce((n, l) => Math.max(n, l.length), 0);
    return {
      id: `note:${v.row}`,
      x0: v.noteX,
      x1: v.noteX + 24 + chars * NOTE_CHAR,
      y0: v.noteY - 13 * 0.95,
      y1: v.noteY + 16 * (v.lines.length - 1) + 13 * 0.25,
    };
  });
}

/** Returns the straight pieces of every arrow's line, ghost arrows included. */
export function arrowLines(layout: DiagramLayout): Segment[] {
  return [...layout.arrows.flatMap(arrowSegments), ...layout.ghosts.flatMap(ghostSegments)];
}

const intersect = (a: TextBox, b: TextBox): boolean =>
  Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

/**
 * Returns every overlap in `layout`: a label over another label, over any arrow's line
 * (its own included) or over a violation note, and a violation note over any arrow's line
 * (in flight and ghost arrows included). Pure.
 */
export function findOverlaps(layout: DiagramLayout): Overlap[] {
  const labels = labelBoxes(layout);
  const notes = noteBoxes(layout.violations);
  const lines = arrowLines(layout);
  const found: Overlap[] = [];
  labels.forEach((box, i) => {
    for (const other of labels.slice(i + 1)) {
      // The time axis is a fixed two-line column: only what lands on it counts.
      const axis = box.id.startsWith('axis:') && other.id.startsWith('axis:');
      if (!axis && intersect(box, other))
        found.push({ kind: 'label-label', a: box.id, b: other.id });
    }
    const hit = new Set<string>();
    for (const l of lines) {
      if (!hit.has(l.id) && crosses(l, box.x0, box.x1, box.y0, box.y1)) hit.add(l.id);
    }
    for (const id of hit) found.push({ kind: 'label-line', a: box.id, b: id });
    for (const note of notes) {
      if (intersect(box, note)) found.push({ kind: 'label-note', a: box.id, b: note.id });
    }
  });
  // A note's glyph and each line of its text (a note may wrap around a slanted line).
  for (const v of layout.violations) {
    const hit = new Set<string>();
    for (const box of noteLineBoxes(v)) {
      for (const l of lines) {
        if (!hit.has(l.id) && crosses(l, box.x0, box.x1, box.y0, box.y1)) hit.add(l.id);
      }
    }
    for (const id of hit) found.push({ kind: 'note-line', a: `note:${v.row}`, b: id });
  }
  return found;
}
