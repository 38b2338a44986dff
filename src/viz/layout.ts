/**
 * The sequence diagram layout: a trace, a cursor and the enabled steps in; lifelines, rows,
 * arrows, marks, violation highlights and ghost arrows out, as plain numbers and path strings.
 * Pure and deterministic: it reads no clock, no randomness, no DOM, so the same input always
 * gives a deep-equal layout (and identical SVG markup).
 */
import type { Trace } from '../engine/replay';
import type { Model, Step } from '../engine/types';
import type { ScenarioDef } from '../scenarios/types';
import { layoutArrows, sentRows } from './arrows';
import { layoutGhosts } from './ghosts';
import { createGrid } from './grid';
import { actorLabels, messageTitle } from './labels';
import { layoutMarks, layoutViolations, noteHeight, violationNotes } from './marks';
import { labelWidth } from './placeLabels';
import { metricsFor, rowHeightFor, type DiagramMetrics } from './metrics';
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

/** Returns the layout of a sequence diagram for a trace at a cursor. Pure. */
export function layoutDiagram(input: DiagramInput): DiagramLayout {
  const { scenario, model, trace } = input;
  const metrics = input.metrics ?? metricsFor(model.actors.length);
  const steps = trace.records.length;
  const cursor = Math.max(0, Math.min(Math.floor(input.cursor), steps));
  const maxDelivered = trace.records.reduce((n, r) => Math.max(n, r.delivered.length), 1);
  const rowHeight = rowHeightFor(metrics, model.granularity, maxDelivered);
  const lanesLeft = metrics.gutterLeft;
  const lanesRight = lanesLeft + model.actors.length * metrics.columnWidth;
  const noteX = lanesLeft + 12;
  const notes = violationNotes(trace, lanesRight - noteX - 30);
  const noteHeights = new Map([...notes].map(([row, note]) => [row, noteHeight(note)]));
  const grid = createGrid(
    model.actors,
    metrics,
    rowHeight,
    cursor,
    input.enabled.length,
    steps,
    noteHeights,
  );
  const label = actorLabels(model);
  const violations = layoutViolations(grid, notes, noteX);
  const bandTop = grid.rowTop(cursor + 1) - grid.bandHeight;
  const marks = layoutMarks(grid, trace, model);
  const arrows = layoutArrows({
    grid,
    trace,
    sent: sentRows(trace),
    violationRows: new Set(violations.map((v) => v.row)),
    title: (m) => messageTitle(scenario, m, label),
    obstacles: [
      // The band of ghost arrows belongs to the ghosts' labels.
      { x0: 0, x1: lanesRight, y0: bandTop, y1: bandTop + grid.bandHeight },
      ...marks.map((m) => ({
        x0: m.x - 14,
        x1: m.labelX + 8 + labelWidth(m.label, false),
        y0: m.y - 14,
        y1: m.y + 14,
      })),
    ],
  });
  const bottom = grid.rowTop(steps + 1);
  return {
    width: lanesRight + metrics.gutterRight,
    height: bottom + metrics.bottomPad,
    headerHeight: metrics.headerHeight,
    left: 0,
    right: lanesRight + metrics.gutterRight,
    rowHeight,
    columnWidth: metrics.columnWidth,
    lifelines: grid.lifelines,
    rows: rowsOf(trace, grid.rowY, grid.rowTop, rowHeight, cursor),
    arrows,
    marks,
    violations,
    cursor: { row: cursor, y: bandTop },
    band: { top: bandTop, height: grid.bandHeight },
    ghosts: layoutGhosts(grid, input.enabled, label),
  };
}
