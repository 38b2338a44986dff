/**
 * Where things go: the x of each lifeline and the y of each row, with a note inserted below
 * each row where an invariant broke and the band of ghost arrows inserted just below the
 * cursor. Pure.
 */
import type { ActorSpec } from '../engine/types';
import type { DiagramMetrics } from './metrics';
import { headerBoxWidth, headerText, WRAPPED_HEADER_EXTRA } from './header';
import { defaultOrder } from './order';
import type { Lifeline } from './types';

export interface Grid {
  readonly metrics: DiagramMetrics;
  readonly rowHeight: number;
  /** Rows 0..cursor have happened; the band follows row `cursor`. */
  readonly cursor: number;
  readonly bandHeight: number;
  readonly lifelines: readonly Lifeline[];
  /** Height of the lifeline headers (taller when a name takes two lines). */
  readonly headerHeight: number;
  /** Height of the note below a row (0 when it has none). */
  noteHeight(row: number): number;
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
 * Returns the lifelines of a model in display order: `order` (actor ids, see `lifelineOrder`;
 * ids of actors the model lacks leave their column empty), else processes on the left and
 * servers on the right, each group in model order. Pure.
 */
export function orderLifelines(
  actors: readonly ActorSpec[],
  metrics: DiagramMetrics,
  order: readonly string[] = defaultOrder(actors),
): Lifeline[] {
  const byId = new Map(actors.map((a) => [a.id, a]));
  // A column per id of `order`: one of another model (a shared order) stays empty here.
  const columns = order.map((id) => byId.get(id));
  for (const a of actors) if (!order.includes(a.id)) columns.push(a);
  const box = headerBoxWidth(metrics.columnWidth);
  return columns.flatMap((a, i) =>
    a
      ? [
          {
            id: a.id,
            label: a.label,
            role: a.role,
            x: metrics.gutterLeft + metrics.columnWidth * (i + 0.5),
            ...headerText(a.label, box),
          },
        ]
      : [],
  );
}

/** Returns, for each row 0..rows, the total height of the notes above it. Pure. */
function notesAbove(notes: ReadonlyMap<number, number>, rows: number): Float64Array {
  const above = new Float64Array(rows + 2);
  for (let r = 1; r < above.length; r++) above[r] = (above[r - 1] ?? 0) + (notes.get(r - 1) ?? 0);
  return above;
}

/**
 * Returns the grid for a layout of `rows` rows (plus the initial one); `notes` gives the
 * height of the note inserted below a row. Pure.
 */
export function createGrid(
  actors: readonly ActorSpec[],
  metrics: DiagramMetrics,
  rowHeight: number,
  cursor: number,
  ghostCount: number,
  rows = 0,
  notes: ReadonlyMap<number, number> = new Map(),
  order?: readonly string[],
): Grid {
  const lifelines = orderLifelines(actors, metrics, order);
  const above = notesAbove(notes, rows);
  const last = above[above.length - 1] ?? 0;
  const xs = new Map(lifelines.map((l) => [l.id, l.x]));
  const firstX = lifelines[0]?.x ?? metrics.gutterLeft;
  const bandHeight = 2 * metrics.bandPad + Math.max(1, ghostCount) * metrics.ghostGap;
  const wrapped = lifelines.some((l) => l.lines.length > 1);
  const headerHeight = metrics.headerHeight + (wrapped ? WRAPPED_HEADER_EXTRA : 0);
  const contentTop = headerHeight + metrics.topPad;
  const rowTop = (row: number): number =>
    contentTop + row * rowHeight + (above[row] ?? last) + (row > cursor ? bandHeight : 0);
  return {
    metrics,
    rowHeight,
    cursor,
    bandHeight,
    lifelines,
    headerHeight,
    noteHeight: (row) => notes.get(row) ?? 0,
    x: (actor) => xs.get(actor) ?? firstX,
    rowTop,
    rowY: (row) => rowTop(row) + rowHeight / 2,
    subY: (row, j, n) => rowTop(row) + rowHeight / 2 + (j - (n - 1) / 2) * metrics.subGap,
  };
}
