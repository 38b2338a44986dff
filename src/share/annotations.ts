/**
 * The compact, versioned form of a run's annotations in a share link (deflated JSON in
 * base64url); the annotations themselves are in `./notes`. Pure; the text is data, never markup.
 */
import { deflateSync } from 'fflate';
import * as v from 'valibot';
import { toBase64Url } from './base64url';
import { unpackChecked } from './indices';
import {
  MAX_NOTE,
  MAX_NOTES,
  MAX_PACKED_ANNOTATIONS,
  MAX_STEPS,
  MAX_TITLE,
  NO_ANNOTATIONS,
  notePairs,
  withNote,
  withTitle,
  type Annotations,
} from './notes';

export * from './notes';

/** The most bytes an `a=` field may inflate to. */
const MAX_UNPACKED_ANNOTATIONS = 256 * 1024;

const wireSchema = v.strictTuple([
  v.pipe(v.string(), v.maxLength(MAX_TITLE * 2)),
  v.pipe(
    v.array(
      v.strictTuple([
        v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_STEPS)),
        v.pipe(v.string(), v.maxLength(MAX_NOTE * 2)),
      ]),
    ),
    v.maxLength(MAX_NOTES),
  ),
]);

/** Returns the link field for `a` (`[title, [[step, note], …]]`, deflated, base64url). Pure. */
export function encodeAnnotations(a: Annotations): string {
  const wire = [a.title.trim(), notePairs(a).map(([k, v]) => [k, v.trim()])];
  return toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(wire)), { level: 9 }));
}

/** Returns the annotations a link field holds, or an error text. Never throws. Pure. */
export function decodeAnnotations(field: string): Annotations | string {
  const unpacked = unpackChecked(field, {
    packed: MAX_PACKED_ANNOTATIONS,
    unpacked: MAX_UNPACKED_ANNOTATIONS,
  });
  if (!unpacked.ok)
    return unpacked.why === 'too-large' ? 'its notes are too large' : 'its notes are damaged';
  let json: unknown;
  try {
    json = JSON.parse(unpacked.text);
  } catch {
    return 'its notes are damaged';
  }
  const parsed = v.safeParse(wireSchema, json, { abortEarly: true });
  if (!parsed.success) return 'its notes are damaged';
  const [title, pairs] = parsed.output;
  let out: Annotations = withTitle(NO_ANNOTATIONS, title);
  for (const [step, text] of pairs) out = withNote(out, step, text);
  return out;
}
