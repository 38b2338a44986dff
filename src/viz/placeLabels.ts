/**
 * Arrow label placement: each label goes to the first spot beside its arrow (above or below
 * it, or to its side where it is steep, at several points along it) that touches no label
 * placed before it (in trace order), no arrowhead or obstacle, and no arrow's line, its own
 * included. Greedy and deterministic. Pure.
 */
import { px } from './geometry';
import { crosses, type Segments, type Segment } from './segments';
import type { Arrow } from './types';

export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

const BUCKET = 32;
/** Clear space kept between a label and a line. */
const GAP = 2.5;

/**
 * Approximate width of a label in px (13px semi-bold requests, 12px replies): capitals and
 * digits run wider than lower case, spaces and punctuation narrower. Pure.
 */
export function labelWidth(text: string, reply: boolean): number {
  let width = 0;
  for (const ch of text) {
    if (/[A-Z0-9]/.test(ch)) width += 9.7;
    else if (ch === '_') width += 7;
    else if (/[a-z]/.test(ch)) width += 8;
    else width += 4.6;
  }
  return width * (reply ? 0.86 : 1) + 6;
}

/** Ascent and descent of the diagram's type, as fractions of the font size. */
const ASCENT = 1;
const DESCENT = 0.31;

/** Returns the box of a text `width` px wide with its baseline at `y`, anchored at `x`. Pure. */
export function textBox(
  x: number,
  y: number,
  width: number,
  anchor: 'start' | 'middle',
  size = 13,
): Box {
  const x0 = anchor === 'middle' ? x - width / 2 : x;
  return { x0, x1: x0 + width, y0: y - size * ASCENT, y1: y + size * DESCENT };
}

/** Returns the boxes of a row's step number and clock on the time axis (see `TimeAxis`). */
export function axisBoxes(y: number, label: string, tick: string): Box[] {
  return [
    textBox(10, y - 2, labelWidth(label, false), 'start', 12.5),
    textBox(10, y + 13, labelWidth(tick, true), 'start', 11.5),
  ];
}

/** Font size of an arrow's label. */
export const labelSize = (a: Arrow): number => (a.kind === 'reply' ? 12 : 13);

/** Returns the box of an arrow's label (at `x`, `y` when given). Pure. */
export function arrowLabelBox(a: Arrow, x = a.labelX, y = a.labelY): Box {
  return textBox(x, y, labelWidth(a.label, a.kind === 'reply'), 'middle', labelSize(a));
}

