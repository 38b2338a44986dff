/**
 * The part of a diagram layout that does not depend on the cursor: everything laid out as if
 * no band of ghost arrows were inserted (arrows, their labels, marks, notes). It is the costly
 * part (label placement), so it is computed once per trace and reused while the cursor moves.
 * Pure: the cache only remembers results of a pure function, keyed by the input objects.
 */
import type { Trace } from '../engine/replay';
import type { Model } from '../engine/types';
import type { ScenarioDef } from '../scenarios/types';
import { layoutArrows, sentRows } from './arrows';
import { createGrid, type Grid } from './grid';
import { actorLabels, messageTitle } from './labels';
import {
  layoutMarks,
  layoutViolations,
  noteHeight,
  violationNotes,
  type ViolationNote,
} from './marks';
import { lifelineOrder } from './order';
import { rowHeightFor, type DiagramMetrics } from './metrics';
import { layoutPending } from './pending';
import { linesIn, noteRange, placeNotes, settleNotes } from './placeNotes';
import { axisBoxes, headBox, LabelPlacer } from './placeLabels';
import { placeGlyphLabels } from './placeMarks';
import { arrowSegments, Segments } from './segments';
import { layoutTimerSpans } from './timers';
import type { Arrow, Mark, TimerSpan, ViolationMark } from './types';

/** A layout with every row in place and no band (as if the cursor were past the end). */
export interface BaseLayout {
  readonly metrics: DiagramMetrics;
  readonly rowHeight: number;
  readonly lanesRight: number;
  readonly noteHeights: ReadonlyMap<number, number>;
  readonly notes: ReadonlyMap<number, ViolationNote>;
  readonly noteX: number;
  /** Grid without a band; its `rowTop` gives the unshifted rows. */
  readonly grid: Grid;
  /** The row each message was sent in. */
  readonly sent: ReadonlyMap<string, number>;
  /** Ids of the messages that have an arrow (delivered or dropped somewhere in the trace). */
  readonly drawn: ReadonlySet<string>;
  readonly arrows: readonly Arrow[];
  readonly marks: readonly Mark[];
  readonly timers: readonly TimerSpan[];
  readonly violations: readonly ViolationMark[];
}

/** The vertical shape of a trace's rows: their height and the notes inserted below some. */
export interface RowShape {
  readonly rowHeight: number;
  readonly noteHeights: ReadonlyMap<number, number>;
}

/**
 * Rows shared by diagrams drawn side by side: the tallest row height, the tallest note below
 * each row and how many rows to make room for, so the same step sits at the same y in each.
 */
export interface RowAlignment extends RowShape {
  readonly rows: number;
  /**
   * One lifeline order for every side (see `sharedLifelineOrder`): an actor that several sides
   * have sits in the same column in each; a column whose actor a side lacks is left empty there.
   */
  readonly order?: readonly string[];
}

const noteXOf = (metrics: DiagramMetrics): number => metrics.gutterLeft + 12;
/** Right edge of the lanes: a column per actor, and per actor of a shared `order` it lacks. */
const lanesRightOf = (model: Model, metrics: DiagramMetrics, order: readonly string[] = []) =>
  metrics.gutterLeft +
  new Set([...order, ...model.actors.map((a) => a.id)]).size * metrics.columnWidth;

/** Returns the violation notes of a trace; `harm` are the scenario's harm invariant ids. */
function notesOf(
  model: Model,
  trace: Trace,
  metrics: DiagramMetrics,
  harm: readonly string[],
  order?: readonly string[],
) {
  return violationNotes(trace, lanesRightOf(model, metrics, order) - noteXOf(metrics) - 30, harm);
}

/** Where notes may go: from the left of the lifelines to the end of the last column. */
const noteBounds = (model: Model, metrics: DiagramMetrics): [number, number] => [
  noteXOf(metrics),
  lanesRightOf(model, metrics) - 6,
];

/**
 * Returns the lines of a trace's diagram with `noteHeights` (every message's arrow, and the
 * messages still in flight at its end drawn down to it) and the top of each note row.
 */
function lineGeometry(
  model: Model,
  trace: Trace,
  metrics: DiagramMetrics,
  rowHeight: number,
  noteHeights: ReadonlyMap<number, number>,
  rows = trace.records.length,
) {
  const order = lifelineOrder(model);
  const at = (cursor: number) =>
    createGrid(model.actors, metrics, rowHeight, cursor, 0, rows, noteHeights, order);
  const grid = at(Infinity);
  const sent = sentRows(trace);
  const title = (): string => '';
  const arrows = layoutArrows({ grid, trace, sent, violationRows: new Set(), title });
  const drawn = new Set(arrows.map((a) => a.id));
  const cursor = trace.records.length;
  const pending = layoutPending({ grid: at(cursor), trace, cursor, sent, drawn, title });
  return {
    noteTop: (row: number) => grid.rowTop(row) + rowHeight,
    lines: [...arrows, ...pending].flatMap(arrowSegments),
  };
}

/**
 * Returns the row height and note heights a trace needs on its own (`harm`: the scenario's
 * harm invariant ids, which decide how notes read): each note row tall enough for its note
 * to sit clear of the lines that cross it. Pure.
 */
