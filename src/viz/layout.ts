/**
 * The sequence diagram layout: a trace, a cursor and the enabled steps in; lifelines, rows,
 * arrows, marks, violation highlights and ghost arrows out, as plain numbers and path strings.
 * Pure and deterministic: it reads no clock, no randomness, no DOM, so the same input always
 * gives a deep-equal layout (and identical SVG markup).
 */
import type { Trace } from '../engine/replay';
import type { Model, Step } from '../engine/types';
import type { ScenarioDef } from '../scenarios/types';
import { layoutBase, type RowAlignment } from './base';
import { layoutDivergence, type DivergenceInput } from './divergence';
import { layoutGhosts } from './ghosts';
import { createGrid } from './grid';
import { actorLabels, messageTitle } from './labels';
import { defaultMetrics, type DiagramMetrics } from './metrics';
import { lifelineOrder } from './order';
import { placeBand } from './placeBand';
import { clearNote } from './placeNotes';
import { arrowSegments } from './segments';
import { layoutPending } from './pending';
import { shiftArrow, shiftMark, shiftSpan, shiftViolation, type Shift } from './shift';
import type { DiagramLayout, Row } from './types';

export interface DiagramInput {
  readonly scenario: ScenarioDef;
  readonly model: Model;
  readonly trace: Trace;
  /** Steps that have happened: 0..trace.records.length. */
  readonly cursor: number;
  /** Steps enabled at the cursor's world. */
  readonly enabled: readonly Step[];
  readonly metrics?: DiagramMetrics;
  /** When the trace is the replay of a pinned run that stops early: what the marker says. */
  readonly divergence?: DivergenceInput | null;
  /**
   * Rows shared with another diagram drawn beside this one (see `alignRows`): the same step
   * sits at the same y in both, and the band follows the cursor even past this trace's end.
   */
  readonly align?: RowAlignment;
}

function rowsOf(
  trace: Trace,
  rowY: (r: number) => number,
  top: (r: number) => number,
  h: number,
  cursor: number,
): Row[] {
  const rows: Row[] = [
    {
      row: 0,
      step: -1,
      y: rowY(0),
      top: top(0),
      height: h,
      tick: `t=${trace.worlds[0]?.clock ?? 0}`,
      label: 'start',
      key: '',
      future: false,
    },
  ];
  trace.records.forEach((record, i) => {
    const row = i + 1;
    rows.push({
      row,
      step: i,
      y: rowY(row),
      top: top(row),
      height: h,
      tick: `t=${record.clockAfter}`,
      label: `#${row}`,
      key: record.key,
      future: row > cursor,
    });
  });
  return rows;
}

/**
 * Returns the layout of a sequence diagram for a trace at a cursor. Pure. The costly,
 * cursor-independent part is computed once per trace (see `layoutBase`); moving the cursor
 * only inserts the band of ghost arrows and fades what follows.
 */
export function layoutDiagram(input: DiagramInput): DiagramLayout {
  const { scenario, model, trace } = input;
  const metrics = input.metrics ?? defaultMetrics(model.actors.length);
  const { align } = input;
  const steps = trace.records.length;
  const rows = Math.max(steps, align?.rows ?? 0);
  const cursor = Math.max(0, Math.min(Math.floor(input.cursor), steps));
  // Aligned with a longer run, the band stays level with the other diagram's cursor.
  const bandRow = align ? Math.max(0, Math.min(Math.floor(input.cursor), rows)) : cursor;
  const base = layoutBase(scenario, model, trace, metrics, align);
  const { rowHeight, lanesRight } = base;
  const grid = createGrid(
    model.actors,
    metrics,
    rowHeight,
    bandRow,
    input.enabled.length,
    rows,
    base.noteHeights,
    align?.order ?? lifelineOrder(model),
  );
  const bandTop = grid.rowTop(bandRow + 1) - grid.bandHeight;
  const label = actorLabels(model);
  const shift: Shift = {
    cursor,
    band: grid.bandHeight,
    boundary: base.grid.rowTop(cursor + 1),
    headSize: metrics.headSize,
  };
  const right = lanesRight + metrics.gutterRight;
  const divergence = input.divergence
    ? layoutDivergence(input.divergence, grid.rowTop(steps + 1) + 6, metrics.gutterLeft, right)
    : null;
  // Aligned with a longer run, the rows it has and this one has not are kept (empty).
  const arrows = [
    ...base.arrows.map((a) => shiftArrow(a, shift)),
    ...layoutPending({
      grid,
      trace,
      cursor,
      sent: base.sent,
      drawn: base.drawn,
      title: (m) => messageTitle(scenario, m, label),
    }),
  ];
  const marks = base.marks.map((m) => shiftMark(m, shift));
  const timers = base.timers.map((t) => shiftSpan(t, shift));
  // A note that a line stretched across the band now runs over moves along its row.
  const lines = arrows.flatMap(arrowSegments);
  const violations = base.violations.map((v) =>
    clearNote(
      shiftViolation(v, shift),
      base.notes.get(v.row),
      lines,
      rowHeight,
      base.noteX,
      lanesRight - 6,
    ),
  );
  const band = { top: bandTop, height: grid.bandHeight };
  const rowList = rowsOf(trace, grid.rowY, grid.rowTop, rowHeight, cursor);
  const placed = placeBand({
    arrows,
    rows: rowList,
    marks,
    timers,
    violations,
    ghosts: layoutGhosts(grid, input.enabled, label),
    cursor: bandRow,
    band,
    rowHeight,
  });
  const end = Math.max(
    grid.rowTop(rows + 1),
    grid.rowTop(steps + 1) + (divergence ? divergence.height + 6 : 0),
  );
  return {
    width: right,
    height: end + metrics.bottomPad,
    headerHeight: grid.headerHeight,
    left: 0,
    right: lanesRight + metrics.gutterRight,
    rowHeight,
    columnWidth: metrics.columnWidth,
    lifelines: grid.lifelines,
    rows: rowList,
    arrows: placed.arrows,
    marks: placed.marks,
    timers,
    violations,
    cursor: { row: cursor, y: bandTop },
    finished: cursor === steps && trace.finished && input.enabled.length === 0,
    band,
    ghosts: placed.ghosts,
    divergence,
  };
}
