/**
 * Arrow label placement: each label goes to the first spot along its arrow that does not
 * overlap a label placed before it (in trace order), so labels of arrows that leave the same
 * row stay readable. Greedy and deterministic. Pure.
 */
import { px } from './geometry';
import type { Arrow } from './types';

interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

const BUCKET = 32;

/** Approximate width of a label in px: upper-case request labels run wider than replies. */
export function labelWidth(text: string, reply: boolean): number {
  return text.length * (reply ? 6.6 : 8) + 6;
}

/** A spatial hash of placed boxes by vertical bucket. */
class Boxes {
  private readonly buckets = new Map<number, Box[]>();

  overlaps(b: Box): boolean {
    for (let k = Math.floor(b.y0 / BUCKET); k <= Math.floor(b.y1 / BUCKET); k++) {
      for (const o of this.buckets.get(k) ?? []) {
        if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return true;
      }
    }
    return false;
  }

  add(b: Box): void {
    for (let k = Math.floor(b.y0 / BUCKET); k <= Math.floor(b.y1 / BUCKET); k++) {
      const list = this.buckets.get(k) ?? [];
      list.push(b);
      this.buckets.set(k, list);
    }
  }
}

function boxAt(x: number, baseline: number, width: number): Box {
  return { x0: x - width / 2, x1: x + width / 2, y0: baseline - 12, y1: baseline + 3 };
}

/** Candidate label baselines along an arrow, best first. */
function candidates(a: Arrow, rowHeight: number): { x: number; y: number }[] {
  const dx = a.x2 - a.x1;
  const dy = a.y2 - a.y1;
  const horizontal = Math.abs(dy) < 1;
  const t0 = horizontal ? 0.5 : Math.min(0.5, (rowHeight * 0.55) / Math.abs(dy));
  const below = a.labelY > a.y1;
  const spots: { x: number; y: number }[] = [{ x: a.labelX, y: a.labelY }];
  const ts = horizontal ? [0.3, 0.7, 0.2, 0.8] : [t0 + 0.2, t0 + 0.4, t0 - 0.2, 0.75, 0.9];
  for (const t of ts) {
    if (t <= 0.08 || t >= 0.93) continue;
    const y = a.y1 + dy * t;
    spots.push({ x: a.x1 + dx * t, y: below ? y + 15 : y - 6 });
  }
  if (horizontal) spots.push({ x: a.labelX, y: below ? a.y1 - 6 : a.y1 + 15 });
  return spots;
}

/**
 * Returns `arrows` with labels moved off earlier labels where a free spot along the arrow
 * exists (otherwise the first choice stays). `obstacles` are boxes already taken (e.g. mark
 * labels). Pure.
 */
export function placeLabels(
  arrows: readonly Arrow[],
  rowHeight: number,
  obstacles: readonly Box[] = [],
): Arrow[] {
  const placed = new Boxes();
  for (const o of obstacles) placed.add(o);
  return arrows.map((a) => {
    const width = labelWidth(a.label, a.kind === 'reply');
    const spots = candidates(a, rowHeight);
    const free = spots.find((s) => !placed.overlaps(boxAt(s.x, s.y, width))) ?? spots[0];
    if (!free) return a;
    placed.add(boxAt(free.x, free.y, width));
    return free.x === a.labelX && free.y === a.labelY
      ? a
      : { ...a, labelX: px(free.x), labelY: px(free.y) };
  });
}

export type { Box as LabelBox };