export function rowShape(
  model: Model,
  trace: Trace,
  metrics: DiagramMetrics,
  harm: readonly string[] = [],
): RowShape {
  const maxDelivered = trace.records.reduce((n, r) => Math.max(n, r.delivered.length), 1);
  const rowHeight = rowHeightFor(metrics, model.granularity, maxDelivered);
  const notes = notesOf(model, trace, metrics, harm);
  const full = new Map([...notes].map(([row, note]) => [row, noteHeight(note)]));
  const [left, right] = noteBounds(model, metrics);
  const geometry = (heights: ReadonlyMap<number, number>) =>
    lineGeometry(model, trace, metrics, rowHeight, heights);
  return { rowHeight, noteHeights: settleNotes(notes, full, geometry, left, right).heights };
}

function computeBase(
  scenario: ScenarioDef,
  model: Model,
  trace: Trace,
  metrics: DiagramMetrics,
  align: RowAlignment | undefined,
): BaseLayout {
  const steps = trace.records.length;
  const { rowHeight, noteHeights } = align ?? rowShape(model, trace, metrics, scenario.harm);
  const order = align?.order ?? lifelineOrder(model);
  const lanesRight = lanesRightOf(model, metrics, order);
  const noteX = noteXOf(metrics);
  const notes = notesOf(model, trace, metrics, scenario.harm, order);
  const rows = Math.max(steps, align?.rows ?? 0);
  const grid = createGrid(model.actors, metrics, rowHeight, Infinity, 0, rows, noteHeights, order);
  const label = actorLabels(model);
  const [left, right] = noteBounds(model, metrics);
  const { noteTop, lines } = lineGeometry(model, trace, metrics, rowHeight, noteHeights, rows);
  const places = placeNotes(notes, noteHeights, noteTop, lines, left, right);
  const violations = layoutViolations(grid, notes, noteX, places);
  const sent = sentRows(trace);
  const shapes = layoutArrows({
    grid,
    trace,
    sent,
    violationRows: new Set(violations.filter((v) => v.harm).map((v) => v.row)),
    title: (m) => messageTitle(scenario, m, label),
  });
  // Labels keep clear of every line, of the violation notes and of each other: first the
  // glyphs' and timer spans' labels, then the arrows' in trace order.
  const placer = new LabelPlacer(new Segments(shapes.flatMap(arrowSegments)), rowHeight);
  // The whole of each note row's text area, so a note may move along it as the cursor moves.
  for (const v of violations) {
    const [y0, y1] = noteRange(v.top + rowHeight, linesIn(v.height - rowHeight));
    placer.placed.add({ x0: left, x1: right, y0, y1 });
  }
  // The time axis: 'start', then a step number as wide as the last one's, and a clock.
  for (let r = 0; r <= rows; r++) {
    const label = r === 0 ? 'start' : `#${rows}`;
    for (const box of axisBoxes(grid.rowY(r), label, 't=0000')) placer.placed.add(box);
  }
  for (const a of shapes) if (a.head) placer.placed.add(headBox(a));
  const placed = placeGlyphLabels(
    placer,
    layoutMarks(grid, trace, model),
    layoutTimerSpans(grid, trace),
  );
  const { marks } = placed;
  const arrows = shapes.map((a) => placer.place(a));
  const drawn = new Set(arrows.map((a) => a.id));
  return {
    metrics,
    rowHeight,
    lanesRight,
    noteHeights,
    notes,
    noteX,
    grid,
    sent,
    drawn,
    arrows,
    marks,
    timers: placed.timers,
    violations,
  };
}

interface Cached {
  readonly scenario: ScenarioDef;
  readonly metrics: DiagramMetrics;
  readonly align: RowAlignment | undefined;
  readonly base: BaseLayout;
}

const cache = new WeakMap<Trace, WeakMap<Model, Cached>>();

/**
 * Returns the cursor-independent layout of `trace` (with its rows aligned to `align` when
 * given), reusing the last one for the same inputs.
 */
export function layoutBase(
  scenario: ScenarioDef,
  model: Model,
  trace: Trace,
  metrics: DiagramMetrics,
  align?: RowAlignment,
): BaseLayout {
  const byModel = cache.get(trace) ?? new WeakMap<Model, Cached>();
  cache.set(trace, byModel);
  const hit = byModel.get(model);
  if (hit && hit.scenario === scenario && hit.metrics === metrics && hit.align === align)
    return hit.base;
  const base = computeBase(scenario, model, trace, metrics, align);
  byModel.set(model, { scenario, metrics, align, base });
  return base;
}

/**
 * Returns the alignment of diagrams of `sides` drawn side by side with `metrics` (`harm`: the
 * scenario's harm invariant ids). Pure.
 */
export function alignRows(
  sides: readonly { readonly model: Model; readonly trace: Trace }[],
  metrics: DiagramMetrics,
  harm: readonly string[] = [],
): RowAlignment {
  let rowHeight = 0;
  let rows = 0;
  const noteHeights = new Map<number, number>();
  for (const { model, trace } of sides) {
    const shape = rowShape(model, trace, metrics, harm);
    rowHeight = Math.max(rowHeight, shape.rowHeight);
    rows = Math.max(rows, trace.records.length);
    for (const [row, h] of shape.noteHeights)
      noteHeights.set(row, Math.max(h, noteHeights.get(row) ?? 0));
  }
  return { rowHeight, noteHeights, rows };
}
