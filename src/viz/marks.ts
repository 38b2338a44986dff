/**
 * Marks on lifelines (timer expiries, injected faults) and violation highlights. Pure.
 */
import type { Trace } from '../engine/replay';
import type { Model } from '../engine/types';
import { boltPath, clockPath, px } from './geometry';
import type { Grid } from './grid';
import { clip, wrap } from './labels';
import type { Mark, ViolationMark } from './types';

const GLYPH = 8;

/** Returns the short text of an injected fault, e.g. `PAUSE 5 ticks`. Pure. */
export function faultText(model: Model, faultId: string): { label: string; title: string } {
  const spec = model.faults.find((f) => f.id === faultId);
  if (!spec) return { label: clip(faultId), title: `Fault: ${faultId}` };
  if (spec.kind === 'drop')
    return { label: `drop ${spec.messageType}`, title: `Fault: ${spec.label}` };
  const ticks = spec.duration ?? 1;
  return {
    label: clip(ticks > 1 ? `${spec.event} ${ticks} ticks` : spec.event),
    title: `Fault: ${spec.label}`,
  };
}

/** Returns the timer and injected-fault marks of a trace. Dropped messages are arrows. Pure. */
export function layoutMarks(grid: Grid, trace: Trace, model: Model): Mark[] {
  const marks: Mark[] = [];
  trace.records.forEach((record, i) => {
    const row = i + 1;
    const y = grid.rowY(row);
    const future = row > grid.cursor;
    if (record.kind === 'timer' && record.timer) {
      const { owner, name } = record.timer;
      const x = grid.x(owner);
      marks.push({
        id: `timer-${i}`,
        kind: 'timer',
        row,
        actor: owner,
        x,
        y: px(y),
        glyph: clockPath(x, y, GLYPH),
        label: clip(`${name} timer`),
        labelX: x + GLYPH + 6,
        title: `${name} timer fires at t=${record.clockAfter}`,
        future,
      });
    }
    const spec = model.faults.find((f) => f.id === record.fault);
    if (record.kind === 'fault' && spec?.kind === 'inject') {
      const x = grid.x(spec.actor);
      const text = faultText(model, spec.id);
      marks.push({
        id: `fault-${i}`,
        kind: 'fault',
        row,
        actor: spec.actor,
        x,
        y: px(y),
        glyph: boltPath(x, y, GLYPH + 1),
        label: text.label,
        labelX: x + GLYPH + 6,
        title: text.title,
        future,
      });
    }
  });
  return marks;
}

const NOTE_WIDTH = 24;
const LINE = 15;

/**
 * Returns one highlight per step where an invariant broke (the initial world is row 0), with
 * the first violation's message as a wrapped note in the right margin; notes never overlap.
 * Pure.
 */
export function layoutViolations(grid: Grid, trace: Trace, noteX: number): ViolationMark[] {
  const byRow = new Map<number, string[]>();
  for (const v of trace.violations) {
    const row = Math.max(0, Math.min(v.step + 1, trace.records.length));
    const messages = byRow.get(row) ?? [];
    if (!messages.includes(v.message)) messages.push(v.message);
    byRow.set(row, messages);
  }
  const marks: ViolationMark[] = [];
  const bandTop = grid.rowTop(grid.cursor + 1) - grid.bandHeight;
  let lastBottom = -Infinity;
  for (const [row, messages] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const lines = wrap(messages[0] ?? '', NOTE_WIDTH);
    if (messages.length > 1) lines.push(`+${messages.length - 1} more`);
    const y = grid.rowY(row);
    const centred = y - ((lines.length - 1) * LINE) / 2 + 4;
    // A note of a step that happened stays above the cursor line.
    const above = row <= grid.cursor ? bandTop - 6 - (lines.length - 1) * LINE : Infinity;
    const noteY = Math.max(Math.min(centred, above), lastBottom + LINE);
    lastBottom = noteY + (lines.length - 1) * LINE;
    marks.push({
      row,
      y: px(y),
      top: px(grid.rowTop(row)),
      height: grid.rowHeight,
      lines,
      noteX,
      noteY: px(noteY),
      title: messages.join('\n'),
      future: row > grid.cursor,
    });
  }
  return marks;
}
