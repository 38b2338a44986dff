/**
 * Label placement for the glyphs on lifelines (timer expiries, injected faults) and for timer
 * spans: each label goes right of its glyph or span, else lower, higher or to the left,
 * wherever it touches no arrow's line and no label placed before it. Placed before the arrow
 * labels, which then keep clear of them. Greedy and deterministic. Pure.
 */
import { px } from './geometry';
import { MARK_LABEL_DX } from './marks';
import { labelWidth, textBox, type Box, type LabelPlacer } from './placeLabels';
import type { Mark, TimerSpan } from './types';

/** Radius of the disc behind a glyph. */
const DISC = 12;
/** Timer span labels are drawn only on spans at least this tall (see TimerSpans). */
export const SPAN_LABEL_MIN = 24;

/** Returns the disc a glyph is drawn on, as a box. */
export function glyphBox(m: Mark): Box {
  return { x0: m.x - DISC, x1: m.x + DISC, y0: m.y - DISC, y1: m.y + DISC };
}

/** Returns the box of a mark's label. */
export function markLabelBox(m: Mark, labelX = m.labelX, labelY = m.labelY): Box {
  return textBox(labelX + 6, labelY, labelWidth(m.label, false), 'start', 12.5);
}

/** Returns the box of a timer span's label. */
export function spanLabelBox(t: TimerSpan, labelX = t.labelX, labelY = t.labelY): Box {
  return textBox(labelX, labelY, labelWidth(t.label, true), 'start', 11);
}

/** Returns the spot of least cost among `spots` (the first free one), as a label box maker. */
function cheapest(
  placer: LabelPlacer,
  spots: readonly { x: number; y: number }[],
  box: (x: number, y: number) => Box,
): { x: number; y: number } | undefined {
  let best: { x: number; y: number } | undefined;
  let least = Infinity;
  for (const spot of spots) {
    const cost = placer.cost(box(spot.x, spot.y));
    if (cost < least) [best, least] = [spot, cost];
    if (cost === 0) break;
  }
  return best;
}

/**
 * Returns `m` with its label at its least costly spot (right of its glyph first), and takes
 * that spot. Where an earlier placement put the label does not matter.
 */
export function placeMark(placer: LabelPlacer, m: Mark): Mark {
  const width = labelWidth(m.label, false);
  const right = m.x + MARK_LABEL_DX;
  // `labelX` is 6 px left of where the text starts.
  const left = m.x - DISC - 4 - width - 6;
  const y = px(m.y + 4);
  const spots = [
    { x: right, y },
    { x: right, y: y + 15 },
    { x: right, y: y - 15 },
    { x: left, y },
    { x: left, y: y + 15 },
    { x: left, y: y - 15 },
    ...[30, -30, 45, -45].flatMap((d) => [
      { x: right, y: y + d },
      { x: left, y: y + d },
    ]),
  ];
  const best = cheapest(placer, spots, (x, at) => markLabelBox(m, x, at)) ?? spots[0];
  if (!best) return m;
  placer.placed.add(markLabelBox(m, best.x, best.y));
  return best.x === m.labelX && best.y === m.labelY
    ? m
    : { ...m, labelX: px(best.x), labelY: px(best.y) };
}

/** Returns `t` with its label at its least costly spot beside the span, and takes that spot. */
function placeSpan(placer: LabelPlacer, t: TimerSpan): TimerSpan {
  if (t.y2 - t.y1 < SPAN_LABEL_MIN) return t;
  const width = labelWidth(t.label, true);
  const spots: { x: number; y: number }[] = [];
  for (let y = t.labelY; y <= Math.max(t.labelY, t.y2 - 4); y += 14) {
    spots.push({ x: t.labelX, y }, { x: t.x - 15 - width, y });
  }
  const best = cheapest(placer, spots, (x, y) => spanLabelBox(t, x, y)) ?? spots[0];
  if (!best) return t;
  placer.placed.add(spanLabelBox(t, best.x, best.y));
  return best.x === t.labelX && best.y === t.labelY
    ? t
    : { ...t, labelX: px(best.x), labelY: px(best.y) };
}

/**
 * Places the labels of `marks` and then of `timers` with `placer` (which knows the arrows'
 * lines and the boxes already taken); their glyph discs are taken first. Pure apart from
 * filling `placer`.
 */
export function placeGlyphLabels(
  placer: LabelPlacer,
  marks: readonly Mark[],
  timers: readonly TimerSpan[],
): { marks: Mark[]; timers: TimerSpan[] } {
  for (const m of marks) placer.placed.add(glyphBox(m));
  const placedMarks = marks.map((m) => placeMark(placer, m));
  return { marks: placedMarks, timers: timers.map((t) => placeSpan(placer, t)) };
}
