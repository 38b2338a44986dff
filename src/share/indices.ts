/**
 * Compact text for a schedule written as indices into the enabled-step list at each point (the
 * text itself is in `./indexText`). Long texts are deflated (fflate) and written in base64url
 * when that is shorter. Pure.
 */
import { deflateSync, Inflate } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import { MAX_PACKED, MAX_UNPACKED, type Unpacked } from './indexText';
import { MAX_STEPS } from './notes';

export { MAX_STEPS };
export {
  indicesToText,
  MAX_INDEX,
  MAX_PACKED,
  MAX_UNPACKED,
  textToIndices,
  type Unpacked,
} from './indexText';

/** Returns deflated base64url of `text` when shorter than `text`, else null. Pure. */
export function pack(text: string): string | null {
  if (text.length < 48) return null;
  const packed = toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }));
  return packed.length < text.length ? packed : null;
}

/**
 * Returns the text inside a packed string. Inflation is streamed in small chunks and stops as
 * soon as the output passes `MAX_UNPACKED`, so a crafted link cannot make it allocate more
 * than the cap (a zip bomb is "too large", not "damaged"); `limits` sets other caps than a
 * schedule's. Pure.
 */
export function unpackChecked(
  packed: string,
  limits: { readonly packed: number; readonly unpacked: number } = {
    packed: MAX_PACKED,
    unpacked: MAX_UNPACKED,
  },
): Unpacked {
  const cap = limits.unpacked;
  if (packed.length > limits.packed) return { ok: false, why: 'too-large' };
  const bytes = fromBase64Url(packed);
  if (!bytes) return { ok: false, why: 'damaged' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= cap) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    const CHUNK = 64;
    for (let at = 0; at < bytes.length && size <= cap; at += CHUNK) {
      inflater.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch {
    return { ok: false, why: 'damaged' };
  }
  if (size > cap) return { ok: false, why: 'too-large' };
  if (!ended) return { ok: false, why: 'damaged' };
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(out) };
  } catch {
    return { ok: false, why: 'damaged' };
  }
}

/** Returns the text inside a packed string, or null when corrupt or too large. Pure. */
export function unpack(packed: string): string | null {
  const result = unpackChecked(packed);
  return result.ok ? result.text : null;
}
