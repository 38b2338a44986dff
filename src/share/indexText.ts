/**
 * The text of a schedule written as indices into the enabled-step list at each point: one
 * base-36 digit per step below 36, `~` and two digits up to 1295; and the caps on its packed
 * (deflated) form. Pure, and free of the deflate code (`./indices` packs and unpacks), so that
 * opening a link without packed fields does not load it.
 */
import { MAX_STEPS } from './notes';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Largest index the text can carry. */
export const MAX_INDEX = 36 * 36 - 1;
/** Longest compressed text accepted; bounds what inflating can produce. */
export const MAX_PACKED = 4096;

/** Returns the text for `indices` (each 0..MAX_INDEX). Pure. */
export function indicesToText(indices: readonly number[]): string {
  let out = '';
  for (const i of indices) {
    if (i < 36) out += DIGITS[i];
    else out += '~' + DIGITS[Math.floor(i / 36)] + DIGITS[i % 36];
  }
  return out;
}

/** Returns the indices of `text`, or null when it is malformed or too long. Pure. */
export function textToIndices(text: string): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (out.length >= MAX_STEPS) return null;
    const ch = text[i] as string;
    if (ch === '~') {
      const hi = DIGITS.indexOf(text[i + 1] ?? '!');
      const lo = DIGITS.indexOf(text[i + 2] ?? '!');
      if (hi < 0 || lo < 0) return null;
      out.push(hi * 36 + lo);
      i += 2;
    } else {
      const v = DIGITS.indexOf(ch);
      if (v < 0) return null;
      out.push(v);
    }
  }
  return out;
}

/** What unpacking a string found: its text, or why there is none. */
export type Unpacked =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly why: 'damaged' | 'too-large' };

/** The most bytes a packed schedule may inflate to: each step needs at most 3 characters. */
export const MAX_UNPACKED = MAX_STEPS * 3;
