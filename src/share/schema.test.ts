import { deflateSync } from 'fflate';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
  decodeAnnotations,
  MAX_NOTE,
  MAX_NOTES,
  MAX_PACKED_ANNOTATIONS,
  MAX_STEPS,
  MAX_TITLE,
} from './annotations';
import { toBase64Url } from './base64url';
import { decodeLink } from './link';
import { MAX_PACKED } from './indices';
import { parseLinkFields } from './schema';

// The schemas the link fields and notes were checked with before (zod/mini), kept here as the
// reference: the page's checks must accept, refuse and name the same fields as they did.
const zid = z.string().check(z.regex(/^[A-Za-z0-9][\w.-]{0,63}$/));
const zuint = (max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,10}$/)), z.transform(Number)),
    z.int().check(z.minimum(0), z.maximum(max)),
  );
const zparams = z.string().check(z.regex(/^([a-zA-Z][\w-]{0,39}:-?\d{1,9}(,|$)){0,32}$/));
const zpacked = (max: number) =>
  z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]*$/), z.maxLength(max)));
const referenceFields = z
  .strictObject({
    v: z.enum(['1', '2', '3']),
    s: zid,
    f: z.optional(zid),
    pf: z.optional(zid),
    pm: z.optional(zparams),
    g: z.optional(z.enum(['o', 'm'])),
    seed: z.optional(zuint(0xffff_ffff)),
    c: z.optional(zuint(MAX_STEPS)),
    p: z.optional(z.string().check(z.regex(/^[0-9a-z~]*$/), z.maxLength(MAX_STEPS * 3))),
    z: zpacked(MAX_PACKED),
    m: z.optional(zparams),
    cmp: z.optional(zid),
    a: zpacked(MAX_PACKED_ANNOTATIONS),
  })
  .check(
    z.refine((f) => f.v !== '1' || (f.pf === undefined && f.pm === undefined), {
      path: ['v'],
    }),
    z.refine((f) => f.v === '3' || f.a === undefined, { path: ['a'] }),
  );
const referenceWire = z.tuple([
  z.string().check(z.maxLength(MAX_TITLE * 2)),
  z
    .array(
      z.tuple([
        z.int().check(z.minimum(1), z.maximum(MAX_STEPS)),
        z.string().check(z.maxLength(MAX_NOTE * 2)),
      ]),
    )
    .check(z.maxLength(MAX_NOTES)),
]);

function reference(raw: Record<string, string>) {
  const parsed = referenceFields.safeParse(raw);
  if (parsed.success) return { ok: true, fields: { ...parsed.data } };
  return { ok: false, where: parsed.error.issues[0]?.path.join('.') || 'link' };
}

function fieldsOf(entries: readonly (readonly [string, string])[]): Record<string, string> {
  const raw = Object.create(null) as Record<string, string>;
  for (const [key, value] of entries) raw[key] = value;
  return raw;
}

const long = (n: number, ch = 'a') => ch.repeat(n);
const IDS = ['none', 'cache-aside', 'x', 'a.b_c-d', '', '-x', 'a b', long(64), long(65), 'é'];
const UINTS = ['0', '7', '5000', '5001', '4294967295', '4294967296', '9999999999', '01', '-1'];
const VALUES: Readonly<Record<string, readonly string[]>> = {
  v: ['1', '2', '3', '4', '', 'v1'],
  s: IDS,
  f: IDS,
  pf: IDS,
  pm: ['', 'readers:2', 'readers:2,ttl:-5', 'a:1,', '2:1', 'r:1.5', 'x'],
  g: ['o', 'm', '', 'ops'],
  seed: [...UINTS, '', '1e3', '12345678901'],
  c: [...UINTS, ''],
  p: ['', '00110', '~a0', 'A', long(15_000, '0'), long(15_001, '0')],
  z: ['', 'AAAA', 'a-_Z', '%%', long(4096, 'A'), long(4097, 'A')],
  m: ['readers:3,writers:3', '', ':1', long(41) + ':1'],
  cmp: IDS,
  a: ['', 'eJw', '!', long(9000, 'A'), long(9001, 'A')],
  x: ['1'],
  am: ['abc'],
  V: ['1'],
};
const KEYS = Object.keys(VALUES);

const fieldEntries = fc
  .subarray(KEYS, { minLength: 0 })
  .chain((keys) =>
    fc.tuple(
      ...keys.map((key) =>
        fc
          .oneof(fc.constantFrom(...(VALUES[key] ?? [])), fc.string({ maxLength: 8 }))
          .map((value) => [key, value] as const),
      ),
    ),
  );