/** A spatial hash of placed boxes by vertical bucket. */
export class Boxes {
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

/**
 * Keeps a label of `width` between the two lifelines an arrow joins, clear of both ends; one
 * wider than that ends just short of the arrowhead and runs out past the tail.
 */
function within(a: Arrow, x: number, width: number): number {
  if (a.dropped || a.x1 === a.x2) return x;
  const lo = Math.min(a.x1, a.x2) + width / 2 + 14;
  const hi = Math.max(a.x1, a.x2) - width / 2 - 24;
  if (lo <= hi) return Math.min(Math.max(x, lo), hi);
  return a.x2 > a.x1 ? a.x2 - 16 - width / 2 : a.x2 + 16 + width / 2;
}

/** The y-range of a straight arrow's line over the x-range [xa, xb] (its ends if outside). */
function yRange(a: Arrow, xa: number, xb: number): [number, number] {
  const lo = Math.max(Math.min(a.x1, a.x2), xa);
  const hi = Math.min(Math.max(a.x1, a.x2), xb);
  const at = (x: number): number => a.y1 + ((x - a.x1) * (a.y2 - a.y1)) / (a.x2 - a.x1);
  if (lo > hi) return [Math.min(a.y1, a.y2), Math.max(a.y1, a.y2)];
  return [Math.min(at(lo), at(hi)), Math.max(at(lo), at(hi))];
}

/** The x-range of a straight arrow's line over the y-range [ya, yb]. */
function xRange(a: Arrow, ya: number, yb: number): [number, number] {
  const lo = Math.max(Math.min(a.y1, a.y2), ya);
  const hi = Math.min(Math.max(a.y1, a.y2), yb);
  const at = (y: number): number => a.x1 + ((y - a.y1) * (a.x2 - a.x1)) / (a.y2 - a.y1);
  if (lo > hi) return [Math.min(a.x1, a.x2), Math.max(a.x1, a.x2)];
  return [Math.min(at(lo), at(hi)), Math.max(at(lo), at(hi))];
}

interface Spot {
  readonly x: number;
  readonly y: number;
}

/** Spots beside the point of an arrow at `t`: above, below, and for a slanted one its sides. */
function spotsAt(a: Arrow, t: number, width: number, size: number, below: boolean): Spot[] {
  const x = within(a, a.x1 + (a.x2 - a.x1) * t, width);
  const [top, bottom] = yRange(a, x - width / 2 - GAP, x + width / 2 + GAP);
  const over = { x, y: top - GAP - size * DESCENT };
  const under = { x, y: bottom + GAP + size * ASCENT };
  const spots = below ? [under, over] : [over, under];
  if (Math.abs(a.y2 - a.y1) < 1) return spots;
  // Level with the point, clear of the line to its right or left.
  const y = a.y1 + (a.y2 - a.y1) * t + size * 0.35;
  const [left, right] = xRange(a, y - size * ASCENT - GAP, y + size * DESCENT + GAP);
  spots.push({ x: right + GAP + width / 2, y }, { x: left - GAP - width / 2, y });
  return spots;
}

/** Candidate label spots for an arrow, best first. */
function candidates(a: Arrow, rowHeight: number, width: number): Spot[] {
  const size = labelSize(a);
  const first: Spot = { x: within(a, a.labelX, width), y: a.labelY };
  if (a.dropped || a.x1 === a.x2) {
    // Beside the cross or the loop: level, then a line lower or higher, then the other side.
    const other = { x: 2 * a.x2 - first.x, y: first.y };
    return [first, other].flatMap((s) => [s, { ...s, y: s.y + 15 }, { ...s, y: s.y - 15 }]);
  }
  const dy = a.y2 - a.y1;
  const t0 = Math.abs(dy) < 1 ? 0.5 : Math.min(0.5, (rowHeight * 0.55) / Math.abs(dy));
  // Which side of the line the preferred label sits on (replies in a shared row go below).
  const below = a.labelY > a.y1 + dy * t0;
  const ts = [t0, t0 + 0.12, t0 - 0.12, t0 + 0.25, 0.5, t0 + 0.4, 0.65, 0.3, 0.8, 0.2, 0.12];
  // Then every twentieth of the way, for crowded spots.
  for (let k = 2; k < 18; k++) ts.push(k / 20);
  const spots: Spot[] = [first];
  for (const t of ts) {
    if (t <= 0.05 || t >= 0.9) continue;
    spots.push(...spotsAt(a, t, width, size, below));
  }
  // Last, level with an end: past the arrowhead, or behind the tail.
  const way = Math.sign(a.x2 - a.x1);
  spots.push(
    { x: a.x2 + way * (14 + width / 2), y: a.y2 + size * 0.35 },
    { x: a.x1 - way * (8 + width / 2), y: a.y1 + size * 0.35 },
  );
  return spots;
}

/** How far (px) a label found by the last-resort search may sit from its arrow's line. */
const NEAR = 24;

/** The distance from a box to the nearest of `points`. */
function distance(box: Box, points: readonly Spot[]): number {
  let least = Infinity;
  for (const p of points) {
    const dx = Math.max(box.x0 - p.x, 0, p.x - box.x1);
    const dy = Math.max(box.y0 - p.y, 0, p.y - box.y1);
    least = Math.min(least, Math.hypot(dx, dy));
  }
  return least;
}

/**
 * Last-resort spots for a crowded arrow: every spot on a grid around its line whose box comes
 * within `NEAR` px of the line, nearest to the preferred spot first.
 */
function nearSpots(a: Arrow, width: number, size: number): Spot[] {
  const points = Array.from({ length: 17 }, (_, k) => ({
    x: a.x1 + ((a.x2 - a.x1) * k) / 16,
    y: a.y1 + ((a.y2 - a.y1) * k) / 16,
  }));
  const spots: Spot[] = [];
  const [left, right] = [Math.min(a.x1, a.x2) - width / 2, Math.max(a.x1, a.x2) + width / 2];
  const [top, bottom] = [Math.min(a.y1, a.y2) - NEAR, Math.max(a.y1, a.y2) + NEAR + size];
  for (let y = top; y <= bottom; y += 4) {
    for (let x = left; x <= right; x += 6) {
      if (distance(textBox(x, y, width, 'middle', size), points) <= NEAR) spots.push({ x, y });
    }
  }
  const d = (s: Spot): number => Math.hypot(s.x - a.labelX, s.y - a.labelY);
  return spots.sort((p, q) => d(p) - d(q));
}

/** The box an arrowhead occupies. */
export function headBox(a: Arrow): Box {
  return { x0: a.x2 - 11, x1: a.x2 + 11, y0: a.y2 - 7, y1: a.y2 + 7 };
}

/** Places labels one at a time against the boxes and lines already there. */
export class LabelPlacer {
  readonly placed = new Boxes();

  constructor(
    private readonly lines: Segments,
    private readonly rowHeight: number,
  ) {}

  /** Returns what covering `box` costs: labels worst, then lines (`own` an arrow's line). */
  cost(box: Box, own: readonly Segment[] = []): number {
    let lines = this.lines.crossing(box.x0, box.x1, box.y0, box.y1).size;
    for (const s of own) if (crosses(s, box.x0, box.x1, box.y0, box.y1)) lines++;
    return this.placed.overlap(box) * 10 + lines * 400;
  }

  /** Returns `a` with its label at its least costly spot, and takes that spot. */
  place(a: Arrow): Arrow {
    const width = labelWidth(a.label, a.kind === 'reply');
    const size = labelSize(a);
    let free: Spot | undefined;
    let least = Infinity;
    for (const spot of candidates(a, this.rowHeight, width)) {
      const cost = this.cost(textBox(spot.x, spot.y, width, 'middle', size));
      if (cost < least) [free, least] = [spot, cost];
      if (cost === 0) break;
    }
    // Nothing beside the line is free: look around it (not for loops and lost messages).
    if (least > 0 && !a.dropped && a.x1 !== a.x2) {
      for (const spot of nearSpots(a, width, size)) {
        const box = textBox(spot.x, spot.y, width, 'middle', size);
        // A little room to each side, so rounding the spot cannot put it on a line.
        if (this.cost({ ...box, x0: box.x0 - 1, x1: box.x1 + 1 }) > 0) continue;
        free = spot;
        break;
      }
    }
    if (!free) return a;
    this.placed.add(textBox(free.x, free.y, width, 'middle', size));
    return free.x === a.labelX && free.y === a.labelY
      ? a
      : { ...a, labelX: px(free.x), labelY: px(free.y) };
  }
}

export type { Box as LabelBox };
