/**
 * The schema of an authored model (format `interleave/1`): structure, names and size caps.
 * Options and invariant parameters are checked against the library in `validate`. Pure.
 */
import { z } from './zod';
import { ACTOR_KIND_NAMES, MAX_NUMBER } from './actors';
import { INVARIANT_NAMES } from './invariants';

export const FORMAT = 'interleave/1';

/** Size caps: a model past any of them is refused with a clear error. */
export const LIMITS = {
  /** Characters of YAML text (a built-in written out takes about 6,000). */
  text: 16 * 1024,
  /** Lines of YAML text. */
  lines: 800,
  /** YAML nodes (every scalar, list and map). */
  nodes: 4000,
  /** Nesting depth of lists and maps. */
  depth: 16,
  /** Brackets and list dashes open at once, counted on the raw text before parsing. */
  openings: 24,
  actors: 12,
  /** Actors in one configuration, once counts are applied. */
  instances: 16,
  faults: 8,
  invariants: 16,
  fixes: 16,
  params: 8,
  sweep: 8,
  /** Values one sweep axis may list or range over. */
  sweepValues: 16,
  /** Items of any list, keys of any map inside options. */
  items: 32,
  string: 400,
} as const;

const ID = /^[a-z][a-z0-9-]{0,39}$/;
export const id = z
  .string({ error: 'expected an id (lowercase letters, digits and dashes)' })
  .regex(ID, 'expected an id: lowercase letters, digits and dashes, starting with a letter');
const text = (max: number) => z.string().max(max, `expected at most ${max} characters`);
const int = z
  .number({ error: 'expected an integer' })
  .int('expected an integer')
  .min(0, 'expected an integer ≥ 0')
  .max(MAX_NUMBER, `expected an integer ≤ ${MAX_NUMBER}`);
const paramRef = z.string().regex(/^\$[a-z][\w-]*$/i, 'expected a parameter reference like $name');
const scalar = z.union([z.null(), z.boolean(), z.number(), z.string().max(LIMITS.string)]);
const lookup = z.strictObject({
  $param: z.string().min(1).max(40),
  map: z.record(z.string().max(20), scalar).optional(),
  else: scalar.optional(),
});
const intOrRef = z.union([int, paramRef, lookup], {
  error: 'expected an integer, a parameter reference like $name, or { $param: name, map: … }',
});
const boolOrRef = z.union([z.boolean(), paramRef, lookup], {
  error: 'expected true, false, a parameter reference like $name, or { $param: name, map: … }',
});

/** Option values: JSON with parameter references (structure is capped before parsing). */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
const value: z.ZodType<Value> = z.lazy(() =>
  z.union([
    scalar,
    z.array(value).max(LIMITS.items, `expected at most ${LIMITS.items} items`),
    z
      .record(z.string().max(80), value)
      .refine((r) => Object.keys(r).length <= LIMITS.items, `at most ${LIMITS.items} keys`),
  ]),
);
const options = z.record(z.string().max(40), value);

const param = z
  .strictObject({
    id,
    label: text(120),
    default: int,
    min: int,
    max: int,
  })
  .refine((p) => p.min <= p.default && p.default <= p.max, 'expected min ≤ default ≤ max');

const axis = z.strictObject({
  param: id,
  actors: z.boolean().optional(),
  values: z.union(
    [z.array(int).min(1).max(LIMITS.sweepValues), z.strictObject({ from: intOrRef, to: intOrRef })],
    { error: 'expected a list of integers or { from: …, to: … }' },
  ),
});

const actor = z.strictObject({
  id,
  label: text(80),
  kind: z.enum(ACTOR_KIND_NAMES),
  role: z.enum(['process', 'server']).optional(),
  count: intOrRef.optional(),
  numbering: z.enum(['when-many', 'always']).optional(),
  enabled: boolOrRef.optional(),
  options: options.optional(),
});

const faultCommon = {
  id,
  max: z.number().int().min(1).max(8),
  label: text(200),
  enabled: boolOrRef.optional(),
};
const drop = z.strictObject({
  kind: z.literal('drop'),
  from: id,
  to: id,
  lane: id.optional(),
  message: z.string().regex(/^[A-Za-z_]{1,32}$/, 'expected a message type like DEL'),
  ...faultCommon,
});
const inject = z.strictObject({
  kind: z.literal('inject'),
  actor: id,
  event: z.string().regex(/^[A-Z][A-Z_]{0,31}$/, 'expected an event name like PAUSE or CRASH'),
  whenIn: z.array(text(40)).max(16).optional(),
  duration: intOrRef.optional(),
  ...faultCommon,
});
const duration = intOrRef;
const delay = z.strictObject({
  kind: z.literal('delay'),
  from: id,
  to: id,
  lane: id.optional(),
  message: z.string().regex(/^[A-Za-z_]{1,32}$/, 'expected a message type like SET'),
  duration,
  ...faultCommon,
});
const crash = z.strictObject({
  kind: z.literal('crash'),
  actor: id,
  whenIn: z.array(text(40)).max(16).optional(),
  ...faultCommon,
});
const stall = z.strictObject({
  kind: z.literal('stall'),
  actor: id,
  duration,
  whenIn: z.array(text(40)).max(16).optional(),
  ...faultCommon,
});

/** The fault kinds a model may declare (for docs and completion). */
export const FAULT_KINDS = ['drop', 'delay', 'inject', 'crash', 'stall'] as const;

const fault = z.discriminatedUnion('kind', [drop, delay, inject, crash, stall], {
  error: `expected a fault with kind: ${FAULT_KINDS.join(' | ')}`,
});

const invariant = z.looseObject({
  use: z.enum(INVARIANT_NAMES),
  role: z.enum(['harm', 'diagnostic']),
});

const faultOverride = z.strictObject({
  max: z.number().int().min(1).max(8).optional(),
  label: text(200).optional(),
  enabled: boolOrRef.optional(),
  whenIn: z.array(text(40)).max(16).optional(),
  duration: intOrRef.optional(),
});

const fix = z.strictObject({
  id,
  label: text(120),
  summary: text(LIMITS.string),
  defuses: z.record(id, text(LIMITS.string)).optional(),
  options: z.record(id, options).optional(),
  enabled: z.record(id, boolOrRef).optional(),
  faults: z.record(id, faultOverride).optional(),
  invariants: z.record(id, options).optional(),
});

const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, `expected at most ${max} ${what}`);

export const modelSchema = z.strictObject({
  format: z.literal(FORMAT, { error: `expected format: ${FORMAT}` }),
  id,
  title: text(120),
  story: text(LIMITS.string).optional(),
  tags: list(text(40), 8, 'tags').optional(),
  source: text(200).optional(),
  narrative: z.enum(['cache', 'duplicate-insert', 'querypilot', 'shared-state']).optional(),
  params: list(param, LIMITS.params, 'params').optional(),
  sweep: list(axis, LIMITS.sweep, 'sweep axes').optional(),
  actors: list(actor, LIMITS.actors, 'actors').min(1, 'expected at least one actor'),
  faults: list(fault, LIMITS.faults, 'faults').optional(),
  invariants: list(invariant, LIMITS.invariants, 'invariants').min(
    1,
    'expected at least one invariant',
  ),
  fixes: list(fix, LIMITS.fixes, 'fixes').min(1, 'expected at least one fix'),
});

export type ModelDoc = z.infer<typeof modelSchema>;
export type ActorDoc = ModelDoc['actors'][number];
export type FaultDoc = NonNullable<ModelDoc['faults']>[number];
export type FixDoc = ModelDoc['fixes'][number];
export type InvariantDoc = ModelDoc['invariants'][number];
