/**
 * Arrow label placement: each label goes to the first spot along its arrow that does not
 * overlap a label placed before it (in trace order), so labels of arrows that leave the same
 * row stay readable. Greedy and deterministic. Pure.
 */
import { px } from './geometry';
import { Segments } from './segments';
import type { Arrow } from './types';

interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

const BUCKET = 32;

/**
 * Approximate width of a label in px (13px semi-bold requests, 12px replies): capitals and
 * digits run wider than lower case, spaces and punctuation narrower. Pure.
 */
export function labelWidth(text: string, reply: boolean): number {
  let width = 0;
  for (const ch of text) {
    if (/[A-Z0-9_]/.test(ch)) width += 9;
    else if (/[a-z]/.test(ch)) width += 7.2;
    else width += 4.2;
  }
  return width * (reply ? 0.9 : 1) + 6;
}

/** A spatial hash of placed boxes by vertical bucket. */
class Boxes {
  private readonly buckets = new Map<number, Box[]>();

  /** Returns the area of `b` covered by placed boxes (0 when it is free). */
  overlap(b: Box): number {
    let area = 0;
    for (let k = Math.floor(b.y0 / BUCKET); k <= Math.floor(b.y1 / BUCKET); k++) {
      for (const o of this.buckets.get(k) ?? []) {
        const w = Math.min(b.x1, o.x1) - Math.max(b.x0, o.x0);
        const h = Math.min(b.y1, o.y1) - Math.max(b.y0, o.y0);
        if (w > 0 && h > 0) area += w * h;
      }
    }
    return area;
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

/** Keeps a label of `width` between the two lifelines an arrow joins, clear of both ends. */
function within(a: Arrow, x: number, width: number): number {
  if (a.dropped || a.x1 === a.x2) return x;
  const lo = Math.min(a.x1, a.x2) + width / 2 + 14;
  const hi = Math.max(a.x1, a.x2) - width / 2 - 24;
  return lo <= hi ? Math.min(Math.max(x, lo), hi) : (a.x1 + a.x2) / 2;
}

/** Candidate label baselines along an arrow, best first. */
function candidates(a: Arrow, rowHeight: number, width: number): { x: number; y: number }[] {
  const dx = a.x2 - a.x1;
  const dy = a.y2 - a.y1;
  const horizontal = Math.abs(dy) < 1;
  const t0 = horizontal ? 0.5 : Math.min(0.5, (rowHeight * 0.55) / Math.abs(dy));
  const first = a.y1 + dy * t0;
  // Which side of the line the preferred label sits on (replies in a shared row go below).
  const below = a.labelY > first;
  const spots: { x: number; y: number }[] = [{ x: within(a, a.labelX, width), y: a.labelY }];
  if (a.dropped || a.x1 === a.x2) return spots;
  const ts = horizontal ? [0.3, 0.7, 0.2, 0.8] : [t0 + 0.2, t0 + 0.4, t0 - 0.2, 0.75];
  // Nearest the preferred point first, on either side of the line.
  if (!horizontal)
    spots.push({ x: within(a, a.x1 + dx * t0, width), y: below ? first - 6 : first + 15 });
  for (const t of ts) {
    if (t <= 0.08 || t >= 0.85) continue;
    const y = a.y1 + dy * t;
    for (const side of below ? [15, -6] : [-6, 15]) {
      spots.push({ x: within(a, a.x1 + dx * t, width), y: y + side });
    }
  }
  if (horizontal) spots.push({ x: within(a, a.labelX, width), y: below ? a.y1 - 6 : a.y1 + 15 });
  return spots;
}

/** The box an arrowhead occupies. */
function headBox(a: Arrow): Box {
  return { x0: a.x2 - 11, x1: a.x2 + 11, y0: a.y2 - 7, y1: a.y2 + 7 };
}

/**
 * Returns `arrows` with each label at the spot along its arrow that covers the least: first
 * other labels and arrowheads, then other arrows' lines (the first spot when several tie),
 * kept between the lifelines the arrow joins. `obstacles` are boxes already taken (e.g. mark
 * labels). Pure.
 */
export function placeLabels(
  arrows: readonly Arrow[],
  rowHeight: number,
  obstacles: readonly Box[] = [],
): Arrow[] {
  const placed = new Boxes();
  const shafts = new Segments(arrows);
  for (const o of obstacles) placed.add(o);
  for (const a of arrows) if (a.head) placed.add(headBox(a));
  return arrows.map((a) => {
    const width = labelWidth(a.label, a.kind === 'reply');
    const spots = candidates(a, rowHeight, width);
    let free = spots[0];
    let least = Infinity;
    for (const spot of spots) {
      const box = boxAt(spot.x, spot.y, width);
      // Covering another label is worst; sitting on another arrow's line is next.
      const cost =
        placed.overlap(box) * 10 + shafts.crossings(a.id, box.x0, box.x1, box.y0, box.y1) * 400;
      if (cost < least) [free, least] = [spot, cost];
      if (cost === 0) break;
    }
    if (!free) return a;
    placed.add(boxAt(free.x, free.y, width));
    return free.x === a.labelX && free.y === a.labelY
      ? a
      : { ...a, labelX: px(free.x), labelY: px(free.y) };
  });
}

export type { Box as LabelBox };
