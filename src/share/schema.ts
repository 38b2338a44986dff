/**
 * The raw fields of a share link (v1; v2 adds where the run was pinned; v3 its notes) and their
 * validation (valibot: a few small functions, no `eval`, nothing else in the page's chunks).
 * Pure. Keys are parsed into a null-prototype object and `__proto__`-like keys are refused, so a
 * link cannot pollute prototypes.
 */
import * as v from 'valibot';
import { MAX_PACKED } from './indexText';
import { MAX_PACKED_ANNOTATIONS, MAX_STEPS } from './notes';

/**
 * The newest link format this build writes and reads. v2 adds `pf`/`pm`: the fix and
 * parameters the run was pinned under, when they differ from those on screen (the schedule is
 * then written under them). Links that need neither are still written as v1.
 */
export const LINK_VERSION = 3;
/**
 * v3 adds `a`: the run's title and step notes (see `annotations.ts`). Links without notes are
 * still written as v1 or v2, so builds that do not know notes open them.
 */
export const NOTES_VERSION = 3;
/** Longest link (after `#`) accepted at all. */
export const MAX_LINK_LENGTH = 12_000;

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][\w.-]{0,63}$/));
const uint = (max: number) =>
  v.pipe(v.string(), v.regex(/^\d{1,10}$/), v.transform(Number), v.maxValue(max));
const packed = (max: number) => v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]*$/), v.maxLength(max));

// Names are a built-in's parameters, or an authored model's ids (lowercase, with dashes).
const paramsText = v.pipe(v.string(), v.regex(/^([a-zA-Z][\w-]{0,39}:-?\d{1,9}(,|$)){0,32}$/));

/** The fields, in the order they are checked (the first bad one is named). */
const linkFieldsSchema = v.object({
  v: v.picklist(['1', '2', '3']),
  s: id,
  f: v.optional(id),
  /** v2: the fix the run was pinned under (the schedule's indices are under it). */
  pf: v.optional(id),
  /** v2: the parameters the run was pinned under (`''` for the defaults). */
  pm: v.optional(paramsText),
  g: v.optional(v.picklist(['o', 'm'])),
  seed: v.optional(uint(0xffff_ffff)),
  c: v.optional(uint(MAX_STEPS)),
  p: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-z~]*$/), v.maxLength(MAX_STEPS * 3))),
  z: v.optional(packed(MAX_PACKED)),
  m: v.optional(paramsText),
  /** The fix drawn beside `f` in the compare view. */
  cmp: v.optional(id),
  /** v3: the title and step notes, deflated JSON in base64url. */
  a: v.optional(packed(MAX_PACKED_ANNOTATIONS)),
});

export type LinkFields = v.InferOutput<typeof linkFieldsSchema>;

/** The fields read, or the first field that is wrong (`link` for one the format does not have). */
export type ParsedFields =
  | { readonly ok: true; readonly fields: LinkFields }
  | { readonly ok: false; readonly where: string };

/**
 * Checks a link's fields: each known field in turn, then that there is no other field, then the
 * rules between fields (v1 carries no pinned configuration; only v3 carries notes). Pure.
 */
export function parseLinkFields(raw: Readonly<Record<string, string>>): ParsedFields {
  const parsed = v.safeParse(linkFieldsSchema, raw, { abortEarly: true });
  if (!parsed.success) return { ok: false, where: v.getDotPath(parsed.issues[0]) ?? 'link' };
  if (Object.keys(raw).some((key) => !Object.hasOwn(linkFieldsSchema.entries, key)))
    return { ok: false, where: 'link' };
  const fields = parsed.output;
  if (fields.v === '1' && (fields.pf !== undefined || fields.pm !== undefined))
    return { ok: false, where: 'v' };
  if (fields.v !== '3' && fields.a !== undefined) return { ok: false, where: 'a' };
  return { ok: true, fields };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Splits `a=1&b=2` into a null-prototype record; returns an error text for duplicate,
 * forbidden or undecodable keys. Pure.
 */
export function splitFields(text: string): Record<string, string> | string {
  const fields = Object.create(null) as Record<string, string>;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      value = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
    } catch {
      return 'it contains a badly escaped character';
    }
    if (FORBIDDEN_KEYS.has(key)) return `it contains a forbidden field "${key}"`;
    if (Object.prototype.hasOwnProperty.call(fields, key))
      return `the field "${key}" appears twice`;
    fields[key] = value;
  }
  return fields;
}

/** Returns params parsed from `readers:2,ttl:5` into a null-prototype record. Pure. */
export function parseParams(text: string | undefined): Record<string, number> {
  const params = Object.create(null) as Record<string, number>;
  if (!text) return params;
  for (const pair of text.split(',')) {
    const [k, v] = pair.split(':');
    if (k && v !== undefined && !FORBIDDEN_KEYS.has(k)) params[k] = Number(v);
  }
  return params;
}
