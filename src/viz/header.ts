/**
 * Lifeline header text: an actor's name on one line at up to 15 px, else wrapped onto two
 * lines at the space that balances them, shrunk only as far as it must to fit its box. Names
 * are never cut. Pure.
 */

/** Width of a bold header character, as a fraction of the font size (on the safe side). */
const CHAR = 0.64;
const PAD = 14;

/** Returns the width of a lifeline's header box for a column width. Pure. */
export function headerBoxWidth(columnWidth: number): number {
  return Math.min(144, columnWidth - 14);
}

/** Extra header height when some header needs two lines. */
export const WRAPPED_HEADER_EXTRA = 16;

export interface HeaderText {
  readonly lines: readonly string[];
  readonly fontSize: number;
}

const fits = (line: string, room: number): number => Math.floor(room / (line.length * CHAR));

/** Returns the two lines `label` splits into at the space that makes the longer one shortest. */
function split(label: string): [string, string] | null {
  let best: [string, string] | null = null;
  for (let i = label.indexOf(' '); i > 0; i = label.indexOf(' ', i + 1)) {
    const pair: [string, string] = [label.slice(0, i).trim(), label.slice(i + 1).trim()];
    if (!best || Math.max(...pair.map((l) => l.length)) < Math.max(...best.map((l) => l.length)))
      best = pair;
  }
  return best;
}

/**
 * Returns how a header shows `label` in a box `boxWidth` wide: one line at 13–15 px when it
 * fits, else two lines at up to 14 px split at a space (or, for a word too long for that, in
 * the middle of the word), at whatever size fits it whole. Pure.
 */
export function headerText(label: string, boxWidth: number): HeaderText {
  const room = boxWidth - PAD;
  const one = fits(label, room);
  if (one >= 13) return { lines: [label], fontSize: Math.min(15, one) };
  const sizeOf = (pair: [string, string]): number =>
    fits(pair[0].length >= pair[1].length ? pair[0] : pair[1], room);
  const atSpace = split(label);
  const half = Math.ceil(label.length / 2);
  const inWord: [string, string] = [label.slice(0, half), label.slice(half)];
  const two = atSpace && sizeOf(atSpace) >= Math.min(11, sizeOf(inWord)) ? atSpace : inWord;
  if (sizeOf(two) <= one) return { lines: [label], fontSize: one };
  return { lines: two, fontSize: Math.min(14, sizeOf(two)) };
}
