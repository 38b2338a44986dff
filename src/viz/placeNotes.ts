/**
 * Violation notes placed clear of every line: the lines that cross a note's row (messages in
 * flight over the step where an invariant broke) leave gaps, and the note goes in the one
 * where it takes the fewest lines (the leftmost of those), wrapped to fit; a note row grows
 * by a line or more when no gap holds it as it is. Pure.
 */
import { NOTE_CHAR, VIOLATION_LINE, type NotePlace, type ViolationNote } from './marks';
import { crosses, type Segment } from './segments';
import type { ViolationMark } from './types';

/** Room kept between a note and a line. */
const GAP = 4;
/** The glyph and the space before the text. */
const LEAD = 24;
/** The fewest characters a line of a note may hold (a line beside a slanted line may be short). */
const MIN_CHARS = 8;
/** The most lines a note may take when the gaps are narrow. */
export const MAX_NOTE_LINES = 8;
const PAD = 10;

/** Returns the lines of text a note row of `height` px holds. Pure. */
export const linesIn = (height: number): number => Math.round((height - PAD) / VIOLATION_LINE);

/** Returns the height of a note row holding `lines` lines. Pure. */
export const heightOf = (lines: number): number => lines * VIOLATION_LINE + PAD;

/** Returns the y-range of the text of a note of `lines` lines in a note row starting at `top`. */
export function noteRange(top: number, lines: number): [number, number] {
  return [top + 0.65, top + VIOLATION_LINE * lines + 0.25];
}

/** Returns the x-ranges within [left, right] that no segment crosses between y0 and y1. Pure. */
export function freeSpans(
  lines: readonly Segment[],
  y0: number,
  y1: number,
  left: number,
  right: number,
): [number, number][] {
  const blocked: [number, number][] = [];
  for (const s of lines) {
    if (Math.max(s.y1, s.y2) < y0 || Math.min(s.y1, s.y2) > y1) continue;
    let [xa, xb] = [Math.min(s.x1, s.x2), Math.max(s.x1, s.x2)];
    if (s.y1 !== s.y2) {
      const at = (y: number): number => s.x1 + ((y - s.y1) * (s.x2 - s.x1)) / (s.y2 - s.y1);
      const ya = Math.max(Math.min(s.y1, s.y2), y0);
      const yb = Math.min(Math.max(s.y1, s.y2), y1);
      [xa, xb] = [Math.min(at(ya), at(yb)), Math.max(at(ya), at(yb))];
    }
    blocked.push([xa - GAP, xb + GAP]);
  }
  blocked.sort((a, b) => a[0] - b[0]);
  const spans: [number, number][] = [];
  let from = left;
  for (const [a, b] of blocked) {
    if (a > from) spans.push([from, Math.min(a, right)]);
    from = Math.max(from, b);
    if (from >= right) break;
  }
  if (from < right) spans.push([from, right]);
  return spans.filter(([a, b]) => b > a);
}

/** Returns the y-range of line `i` of a note's text in a note row starting at `top`. */
export function lineRange(top: number, i: number): [number, number] {
  return [top + VIOLATION_LINE * i + 0.65, top + VIOLATION_LINE * i + 16.25];
}

/**
 * Returns a note's text wrapped line by line to `widths` (characters each line may hold),
 * the count of the other messages last; null when it does not fit. With `cut`, a text too
 * long is cut short with … instead (the count kept when there is room). Pure.
 */
export function wrapTo(
  note: Pick<ViolationNote, 'text' | 'more'>,
  widths: readonly number[],
  cut = false,
): string[] | null {
  const out: string[] = [];
  const room = cut && note.more ? widths.length - 1 : widths.length;
  let line = '';
  for (const word of note.text.split(/\s+/).filter(Boolean)) {
    const width = widths[out.length] ?? 0;
    if (line && line.length + 1 + word.length <= width) {
      line = `${line} ${word}`;
      continue;
    }
    if (cut && out.length + 1 >= room) {
      // The last line this text may take: end it with … where it is full.
      while (line && line.length + 2 > width) line = line.split(' ').slice(0, -1).join(' ');
      if (!line) return null;
      out.push(`${line} …`);
      line = '';
      break;
    }
    if (line) out.push(line);
    if (word.length > (widths[out.length] ?? 0)) return null;
    line = word;
  }
  if (line) out.push(line);
  if (note.more) {
    const last = out.length - 1;
    const fits = (out[last] ?? '').length + 1 + note.more.length <= (widths[last] ?? 0);
    if (fits) out[last] += ` ${note.more}`;
    else if (note.more.length <= (widths[out.length] ?? 0)) out.push(note.more);
    else if (!cut) return null;
  }
  return out;
}

/**
 * Returns where a note of at most `most` lines goes in the note row starting at `top`, clear
 * of `lines` between `left` and `right`: each line of text as long as the room beside it
 * allows, at the start that takes the fewest lines (the leftmost of those); with `cut`, at
 * the start that shows the most of it, cut short. Null when none holds it. Pure.
 */
