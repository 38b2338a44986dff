/**
 * An authored model in a link: its YAML text, deflated (fflate) and written in base64url after
 * a format version (`1.`). Both ways are capped, inflation is streamed and stops at the cap, and
 * decoding never throws. Pure. The app appends it to a share link as `am=` (`authoredLink.ts`).
 */
import { deflateSync, Inflate } from 'fflate';
import { LIMITS } from '../authoring/schema';
import { fromBase64Url, toBase64Url } from './base64url';

/** The version of the model link format this build writes and reads. */
export const MODEL_LINK_VERSION = 1;
/** Longest packed model a link carries (characters after `am=`); past it, share a file. */
export const MAX_MODEL_LINK = 8000;
/** The most bytes a packed model may inflate to: the text cap, at 4 bytes a character. */
const MAX_MODEL_BYTES = LIMITS.text * 4;
/** Shown wherever an authored model is opened, so nobody mistakes it for a built-in. */
export const AUTHORED_BANNER = 'authored model — not a built-in';

export type ModelLink =
  | { readonly ok: true; readonly packed: string }
  | { readonly ok: false; readonly why: 'too-large'; readonly length: number };

export type ModelText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** Returns the link text for a model's YAML, or `too-large` past `MAX_MODEL_LINK`. Pure. */
export function encodeModelLink(text: string): ModelLink {
  const packed = `${MODEL_LINK_VERSION}.${toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }))}`;
  return packed.length > MAX_MODEL_LINK
    ? { ok: false, why: 'too-large', length: packed.length }
    : { ok: true, packed };
}

/** Returns the YAML text a model link carries, or why it cannot be read. Never throws. Pure. */
export function decodeModelLink(packed: string): ModelText {
  if (typeof packed !== 'string') return { ok: false, error: 'no model in the link' };
  if (packed.length > MAX_MODEL_LINK)
    return { ok: false, error: `the model in the link is too long (over ${MAX_MODEL_LINK})` };
  const dot = packed.indexOf('.');
  const version = packed.slice(0, dot);
  if (dot < 0 || !/^\d{1,3}$/.test(version))
    return { ok: false, error: 'the model in the link has no version' };
  if (Number(version) !== MODEL_LINK_VERSION)
    return {
      ok: false,
      error: `the model in the link is format ${version}; this build reads ${MODEL_LINK_VERSION}`,
    };
  const bytes = fromBase64Url(packed.slice(dot + 1));
  if (!bytes) return { ok: false, error: 'the model in the link is damaged' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size <= MAX_MODEL_BYTES) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    const CHUNK = 256;
    for (let at = 0; at < bytes.length && size <= MAX_MODEL_BYTES; at += CHUNK) {
      inflater.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch {
    return { ok: false, error: 'the model in the link is damaged' };
  }
  if (size > MAX_MODEL_BYTES) return { ok: false, error: 'the model in the link is too large' };
  if (!ended) return { ok: false, error: 'the model in the link is damaged' };
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(all) };
  } catch {
    return { ok: false, error: 'the model in the link is not UTF-8 text' };
  }
}