describe('the link fields check', () => {
  it('accepts, refuses and names the first wrong field as the reference does', () => {
    fc.assert(
      fc.property(fieldEntries, (entries) => {
        const raw = fieldsOf(entries);
        const got = parseLinkFields(raw);
        expect(got.ok ? { ok: true, fields: { ...got.fields } } : got).toEqual(reference(raw));
      }),
      { numRuns: 3000 },
    );
  });

  const base = { v: '1', s: 'cache-aside-set-after-delete', f: 'none', g: 'o', p: '' };
  const cases: readonly [string, Record<string, string>, string | null][] = [
    ['a good link', base, null],
    ['numbers read as numbers', { ...base, seed: '4294967295', c: '5000' }, null],
    ['a seed past 32 bits', { ...base, seed: '4294967296' }, 'seed'],
    ['a missing scenario', { v: '1' }, 's'],
    ['a field the format does not have', { ...base, x: '1' }, 'link'],
    ['a bad field before an unknown one', { ...base, g: 'x', x: '1' }, 'g'],
    ['fields checked in order, not as written', { c: 'x', ...base, f: '' }, 'f'],
    ['a pinned fix on v1', { ...base, pf: 'none' }, 'v'],
    ['notes on v2', { ...base, v: '2', a: 'AAAA' }, 'a'],
    ['an unknown field before the rules between fields', { ...base, pf: 'x', am: '1' }, 'link'],
    ['notes on v3', { ...base, v: '3', a: 'AAAA', pf: 'none', pm: '' }, null],
  ];
  for (const [name, entries, where] of cases) {
    it(`names the same field on ${name}`, () => {
      const raw = fieldsOf(Object.entries(entries));
      const got = parseLinkFields(raw);
      expect(got.ok ? null : got.where).toBe(where);
      expect(got.ok ? { ok: true, fields: { ...got.fields } } : got).toEqual(reference(raw));
    });
  }

  it('says which field is bad in the message, as before', () => {
    expect(decodeLink('v=1&s=cache-aside-set-after-delete&seed=x')).toEqual({
      ok: false,
      error: 'This link is damaged or truncated (bad "seed").',
    });
    expect(decodeLink('v=1&s=cache-aside-set-after-delete&zz=1')).toEqual({
      ok: false,
      error: 'This link is damaged or truncated (bad "link").',
    });
  });
});

describe('the notes check', () => {
  const packed = (json: string) => toBase64Url(deflateSync(new TextEncoder().encode(json)));
  const accepted = (json: string) => typeof decodeAnnotations(packed(json)) !== 'string';
  const referenceAccepts = (json: string) => referenceWire.safeParse(JSON.parse(json)).success;

  const step = fc.oneof(
    fc.constantFrom(0, 1, MAX_STEPS, MAX_STEPS + 1, 1.5, -1, 2 ** 53, '1', null),
    fc.integer({ min: -3, max: MAX_STEPS + 3 }),
  );
  const text = (max: number) =>
    fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(long(max), long(max + 1), 7, null, ['x']),
    );
  const pair = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(step, text(MAX_NOTE * 2)) },
    { weight: 1, arbitrary: fc.tuple(step) },
    { weight: 1, arbitrary: fc.tuple(step, text(MAX_NOTE * 2), fc.string()) },
    { weight: 1, arbitrary: fc.constantFrom({}, 'x', 3) },
  );
  const pairs = fc.oneof(
    fc.array(pair, { maxLength: 4 }),
    fc.constantFrom(MAX_NOTES, MAX_NOTES + 1).map((n) => Array.from({ length: n }, () => [1, ''])),
    fc.constantFrom({}, 'x', null),
  );
  const wire = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(text(MAX_TITLE * 2), pairs) },
    { weight: 1, arbitrary: fc.tuple(text(MAX_TITLE * 2)) },
    { weight: 1, arbitrary: fc.tuple(text(MAX_TITLE * 2), pairs, fc.string()) },
    { weight: 1, arbitrary: fc.constantFrom({}, 'x', 3, null) },
  );

  it('accepts and refuses the notes the reference does', () => {
    fc.assert(
      fc.property(wire, (value) => {
        const json = JSON.stringify(value);
        expect(accepted(json)).toBe(referenceAccepts(json));
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses steps that are not whole numbers from 1 to the last step', () => {
    for (const json of ['["",[[1e400,"x"]]]', '["",[[0,"x"]]]', '["",[[1.5,"x"]]]']) {
      expect(accepted(json)).toBe(false);
      expect(referenceAccepts(json)).toBe(false);
    }
    expect(accepted(`["t",[[1,"a"],[${MAX_STEPS},"b"]]]`)).toBe(true);
  });

  it('refuses a note or the whole with an item too many or too few', () => {
    for (const json of ['["",[[1,"",""]]]', '["",[[1]]]', '["",[],""]', '[""]']) {
      expect(accepted(json)).toBe(false);
      expect(referenceAccepts(json)).toBe(false);
    }
  });
});
