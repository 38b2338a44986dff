/**
 * Labels around the band of ghost arrows, which moves with the cursor: arrows that cross the
 * band stretch, so their labels (and the arrow and glyph labels their lines, or the ghosts',
 * now run over) are placed again, and each ghost's label slides along its arrow (or to the
 * other side of its glyph) off any line crossing the band. Only what is near the band is
 * looked at, so moving the cursor stays cheap. Pure.
 */
import { px } from './geometry';
import { noteBoxes } from './overlaps';
import {
  arrowLabelBox,
  axisBoxes,
  headBox,
  LabelPlacer,
  labelWidth,
  textBox,
  type Box,
} from './placeLabels';
import { glyphBox, markLabelBox, placeMark, spanLabelBox, SPAN_LABEL_MIN } from './placeMarks';
import { arrowSegments, ghostSegments, Segments } from './segments';
import type { Arrow, Ghost, Mark, Row, TimerSpan, ViolationMark } from './types';

/** Returns the box of a ghost's label (centred on its arrow, or starting right of its glyph). */
export function ghostLabelBox(g: Ghost, labelX = g.labelX, labelY = g.labelY): Box {
  const width = labelWidth(g.label, false);
  return textBox(labelX, labelY, width, g.path ? 'middle' : 'start', 12.5);
}

/** Where a ghost's label may go, best first: along its arrow above it, then below it. */
function ghostSpots(g: Ghost): { x: number; y: number }[] {
  const width = labelWidth(g.label, false);
  if (!g.path) {
    const left = g.x1 - 16 - width;
    return [g.labelX, left].flatMap((x) => [0, 15, -15].map((d) => ({ x, y: g.labelY + d })));
  }
  const below = g.y + 14;
  if (g.x1 === g.x2) {
    // A message to oneself: beside the lifeline, else clear of a loop drawn down it (which
    // reaches 27 px right).
    const sides = [16, -16, 36, -36].map((d) => g.x1 + d + Math.sign(d) * (width / 2));
    return [g.labelY, below].flatMap((y) => sides.map((x) => ({ x, y })));
  }
  const lo = Math.min(g.x1, g.x2) + width / 2 + 10;
  const hi = Math.max(g.x1, g.x2) - width / 2 - 14;
  // A label wider than its arrow slides as far as it overhangs it.
  const [from, to] = lo <= hi ? [lo, hi] : [g.labelX - (lo - hi) / 2, g.labelX + (lo - hi) / 2];
  const at = (t: number): number => from + (to - from) * (g.x2 > g.x1 ? t : 1 - t);
  // From the middle outwards, both ways; last, past the arrowhead or behind the tail.
  const ts = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45].flatMap((d) => [0.5 - d, 0.5 + d]);
  const way = Math.sign(g.x2 - g.x1);
  const xs = [g.labelX, ...ts.map(at), g.x2 + way * (14 + width / 2), g.x1 - way * (8 + width / 2)];
  // Last, anywhere along the arrow or just beyond its ends, nearest first: a steep line
  // through it may leave room only where the label overhangs an end, or past it.
  const over: number[] = [];
  const [left, right] = [Math.min(g.x1, g.x2), Math.max(g.x1, g.x2)];
  for (let x = left - width / 2 - 60; x <= right + width / 2 + 60; x += 6) over.push(x);
  over.sort((a, b) => Math.abs(a - g.labelX) - Math.abs(b - g.labelX));
  const ys = [g.labelY, below];
  return [xs, over].flatMap((list) => ys.flatMap((y) => list.map((x) => ({ x, y }))));
}

export interface BandInput {
  readonly arrows: readonly Arrow[];
  readonly marks: readonly Mark[];
  readonly timers: readonly TimerSpan[];
  readonly violations: readonly ViolationMark[];
  readonly ghosts: readonly Ghost[];
  readonly rows: readonly Row[];
  readonly cursor: number;
  readonly band: { readonly top: number; readonly height: number };
  readonly rowHeight: number;
}

const spans = (lo: number, hi: number, a: number, b: number): boolean =>
  Math.min(a, b) <= hi && Math.max(a, b) >= lo;

/**
 * Returns the arrows, ghosts and glyph marks with the labels of the arrows crossing the band,
 * of the ghosts and of the glyphs they run over placed clear of the lines and labels around
 * them. Pure.
 */
