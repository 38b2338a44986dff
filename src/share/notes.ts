/**
 * Annotations of a run (a title and a note per step): plain text with caps, cleaned of control
 * characters. Pure, and light: the page edits notes with it before any link code is loaded
 * (their link form is in `./annotations`).
 */

/** Most steps a run may carry (the link's limit too, after decompression). */
export const MAX_STEPS = 5000;

/** A title for the run and notes on its steps (1-based step number as a string → text). */
export interface Annotations {
  readonly title: string;
  readonly notes: Readonly<Record<string, string>>;
}

export const NO_ANNOTATIONS: Annotations = { title: '', notes: {} };

/** Longest title, longest note and most notes a run may carry. */
export const MAX_TITLE = 120;
export const MAX_NOTE = 500;
export const MAX_NOTES = 200;
/** Longest `a=` field (the notes, packed: `./annotations`) accepted in a link. */
export const MAX_PACKED_ANNOTATIONS = 9000;

/** Control characters and bidirectional overrides (which could make a note read backwards). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Returns `text` as plain text fit for a title or note: control characters and bidi overrides removed (newlines
 * kept in notes only, collapsed to spaces in titles) and cut to `max` characters. Pure.
 */
export function cleanText(text: string, max: number, multiline: boolean): string {
  const flat = multiline ? text.replace(/\r\n?/g, '\n') : text.replace(/[\r\n\t]+/g, ' ');
  const clean = flat.replace(multiline ? CONTROL_BUT_NEWLINE : CONTROL, '');
  return [...clean].slice(0, max).join('');
}

/** Returns `annotations` with the note of `step` set (removed when blank). Pure. */
export function withNote(annotations: Annotations, step: number, text: string): Annotations {
  if (!Number.isInteger(step) || step < 1 || step > MAX_STEPS) return annotations;
  const clean = cleanText(text, MAX_NOTE, true);
  const notes: Record<string, string> = { ...annotations.notes };
  if (clean.trim() === '') delete notes[String(step)];
  else if (notes[String(step)] !== undefined || Object.keys(notes).length < MAX_NOTES)
    notes[String(step)] = clean;
  return { ...annotations, notes };
}

/** Returns `annotations` with its title set. Pure. */
export function withTitle(annotations: Annotations, title: string): Annotations {
  return { ...annotations, title: cleanText(title, MAX_TITLE, false) };
}

/** Returns whether there is anything to keep. Pure. */
export function hasAnnotations(a: Annotations | undefined): a is Annotations {
  return a !== undefined && (a.title.trim() !== '' || Object.keys(a.notes).length > 0);
}

/** Returns the notes as [step, text] pairs in step order, blank ones left out. Pure. */
export function notePairs(a: Annotations): [number, string][] {
  return Object.entries(a.notes)
    .map(([k, v]) => [Number(k), v] as [number, string])
    .filter(([k, v]) => Number.isInteger(k) && k >= 1 && v.trim() !== '')
    .sort((x, y) => x[0] - y[0]);
}