export function fitNote(
  note: Pick<ViolationNote, 'text' | 'more'>,
  lines: readonly Segment[],
  top: number,
  most: number,
  left: number,
  right: number,
  cut = false,
): NotePlace | null {
  const rows = Array.from({ length: most }, (_, i) => {
    const [y0, y1] = lineRange(top, i);
    return freeSpans(lines, y0, y1, left, right);
  });
  const starts = [...new Set(rows.flatMap((spans) => spans.map(([a]) => a)))].sort((a, b) => a - b);
  let best: NotePlace | null = null;
  for (const x of starts) {
    const widths: number[] = [];
    for (const spans of rows) {
      const span = spans.find(([a, b]) => a <= x && x < b);
      const chars = span ? Math.floor((span[1] - x - LEAD) / NOTE_CHAR) : 0;
      if (chars < MIN_CHARS) break;
      widths.push(chars);
    }
    const text = wrapTo(note, widths, cut);
    if (!text) continue;
    const better = cut
      ? !best || text.join('').length > best.lines.join('').length
      : !best || text.length < best.lines.length;
    if (better) best = { noteX: x, lines: text };
  }
  return best;
}

/** The boxes of a laid-out note: its glyph, and each line of its text. */
export function noteLineBoxes(
  v: ViolationMark,
): { x0: number; x1: number; y0: number; y1: number }[] {
  const top = v.noteY - VIOLATION_LINE + 3;
  const glyph = { x0: v.noteX, x1: v.noteX + 16, y0: v.noteY - 12, y1: v.noteY + 4 };
  return [
    glyph,
    ...v.lines.map((line, i) => {
      const [y0, y1] = lineRange(top, i);
      return { x0: v.noteX + LEAD, x1: v.noteX + LEAD + line.length * NOTE_CHAR, y0, y1 };
    }),
  ];
}

/** What the note rows of a trace need: their heights, and where each note goes. */
export interface SettledNotes {
  readonly heights: Map<number, number>;
  readonly places: Map<number, NotePlace>;
}

/**
 * Returns the note rows' heights and the notes' places, starting from `heights` and growing
 * a row by lines until its note fits clear of the lines `geometry` gives for those heights
 * (the top of each note row, and every line). Pure.
 */
export function settleNotes(
  notes: ReadonlyMap<number, ViolationNote>,
  heights: ReadonlyMap<number, number>,
  geometry: (heights: ReadonlyMap<number, number>) => {
    noteTop: (row: number) => number;
    lines: readonly Segment[];
  },
  left: number,
  right: number,
): SettledNotes {
  const settled = new Map(heights);
  let places = new Map<number, NotePlace>();
  for (let round = 0; round < 4; round++) {
    const { noteTop, lines } = geometry(settled);
    places = new Map();
    let grown = false;
    for (const [row, note] of notes) {
      const have = linesIn(settled.get(row) ?? heightOf(note.lines.length));
      const top = noteTop(row);
      let place = fitNote(note, lines, top, have, left, right);
      for (let n = have + 1; !place && n <= MAX_NOTE_LINES + 1; n++) {
        // Past the most lines a note may take: its text cut short in as many.
        const most = Math.min(n, MAX_NOTE_LINES);
        place = fitNote(note, lines, top, most, left, right, n > MAX_NOTE_LINES);
        if (place && most > have) {
          settled.set(row, heightOf(most));
          grown = true;
        }
      }
      if (place) places.set(row, place);
    }
    if (!grown) break;
  }
  return { heights: settled, places };
}

/**
 * Returns where each note goes in note rows of `heights`, clear of `lines` (`noteTop` gives
 * the top of each note row); a note that fits nowhere keeps its place. Pure.
 */
export function placeNotes(
  notes: ReadonlyMap<number, ViolationNote>,
  heights: ReadonlyMap<number, number>,
  noteTop: (row: number) => number,
  lines: readonly Segment[],
  left: number,
  right: number,
): Map<number, NotePlace> {
  const places = new Map<number, NotePlace>();
  for (const [row, note] of notes) {
    const most = linesIn(heights.get(row) ?? heightOf(note.lines.length));
    const top = noteTop(row);
    const place =
      fitNote(note, lines, top, most, left, right) ??
      fitNote(note, lines, top, most, left, right, true);
    if (place) places.set(row, place);
  }
  return places;
}

/**
 * Returns the note of `v` moved clear of `lines` when any runs over it (as when the band below
 * the cursor stretches a line across it), within the lines its row holds (cut short if it
 * must be). Pure.
 */
export function clearNote(
  v: ViolationMark,
  note: ViolationNote | undefined,
  lines: readonly Segment[],
  rowHeight: number,
  left: number,
  right: number,
): ViolationMark {
  const boxes = noteLineBoxes(v);
  const hit = (b: (typeof boxes)[number]) =>
    lines.some((s) => crosses(s, b.x0 - 1, b.x1 + 1, b.y0, b.y1));
  if (!note || !boxes.some(hit)) return v;
  const top = v.top + rowHeight;
  const most = linesIn(v.height - rowHeight);
  const place =
    fitNote(note, lines, top, most, left, right) ??
    fitNote(note, lines, top, most, left, right, true);
  return place ? { ...v, ...place } : v;
}
