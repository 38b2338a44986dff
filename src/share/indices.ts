/**
 * Compact text for a schedule written as indices into the enabled-step list at each point:
 * one base-36 digit per step below 36, `~` and two digits up to 1295. Long texts are deflated
 * (fflate) and written in base64url when that is shorter. Pure.
 */
import { deflateSync, inflateSync } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Largest index the text can carry. */
export const MAX_INDEX = 36 * 36 - 1;
/** Most steps a link may carry, after decompression. */
export const MAX_STEPS = 5000;
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

/** Returns deflated base64url of `text` when shorter than `text`, else null. Pure. */
export function pack(text: string): string | null {
  if (text.length < 48) return null;
  const packed = toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }));
  return packed.length < text.length ? packed : null;
}

/** Returns the text inside a packed string, or null when corrupt or too large. Pure. */
export function unpack(packed: string): string | null {
  if (packed.length > MAX_PACKED) return null;
  const bytes = fromBase64Url(packed);
  if (!bytes) return null;
  try {
    const out = inflateSync(bytes);
    // Each step needs at most 3 characters.
    if (out.length > MAX_STEPS * 3) return null;
    return new TextDecoder('utf-8', { fatal: true }).decode(out);
  } catch {
    return null;
  }
}
