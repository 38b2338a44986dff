/**
 * Arrow lines as straight segments, and a spatial index of them to count how many arrows a
 * label box would sit on. Pure data structure (deterministic, no I/O).
 */
import type { Arrow, Ghost } from './types';

const BUCKET = 32;

/** A straight piece of the line of the arrow `id`. */
export interface Segment {
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** How far right of its lifeline a loop (a message to oneself) reaches. */
const LOOP_REACH = 27;

/** Returns the straight pieces of an arrow's line (a loop as the three sides of its box). */
export function arrowSegments(a: Arrow): Segment[] {
  if (a.from === a.to && !a.dropped && !a.pending) {
    const out = a.x1 + LOOP_REACH;
    return [
      { id: a.id, x1: a.x1, y1: a.y1, x2: out, y2: a.y1 },
      { id: a.id, x1: out, y1: a.y1, x2: out, y2: a.y2 },
      { id: a.id, x1: out, y1: a.y2, x2: a.x1, y2: a.y2 },
    ];
  }
  return [{ id: a.id, x1: a.x1, y1: a.y1, x2: a.x2, y2: a.y2 }];
}

/** Returns the line of a ghost arrow (none for a glyph). */
export function ghostSegments(g: Ghost): Segment[] {
  return g.path ? [{ id: `ghost:${g.key}`, x1: g.x1, y1: g.y, x2: g.x2, y2: g.y }] : [];
}

/** Whether the segment crosses the box: clip its x-range to the box, then compare y-ranges. */
export function crosses(
  s: Omit<Segment, 'id'>,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): boolean {
  const lo = Math.max(Math.min(s.x1, s.x2), x0);
  const hi = Math.min(Math.max(s.x1, s.x2), x1);
  if (lo > hi) return false;
  if (s.x1 === s.x2) return Math.max(s.y1, s.y2) >= y0 && Math.min(s.y1, s.y2) <= y1;
  const slope = (s.y2 - s.y1) / (s.x2 - s.x1);
  const ya = s.y1 + (lo - s.x1) * slope;
  const yb = s.y1 + (hi - s.x1) * slope;
  return Math.max(ya, yb) >= y0 && Math.min(ya, yb) <= y1;
}

/** Segments bucketed by the rows of pixels they span. */
export class Segments {
  private readonly buckets = new Map<number, Segment[]>();

  constructor(segments: Iterable<Segment>) {
    for (const s of segments) this.add(s);
  }

  add(s: Segment): void {
    const top = Math.floor(Math.min(s.y1, s.y2) / BUCKET);
    const bottom = Math.floor(Math.max(s.y1, s.y2) / BUCKET);
    for (let k = top; k <= bottom; k++) {
      const list = this.buckets.get(k) ?? [];
      list.push(s);
      this.buckets.set(k, list);
    }
  }

  /** Returns the ids of the arrows whose lines cross the box. */
  crossing(x0: number, x1: number, y0: number, y1: number): Set<string> {
    const seen = new Set<string>();
    for (let k = Math.floor(y0 / BUCKET); k <= Math.floor(y1 / BUCKET); k++) {
      for (const s of this.buckets.get(k) ?? []) {
        if (!seen.has(s.id) && crosses(s, x0, x1, y0, y1)) seen.add(s.id);
      }
    }
    return seen;
  }
}
