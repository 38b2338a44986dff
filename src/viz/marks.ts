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
/** How far right of its glyph's centre a mark's label is first put (`labelX`). */
export const MARK_LABEL_DX = GLYPH + 6;

/** Returns the short text of an injected fault, e.g. `PAUSE 5 ticks`. Pure. */
export function faultText(model: Model, faultId: string): { label: string; title: string } {
  const spec = model.faults.find((f) => f.id === faultId);
  if (!spec) return { label: clip(faultId), title: `Fault: ${faultId}` };
  if (spec.kind === 'drop')
    return { label: `drop ${spec.messageType}`, title: `Fault: ${spec.label}` };
  if (spec.kind === 'delay')
    return {
      label: clip(`delay ${spec.messageType} ${spec.duration} ticks`),
      title: `Fault: ${spec.label}`,
    };
  if (spec.kind === 'crash') return { label: 'CRASH', title: `Fault: ${spec.label}` };
  const ticks = spec.duration ?? 1;
  return {
    label: clip(ticks > 1 ? `${spec.event} ${ticks} ticks` : spec.event),
    title: `Fault: ${spec.label}`,
  };
}

/**
 * Returns the timer and fault marks (injected events, crashes, delays) of a trace. Dropped
 * messages are arrows. Pure.
 */
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
        labelX: x + MARK_LABEL_DX,
        labelY: px(y + 4),
        title: `${name} timer fires at t=${record.clockAfter}`,
        future,
      });
    }
    const spec = model.faults.find((f) => f.id === record.fault);
    const actor =
      spec?.kind === 'inject' || spec?.kind === 'crash'
        ? spec.actor
        : spec?.kind === 'delay'
          ? (spec.channel.split(':')[0]?.split('->')[1] ?? '')
          : null;
    if (record.kind === 'fault' && spec && actor !== null) {
      const x = grid.x(actor);
      const text = faultText(model, spec.id);
      marks.push({
        id: `fault-${i}`,
        kind: 'fault',
        row,
        actor,
        x,
        y: px(y),
        glyph: boltPath(x, y, GLYPH + 1),
        label: text.label,
        labelX: x + MARK_LABEL_DX,
        labelY: px(y + 4),
        title: text.title,
        future,
      });
    }
  });
  return marks;
}

/** Distance between two lines of a note, and the room kept below its last line. */
export const VIOLATION_LINE = 16;
const NOTE_PAD = 10;
/** Average width of a note character (13px semi-bold), on the safe side. */
export const NOTE_CHAR = 7.8;

/** What broke at one row: every distinct message, and the first one wrapped for the note. */
export interface ViolationNote {
  readonly messages: readonly string[];
  /** The first message as the note says it, and `(+n more)` when there are others (or ''). */
  readonly text: string;
  readonly more: string;
  /** The note wrapped to the full width of the lifelines. */
  readonly lines: readonly string[];
  /** Some violation at the row is one of the scenario's harms (else all are diagnostics). */
  readonly harm: boolean;
}

/** Where a note's text goes and how it is wrapped there (see `placeNotes`). */
export interface NotePlace {
  readonly noteX: number;
  readonly lines: readonly string[];
}

/** Prefix of a note whose row has only diagnostics (a cue that does not rely on colour). */
export const DIAGNOSTIC_PREFIX = 'diagnostic: ';

/**
 * Returns the notes of the rows where an invariant broke (the initial world is row 0): the
 * first message wrapped to `width` px, plus a count of the others. Harm messages (`harm` ids)
 * come first; a row with only diagnostics is marked so and its note says so. Pure.
 */
export function violationNotes(
  trace: Trace,
  width: number,
  harm: readonly string[] = [],
): Map<number, ViolationNote> {
  const byRow = new Map<number, { harm: string[]; other: string[] }>();
  for (const v of trace.violations) {
    const row = Math.max(0, Math.min(v.step + 1, trace.records.length));
    const at = byRow.get(row) ?? { harm: [], other: [] };
    const list = harm.includes(v.invariant) ? at.harm : at.other;
    if (!list.includes(v.message)) list.push(v.message);
    byRow.set(row, at);
  }
  const notes = new Map<number, ViolationNote>();
  const chars = Math.max(16, Math.floor(width / NOTE_CHAR));
  for (const [row, at] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const messages = [...at.harm, ...at.other.filter((m) => !at.harm.includes(m))];
    const isHarm = at.harm.length > 0;
    const text = `${isHarm ? '' : DIAGNOSTIC_PREFIX}${messages[0] ?? ''}`;
    const more = messages.length > 1 ? `(+${messages.length - 1} more)` : '';
    const note = { messages, text, more, harm: isHarm };
    notes.set(row, { ...note, lines: wrapNote(note, chars) });
  }
  return notes;
}

/**
 * Returns a note's text wrapped to `chars` characters a line: the first message in up to
 * `maxLines` lines (cut with … beyond), then the count of the others. Pure.
 */
export function wrapNote(
  note: Pick<ViolationNote, 'text' | 'more'>,
  chars: number,
  maxLines = 3,
): string[] {
  const lines = wrap(note.text, chars, maxLines);
  if (note.more) {
    const last = lines.length - 1;
    if ((lines[last] ?? '').length + note.more.length + 1 <= chars) lines[last] += ` ${note.more}`;
    else lines.push(note.more);
  }
  return lines;
}

/** Returns the height of the note row a note needs. Pure. */
export function noteHeight(note: Pick<ViolationNote, 'lines'>): number {
  return note.lines.length * VIOLATION_LINE + NOTE_PAD;
}

/**
 * Returns one highlight per row where an invariant broke: a band over the row (red for harm,
 * calm for diagnostics) and the note inserted below it, whose text starts at `noteX`. Pure.
 */
export function layoutViolations(
  grid: Grid,
  notes: ReadonlyMap<number, ViolationNote>,
  noteX: number,
  placed: ReadonlyMap<number, NotePlace> = new Map(),
): ViolationMark[] {
  const marks: ViolationMark[] = [];
  for (const [row, note] of notes) {
    const top = grid.rowTop(row);
    const at = placed.get(row);
    marks.push({
      row,
      y: px(grid.rowY(row)),
      top: px(top),
      height: px(grid.rowHeight + grid.noteHeight(row)),
      lines: at?.lines ?? note.lines,
      noteX: at?.noteX ?? noteX,
      noteY: px(top + grid.rowHeight + VIOLATION_LINE - 3),
      title: note.messages.join('\n'),
      harm: note.harm,
      future: row > grid.cursor,
    });
  }
  return marks;
}
