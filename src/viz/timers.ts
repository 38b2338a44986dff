/**
 * Timer spans: from the step that set a timer to the step where it fired (or was cancelled,
 * or the end of the trace), drawn beside the owner's lifeline so a delay (a delayed second
 * delete, a flush, a TTL) reads as a window of time. Found by comparing consecutive worlds,
 * since a step record names only the timer that fired. Pure.
 */
import type { Trace } from '../engine/replay';
import type { Timer, World } from '../engine/types';
import { px } from './geometry';
import type { Grid } from './grid';
import type { TimerSpan } from './types';

const OFFSET = 9;

const timerKey = (t: Timer): string => `${t.owner}/${t.name}@${t.due}`;

function timersOf(world: World | undefined): Map<string, Timer> {
  return new Map((world?.timers ?? []).map((t) => [timerKey(t), t]));
}

interface Open {
  readonly timer: Timer;
  readonly fromRow: number;
  readonly setAt: number;
}

/** Returns a span per timer set in the trace (including those set in the initial world). Pure. */
export function layoutTimerSpans(grid: Grid, trace: Trace): TimerSpan[] {
  const spans: TimerSpan[] = [];
  const open = new Map<string, Open>();
  const close = (key: string, toRow: number, fired: boolean, atEnd = false): void => {
    const o = open.get(key);
    if (!o) return;
    open.delete(key);
    const x = grid.x(o.timer.owner) + OFFSET;
    spans.push({
      id: `${key}#${o.fromRow}`,
      actor: o.timer.owner,
      fromRow: o.fromRow,
      toRow,
      x,
      y1: px(grid.rowY(o.fromRow)),
      // Still running when the trace ends: down to the bottom of the last row.
      y2: px(atEnd ? grid.rowTop(toRow) + grid.rowHeight : grid.rowY(toRow)),
      label: `${o.timer.name} ${o.timer.due - o.setAt}t`,
      labelX: x + 5,
      labelY: px(grid.rowY(o.fromRow) + 15),
      title: `${o.timer.name} timer set at t=${o.setAt}, due at t=${o.timer.due}${fired ? '' : ' (not fired)'}`,
      fired,
      future: false,
    });
  };
  for (const [key, timer] of timersOf(trace.worlds[0])) {
    open.set(key, { timer, fromRow: 0, setAt: trace.worlds[0]?.clock ?? 0 });
  }
  trace.records.forEach((record, i) => {
    const row = i + 1;
    const after = timersOf(trace.worlds[i + 1]);
    if (record.timer) close(timerKey(record.timer), row, true);
    for (const key of [...open.keys()]) if (!after.has(key)) close(key, row, false);
    for (const [key, timer] of after) {
      if (!open.has(key)) open.set(key, { timer, fromRow: row, setAt: record.clockAfter });
    }
  });
  for (const key of [...open.keys()]) close(key, trace.records.length, false, true);
  return spans;
}
