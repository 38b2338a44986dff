/**
 * Message arrows: each delivered or dropped message runs from the row where it was sent to
 * the row where it was delivered, so a message that waited is slanted and crossing arrows show
 * the race window. Pure.
 */
import type { Trace } from '../engine/replay';
import type { Message, StepRecord } from '../engine/types';
import type { Grid } from './grid';
import { crossPath, headPath, loopPath, px, shaftPath } from './geometry';
import { messageLabel } from './labels';
import { labelWidth } from './placeLabels';
import type { Arrow, ArrowKind } from './types';

/** Returns, for each message id, the row it was sent in (0 for the initial world). Pure. */
export function sentRows(trace: Trace): Map<string, number> {
  const rows = new Map<string, number>();
  for (const queue of Object.values(trace.worlds[0]?.channels ?? {})) {
    for (const m of queue) rows.set(m.id, 0);
  }
  trace.records.forEach((record, i) => {
    for (const m of record.sent) if (!rows.has(m.id)) rows.set(m.id, i + 1);
  });
  return rows;
}

/** Returns how an arrow for `message` is drawn: request, reply or a separate lane. Pure. */
export function kindOf(message: Message): ArrowKind {
  if (message.lane !== 'main') return 'lane';
  return message.reply ? 'reply' : 'request';
}

/** Returns where a message leaves its sender: after the last delivery to the sender in that row. Pure. */
export function startY(
  grid: Grid,
  record: StepRecord | undefined,
  row: number,
  message: Message,
): number {
  if (!record) return grid.rowY(row);
  const delivered = record.delivered;
  const same = delivered.findIndex((m) => m.id === message.id);
  if (same >= 0) return grid.subY(row, same, delivered.length);
  let trigger = -1;
  delivered.forEach((m, j) => {
    if (m.to === message.from) trigger = j;
  });
  return trigger >= 0 ? grid.subY(row, trigger, delivered.length) : grid.rowY(row);
}

export interface ArrowContext {
  readonly grid: Grid;
  readonly trace: Trace;
  readonly sent: ReadonlyMap<string, number>;
  /** Rows where harm happened: their request arrows are drawn red. */
  readonly violationRows: ReadonlySet<number>;
  readonly title: (message: Message) => string;
}

function labelPoint(x1: number, y1: number, x2: number, y2: number, rowHeight: number) {
  const dy = Math.abs(y2 - y1);
  const t = dy > 1 ? Math.min(0.5, (rowHeight * 0.55) / dy) : 0.5;
  return { x: x1 + (x2 - x1) * t, y: y1 + (y2 - y1) * t };
}

/**
 * Returns whether `message` is a call answered in the same step (operations granularity): the
 * step delivers a reply from its receiver back to its sender.
 */
export function answeredAtOnce(record: StepRecord | undefined, message: Message): boolean {
  if (!record || message.reply || message.from === message.to) return false;
  return record.delivered.some((m) => m.reply && m.from === message.to && m.to === message.from);
}

/**
 * Where the label of a dropped message or a loop goes: beyond the cross (away from the
 * sender), or right of the loop (which reaches 27 px right of its lifeline). Null otherwise.
 */
function aside(x1: number, x2: number, dropped: boolean, self: boolean, width: number) {
  if (self && !dropped) return x2 + 32 + width / 2;
  if (!dropped) return null;
  return x2 < x1 ? x2 - 14 - width / 2 : x2 + 14 + width / 2;
}

function arrowFor(ctx: ArrowContext, message: Message, row: number, dropped: boolean): Arrow {
  const { grid, trace } = ctx;
  const record = trace.records[row - 1];
  // A call and its reply in one step read as one exchange: both level in that step's row.
  const roundTrip = !dropped && answeredAtOnce(record, message);
  const fromRow = roundTrip ? row : Math.min(ctx.sent.get(message.id) ?? 0, row);
  const x1 = grid.x(message.from);
  const y1 = startY(grid, trace.records[fromRow - 1], fromRow, message);
  const index = record?.delivered.findIndex((m) => m.id === message.id) ?? -1;
  const n = record?.delivered.length ?? 1;
  const xTo = grid.x(message.to);
  const x2 = dropped ? (x1 + xTo) / 2 : xTo;
  const y2 = dropped || index < 0 ? grid.rowY(row) : grid.subY(row, index, n);
  const size = grid.metrics.headSize;
  const self = message.from === message.to;
  const kind = kindOf(message);
  const below = kind === 'reply' && y1 === y2 && n > 1 && index > 0;
  const at = labelPoint(x1, y1, x2, y2, grid.rowHeight);
  const label = dropped ? `${messageLabel(message)} lost` : messageLabel(message);
  return {
    id: message.id,
    kind,
    from: message.from,
    to: message.to,
    fromRow,
    toRow: row,
    x1: px(x1),
    y1: px(y1),
    x2: px(x2),
    y2: px(y2),
    path: self ? loopPath(x1, y1, y2, 36) : shaftPath(x1, y1, x2, y2, dropped ? 0 : size * 0.8),
    head: dropped
      ? ''
      : self
        ? headPath(x1 + 30, y2, x1, y2, size)
        : headPath(x1, y1, x2, y2, size),
    cross: dropped ? crossPath(x2, y2, 6) : '',
    label,
    labelX: px(aside(x1, x2, dropped, self, labelWidth(label, false)) ?? at.x),
    labelY: px(dropped ? y2 + 4 : below ? at.y + 15 : at.y - 6),
    title: ctx.title(message),
    stale: !dropped && kind !== 'reply' && ctx.violationRows.has(row),
    dropped,
    pending: false,
    future: row > grid.cursor,
  };
}

/**
 * Returns the arrows of every delivered and dropped message, in trace order, each label at its
 * preferred spot (see `placeLabels` for where it finally goes). Pure.
 */
export function layoutArrows(ctx: ArrowContext): Arrow[] {
  const arrows: Arrow[] = [];
  ctx.trace.records.forEach((record, i) => {
    for (const m of record.delivered) arrows.push(arrowFor(ctx, m, i + 1, false));
    for (const m of record.dropped) arrows.push(arrowFor(ctx, m, i + 1, true));
  });
  return arrows;
}
