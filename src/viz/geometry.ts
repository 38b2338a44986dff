/**
 * Path strings for arrows and glyphs, computed with d3-path and rounded to 0.1 px so the same
 * input always yields the same markup. Pure.
 */
import { pathRound } from 'd3-path';

const round = (n: number): number => Math.round(n * 10) / 10;

/** Returns the shaft of an arrow from (x1, y1) to (x2, y2), stopping `inset` px short. Pure. */
export function shaftPath(x1: number, y1: number, x2: number, y2: number, inset: number): string {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const k = length > inset ? (length - inset) / length : 0;
  // A straight segment is built directly: it is most of the diagram and d3-path's builder
  // dominated layout time on long traces.
  return `M${round(x1)},${round(y1)}L${round(x1 + (x2 - x1) * k)},${round(y1 + (y2 - y1) * k)}`;
}

/** Returns a closed triangle whose tip is (x2, y2), pointing away from (x1, y1). Pure. */
export function headPath(x1: number, y1: number, x2: number, y2: number, size: number): string {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const spread = Math.PI / 7;
  const ax = x2 - size * Math.cos(angle - spread);
  const ay = y2 - size * Math.sin(angle - spread);
  const bx = x2 - size * Math.cos(angle + spread);
  const by = y2 - size * Math.sin(angle + spread);
  return `M${round(x2)},${round(y2)}L${round(ax)},${round(ay)}L${round(bx)},${round(by)}Z`;
}

/** Returns a loop for a message an actor sends itself, out to the right and back. Pure. */
export function loopPath(x: number, y1: number, y2: number, width: number): string {
  const p = pathRound(1);
  p.moveTo(x, y1);
  p.bezierCurveTo(x + width, y1, x + width, y2, x + 2, y2);
  return p.toString();
}

/** Returns an ✕ of half-size `r` centred on (x, y). Pure. */
export function crossPath(x: number, y: number, r: number): string {
  const p = pathRound(1);
  p.moveTo(x - r, y - r);
  p.lineTo(x + r, y + r);
  p.moveTo(x + r, y - r);
  p.lineTo(x - r, y + r);
  return p.toString();
}

/** Returns a clock face (circle and two hands) of radius `r` centred on (x, y). Pure. */
export function clockPath(x: number, y: number, r: number): string {
  const p = pathRound(1);
  p.moveTo(x + r, y);
  p.arc(x, y, r, 0, Math.PI * 2);
  p.moveTo(x, y);
  p.lineTo(x, y - r * 0.65);
  p.moveTo(x, y);
  p.lineTo(x + r * 0.5, y);
  return p.toString();
}

/** Returns a closed lightning bolt of height `2r` centred on (x, y). Pure. */
export function boltPath(x: number, y: number, r: number): string {
  const p = pathRound(1);
  p.moveTo(x + r * 0.25, y - r);
  p.lineTo(x - r * 0.55, y + r * 0.15);
  p.lineTo(x - r * 0.02, y + r * 0.15);
  p.lineTo(x - r * 0.3, y + r);
  p.lineTo(x + r * 0.55, y - r * 0.2);
  p.lineTo(x + r * 0.02, y - r * 0.2);
  p.closePath();
  return p.toString();
}

/** Returns `n` rounded to 0.1, so coordinates print identically everywhere. Pure. */
export function px(n: number): number {
  return round(n);
}
