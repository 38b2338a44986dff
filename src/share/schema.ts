/**
 * The raw fields of a v1 share link and their validation (zod). Pure. Keys are parsed into a
 * null-prototype object and `__proto__`-like keys are refused, so a link cannot pollute
 * prototypes.
 */
import { z } from 'zod';
import { MAX_PACKED, MAX_STEPS } from './indices';

/** The link format version this build writes and reads. */
export const LINK_VERSION = 1;
/** Longest link (after `#`) accepted at all. */
export const MAX_LINK_LENGTH = 12_000;

const id = z.string().regex(/^[A-Za-z0-9][\w.-]{0,63}$/);
const uint = (max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

export const linkFieldsSchema = z.strictObject({
  v: z.literal('1'),
  s: id,
  f: id.optional(),
  g: z.enum(['o', 'm']).optional(),
  seed: uint(0xffff_ffff).optional(),
  c: uint(MAX_STEPS).optional(),
  p: z
    .string()
    .regex(/^[0-9a-z~]*$/)
    .max(MAX_STEPS * 3)
    .optional(),
  z: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .max(MAX_PACKED)
    .optional(),
  m: z
    .string()
    .regex(/^([a-zA-Z][a-zA-Z0-9_]{0,31}:-?\d{1,9}(,|$)){0,32}$/)
    .optional(),
});

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
