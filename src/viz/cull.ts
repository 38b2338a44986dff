/**
 * Viewport culling: the part of a layout that intersects a vertical range, so a long trace
 * renders only what is on screen (plus a margin). Pure.
 */
import type { DiagramLayout, Row } from './types';

/** Traces with at least this many rows are culled to the viewport. */
export const CULL_THRESHOLD = 300;

/** Returns whether a layout is long enough to be culled. Pure. */
export function shouldCull(layout: DiagramLayout): boolean {
  return layout.rows.length >= CULL_THRESHOLD;
}

/** Returns the index of the first row whose bottom edge is at or below `y` (rows sorted by y). */
function firstRowBelow(rows: readonly Row[], y: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid];
    if (row && row.top + row.height < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const overlaps = (a: number, b: number, yMin: number, yMax: number): boolean =>
  Math.min(a, b) <= yMax && Math.max(a, b) >= yMin;

/**
 * Returns a copy of `layout` keeping only the rows, arrows, marks, timers and violations that
 * intersect `[yMin, yMax]`. Lifelines, the cursor and the ghosts are always kept. Pure.
 */
export function visibleLayout(layout: DiagramLayout, yMin: number, yMax: number): DiagramLayout {
  const start = firstRowBelow(layout.rows, yMin);
  const rows: Row[] = [];
  for (let i = start; i < layout.rows.length; i++) {
    const row = layout.rows[i];
    if (!row || row.top > yMax) break;
    rows.push(row);
  }
  return {
    ...layout,
    rows,
    arrows: layout.arrows.filter(
      (a) => overlaps(a.y1, a.y2, yMin, yMax) || overlaps(a.labelY, a.labelY, yMin, yMax),
    ),
    marks: layout.marks.filter((m) => overlaps(m.y - 10, m.y + 10, yMin, yMax)),
    timers: layout.timers.filter((t) => overlaps(t.y1, t.y2, yMin, yMax)),
    violations: layout.violations.filter((v) =>
      overlaps(v.top, Math.max(v.top + v.height, v.noteY + 15 * v.lines.length), yMin, yMax),
    ),
  };
}
