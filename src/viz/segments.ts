/**
 * A spatial index of arrow shafts, to count how many other arrows a label box would sit on.
 * Pure data structure (deterministic, no I/O).
 */
import type { Arrow } from './types';

const BUCKET = 32;

interface Segment {
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Whether the segment crosses the box: clip its x-range to the box, then compare y-ranges. */
function crosses(s: Segment, x0: number, x1: number, y0: number, y1: number): boolean {
  const lo = Math.max(Math.min(s.x1, s.x2), x0);
  const hi = Math.min(Math.max(s.x1, s.x2), x1);
  if (lo > hi) return false;
  if (s.x1 === s.x2) return Math.max(s.y1, s.y2) >= y0 && Math.min(s.y1, s.y2) <= y1;
  const slope = (s.y2 - s.y1) / (s.x2 - s.x1);
  const ya = s.y1 + (lo - s.x1) * slope;
  const yb = s.y1 + (hi - s.x1) * slope;
  return Math.max(ya, yb) >= y0 && Math.min(ya, yb) <= y1;
}

/** Arrow shafts bucketed by the rows of pixels they span. */
export class Segments {
  private readonly buckets = new Map<number, Segment[]>();

  constructor(arrows: readonly Arrow[]) {
    for (const a of arrows) {
      if (a.x1 === a.x2) continue;
      const segment = { id: a.id, x1: a.x1, y1: a.y1, x2: a.x2, y2: a.y2 };
      const top = Math.floor(Math.min(a.y1, a.y2) / BUCKET);
      const bottom = Math.floor(Math.max(a.y1, a.y2) / BUCKET);
      for (let k = top; k <= bottom; k++) {
        const list = this.buckets.get(k) ?? [];
        list.push(segment);
        this.buckets.set(k, list);
      }
    }
  }

  /** Returns how many arrows other than `own` cross the box. */
  crossings(own: string, x0: number, x1: number, y0: number, y1: number): number {
    const seen = new Set<string>();
    for (let k = Math.floor(y0 / BUCKET); k <= Math.floor(y1 / BUCKET); k++) {
      for (const s of this.buckets.get(k) ?? []) {
        if (s.id !== own && !seen.has(s.id) && crosses(s, x0, x1, y0, y1)) seen.add(s.id);
      }
    }
    return seen.size;
  }
}
