/**
 * Messages still in flight at the cursor that this trace never delivers: drawn as dotted
 * lines from where they were sent down to the cursor line, so a message that has been waiting
 * shows how long (the ghost arrow in the band offers to deliver it when it is at the head of
 * its channel). Pure.
 */
import type { Trace } from '../engine/replay';
import type { Message } from '../engine/types';
import { kindOf, startY } from './arrows';
import { px, shaftPath } from './geometry';
import type { Grid } from './grid';
import { messageLabel } from './labels';
import type { Arrow } from './types';

export interface PendingContext {
  readonly grid: Grid;
  readonly trace: Trace;
  readonly cursor: number;
  /** The row each message was sent in. */
  readonly sent: ReadonlyMap<string, number>;
  /** Messages that already have an arrow (delivered or dropped later in the trace). */
  readonly drawn: ReadonlySet<string>;
  readonly title: (message: Message) => string;
}

function pendingArrow(ctx: PendingContext, m: Message, bandTop: number): Arrow {
  const { grid, trace, cursor } = ctx;
  const fromRow = Math.min(ctx.sent.get(m.id) ?? 0, cursor);
  const x1 = grid.x(m.from);
  const y1 = startY(grid, trace.records[fromRow - 1], fromRow, m);
  const x2 = grid.x(m.to);
  const since = fromRow === 0 ? 'the start' : `step ${fromRow}`;
  return {
    id: m.id,
    kind: kindOf(m),
    from: m.from,
    to: m.to,
    fromRow,
    toRow: cursor + 1,
    x1: px(x1),
    y1: px(y1),
    x2: px(x2),
    y2: px(bandTop),
    path: shaftPath(x1, y1, x2, bandTop, 0),
    head: '',
    cross: '',
    label: messageLabel(m),
    labelX: px(x1),
    labelY: px(y1),
    title: `${ctx.title(m)} — in flight since ${since}`,
    stale: false,
    dropped: false,
    pending: true,
    future: false,
  };
}

/** Returns the dotted arrows of the messages in flight at the cursor that have no arrow. Pure. */
export function layoutPending(ctx: PendingContext): Arrow[] {
  const world = ctx.trace.worlds[ctx.cursor];
  if (!world) return [];
  // The band follows the grid's cursor (which an aligned layout may put past this trace's end).
  const bandTop = ctx.grid.rowTop(ctx.grid.cursor + 1) - ctx.grid.bandHeight;
  const arrows: Arrow[] = [];
  for (const channel of Object.keys(world.channels).sort()) {
    for (const m of world.channels[channel] ?? []) {
      if (!ctx.drawn.has(m.id)) arrows.push(pendingArrow(ctx, m, bandTop));
    }
  }
  return arrows;
}