export function placeBand(input: BandInput): { arrows: Arrow[]; ghosts: Ghost[]; marks: Mark[] } {
  const { cursor, band } = input;
  const stretched = (a: Arrow): boolean =>
    !a.pending && a.fromRow <= cursor && a.toRow > cursor && a.y1 < band.top;
  let lo = band.top;
  let hi = band.top + band.height;
  for (const a of input.arrows) {
    if (a.pending || stretched(a))
      [lo, hi] = [Math.min(lo, a.y1, a.labelY - 20), Math.max(hi, a.y2)];
  }
  lo -= 40;
  hi += 40;
  const within = (a: Arrow): boolean =>
    spans(lo, hi, a.y1, a.y2) || spans(lo, hi, a.labelY, a.labelY);
  // Labels that the stretched lines, or the lines of messages in flight (which end at the
  // band), now run over move too.
  const moved = new Set(input.arrows.filter((a) => within(a) && stretched(a)).map((a) => a.id));
  const across = new Segments(
    input.arrows.filter((a) => a.pending || stretched(a)).flatMap(arrowSegments),
  );
  for (const a of input.arrows) {
    if (a.pending || moved.has(a.id) || !within(a)) continue;
    const box = arrowLabelBox(a);
    if (across.crossing(box.x0, box.x1, box.y0, box.y1).size > 0) moved.add(a.id);
  }
  // So do the labels of glyphs (timers, faults) that those lines or the ghosts' now run over.
  input.ghosts.flatMap(ghostSegments).forEach((s) => across.add(s));
  const movedMarks = new Set(
    input.marks
      .filter((m) => {
        const box = markLabelBox(m);
        return (
          spans(lo, hi, box.y0, box.y1) && across.crossing(box.x0, box.x1, box.y0, box.y1).size > 0
        );
      })
      .map((m) => m.id),
  );
  // A moved label may go anywhere along its arrow, or around its glyph: look at everything
  // around those too.
  for (const a of input.arrows) {
    if (moved.has(a.id))
      [lo, hi] = [Math.min(lo, a.y1 - 40, a.y2 - 40), Math.max(hi, a.y1 + 40, a.y2 + 40)];
  }
  for (const m of input.marks) {
    if (movedMarks.has(m.id)) [lo, hi] = [Math.min(lo, m.y - 80), Math.max(hi, m.y + 80)];
  }
  const near = input.arrows.filter(within);
  const lines = new Segments([
    ...near.flatMap(arrowSegments),
    ...input.ghosts.flatMap(ghostSegments),
  ]);
  const placer = new LabelPlacer(lines, input.rowHeight);
  const take = (box: Box): void => {
    if (spans(lo, hi, box.y0, box.y1)) placer.placed.add(box);
  };
  for (const box of noteBoxes(input.violations)) take(box);
  for (const r of input.rows) {
    if (spans(lo, hi, r.top, r.top + r.height)) axisBoxes(r.y, r.label, r.tick).forEach(take);
  }
  for (const m of input.marks) {
    take(glyphBox(m));
    if (!movedMarks.has(m.id)) take(markLabelBox(m));
  }
  for (const t of input.timers) if (t.y2 - t.y1 >= SPAN_LABEL_MIN) take(spanLabelBox(t));
  for (const a of near) {
    if (a.head) take(headBox(a));
    if (!a.pending && !moved.has(a.id)) take(arrowLabelBox(a));
  }
  // Moved glyph labels first, as when the trace was laid out: arrow labels keep clear of them.
  const marks = input.marks.map((m) => (movedMarks.has(m.id) ? placeMark(placer, m) : m));
  // The band's own lines: every ghost's, so a label below one stays off the next.
  const ghosts = input.ghosts.map((g) => {
    let best = { x: g.labelX, y: g.labelY };
    let least = Infinity;
    for (const spot of ghostSpots(g)) {
      // A little room to each side, so rounding the spot cannot put it on a line.
      const box = ghostLabelBox(g, spot.x, spot.y);
      const cost = placer.cost({ ...box, x0: box.x0 - 1, x1: box.x1 + 1 });
      if (cost < least) [best, least] = [spot, cost];
      if (cost === 0) break;
    }
    placer.placed.add(ghostLabelBox(g, best.x, best.y));
    return best.x === g.labelX && best.y === g.labelY
      ? g
      : { ...g, labelX: px(best.x), labelY: px(best.y) };
  });
  const arrows = input.arrows.map((a) => (moved.has(a.id) ? placer.place(a) : a));
  return { arrows, ghosts, marks };
}
