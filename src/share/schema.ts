/**
 * The raw fields of a share link (v1; v2 adds where the run was pinned; v3 its notes) and their
 * validation (zod/mini: small, and no `eval` probe under the page's CSP). Pure. Keys are parsed into a
 * null-prototype object and `__proto__`-like keys are refused, so a link cannot pollute
 * prototypes.
 */
import * as z from 'zod/mini';
import { MAX_PACKED_ANNOTATIONS } from './annotations';
import { MAX_PACKED, MAX_STEPS } from './indices';

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

const id = z.string().check(z.regex(/^[A-Za-z0-9][\w.-]{0,63}$/));
const uint = (max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,10}$/)), z.transform(Number)),
    z.int().check(z.minimum(0), z.maximum(max)),
  );

// Names are a built-in's parameters, or an authored model's ids (lowercase, with dashes).
const paramsText = z.string().check(z.regex(/^([a-zA-Z][\w-]{0,39}:-?\d{1,9}(,|$)){0,32}$/));

export const linkFieldsSchema = z
  .strictObject({
    v: z.enum(['1', '2', '3']),
    s: id,
    f: z.optional(id),
    /** v2: the fix the run was pinned under (the schedule's indices are under it). */
    pf: z.optional(id),
    /** v2: the parameters the run was pinned under (`''` for the defaults). */
    pm: z.optional(paramsText),
    g: z.optional(z.enum(['o', 'm'])),
    seed: z.optional(uint(0xffff_ffff)),
    c: z.optional(uint(MAX_STEPS)),
    p: z.optional(z.string().check(z.regex(/^[0-9a-z~]*$/), z.maxLength(MAX_STEPS * 3))),
    z: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]*$/), z.maxLength(MAX_PACKED))),
    m: z.optional(paramsText),
    /** The fix drawn beside `f` in the compare view. */
    cmp: z.optional(id),
    /** v3: the title and step notes, deflated JSON in base64url. */
    a: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9_-]*$/), z.maxLength(MAX_PACKED_ANNOTATIONS)),
    ),
  })
  .check(
    z.refine((f) => f.v !== '1' || (f.pf === undefined && f.pm === undefined), {
      message: 'v1 links carry no pinned configuration',
      path: ['v'],
    }),
    z.refine((f) => f.v === '3' || f.a === undefined, {
      message: 'only v3 links carry notes',
      path: ['a'],
    }),
  );

export type LinkFields = z.infer<typeof linkFieldsSchema>;

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
