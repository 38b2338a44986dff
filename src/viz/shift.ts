/**
 * Inserting the band of ghost arrows below the cursor: everything of a row after the cursor
 * moves down by the band's height and is marked as future; arrows that cross the cursor
 * stretch. Items that do not move are returned as the same objects. Pure.
 */
import { boltPath, clockPath, crossPath, headPath, loopPath, px, shaftPath } from './geometry';
import type { Arrow, Mark, TimerSpan, ViolationMark } from './types';

/** Where the band goes: rows after `cursor` move down by `band`; `boundary` is the unshifted y
 * of the first such row. */
export interface Shift {
  readonly cursor: number;
  readonly band: number;
  readonly boundary: number;
  readonly headSize: number;
}

function geometry(a: Arrow, y1: number, y2: number, headSize: number) {
  if (a.from === a.to && !a.dropped) {
    return {
      path: loopPath(a.x1, y1, y2, 36),
      head: headPath(a.x1 + 30, y2, a.x1, y2, headSize),
      cross: '',
    };
  }
  return {
    path: shaftPath(a.x1, y1, a.x2, y2, a.dropped ? 0 : headSize * 0.8),
    head: a.dropped ? '' : headPath(a.x1, y1, a.x2, y2, headSize),
    cross: a.dropped ? crossPath(a.x2, y2, 6) : '',
  };
}

/** Returns the arrow as drawn with the band inserted. Pure. */
export function shiftArrow(a: Arrow, s: Shift): Arrow {
  if (a.toRow <= s.cursor) return a;
  const y1 = px(a.fromRow > s.cursor ? a.y1 + s.band : a.y1);
  const y2 = px(a.y2 + s.band);
  const labelY = px(a.labelY >= s.boundary ? a.labelY + s.band : a.labelY);
  return { ...a, y1, y2, labelY, ...geometry(a, y1, y2, s.headSize), future: true };
}

/** Returns the mark as drawn with the band inserted. Pure. */
export function shiftMark(m: Mark, s: Shift): Mark {
  if (m.row <= s.cursor) return m;
  const y = px(m.y + s.band);
  const glyph = m.kind === 'timer' ? clockPath(m.x, y, 8) : boltPath(m.x, y, 9);
  return { ...m, y, labelY: px(m.labelY + s.band), glyph, future: true };
}

/** Returns the violation highlight as drawn with the band inserted. Pure. */
export function shiftViolation(v: ViolationMark, s: Shift): ViolationMark {
  if (v.row <= s.cursor) return v;
  return {
    ...v,
    y: px(v.y + s.band),
    top: px(v.top + s.band),
    noteY: px(v.noteY + s.band),
    future: true,
  };
}

/** Returns the timer span as drawn with the band inserted. Pure. */
export function shiftSpan(t: TimerSpan, s: Shift): TimerSpan {
  if (t.toRow <= s.cursor) return t;
  const moved = t.fromRow > s.cursor;
  const y1 = moved ? px(t.y1 + s.band) : t.y1;
  const labelY = moved || t.labelY >= s.boundary ? px(t.labelY + s.band) : t.labelY;
  return { ...t, y1, labelY, y2: px(t.y2 + s.band), future: moved };
}
