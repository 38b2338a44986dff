/**
 * Where things go: the x of each lifeline and the y of each row, with the band of ghost arrows
 * inserted just below the cursor. Pure.
 */
import type { ActorSpec } from '../engine/types';
import type { DiagramMetrics } from './metrics';
import type { Lifeline } from './types';

export interface Grid {
  readonly metrics: DiagramMetrics;
  readonly rowHeight: number;
  /** Rows 0..cursor have happened; the band follows row `cursor`. */
  readonly cursor: number;
  readonly bandHeight: number;
  readonly lifelines: readonly Lifeline[];
  /** x of an actor's lifeline (the first column for an unknown actor). */
  x(actor: string): number;
  /** Top edge of a row. */
  rowTop(row: number): number;
  /** Centre line of a row. */
  rowY(row: number): number;
  /** y of delivery `j` of `n` stacked within a row. */
  subY(row: number, j: number, n: number): number;
}

/**
 * Returns the lifelines of a model in display order: processes on the left, servers on the
 * right, each group in model order. Pure.
 */
export function orderLifelines(actors: readonly ActorSpec[], metrics: DiagramMetrics): Lifeline[] {
  const ordered = [
    ...actors.filter((a) => a.role === 'process'),
    ...actors.filter((a) => a.role !== 'process'),
  ];
  return ordered.map((a, i) => ({
    id: a.id,
    label: a.label,
    role: a.role,
    x: metrics.gutterLeft + metrics.columnWidth * (i + 0.5),
  }));
}

/** Returns the grid for a layout. Pure. */
export function createGrid(
  actors: readonly ActorSpec[],
  metrics: DiagramMetrics,
  rowHeight: number,
  cursor: number,
  ghostCount: number,
): Grid {
  const lifelines = orderLifelines(actors, metrics);
  const xs = new Map(lifelines.map((l) => [l.id, l.x]));
  const firstX = lifelines[0]?.x ?? metrics.gutterLeft;
  const bandHeight = 2 * metrics.bandPad + Math.max(1, ghostCount) * metrics.ghostGap;
  const contentTop = metrics.headerHeight + metrics.topPad;
  const rowTop = (row: number): number =>
    contentTop + row * rowHeight + (row > cursor ? bandHeight : 0);
  return {
    metrics,
    rowHeight,
    cursor,
    bandHeight,
    lifelines,
    x: (actor) => xs.get(actor) ?? firstX,
    rowTop,
    rowY: (row) => rowTop(row) + rowHeight / 2,
    subY: (row, j, n) => rowTop(row) + rowHeight / 2 + (j - (n - 1) / 2) * metrics.subGap,
  };
}
