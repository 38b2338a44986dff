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
  .check(
    z.regex(ID, 'expected an id: lowercase letters, digits and dashes, starting with a letter'),
  );
const text = (max: number) =>
  z.string().check(z.maxLength(max, `expected at most ${max} characters`));
const int = z
  .number({ error: 'expected an integer' })
  .check(
    z.int('expected an integer'),
    z.minimum(0, 'expected an integer ≥ 0'),
    z.maximum(MAX_NUMBER, `expected an integer ≤ ${MAX_NUMBER}`),
  );
const paramRef = z
  .string()
  .check(z.regex(/^\$[a-z][\w-]*$/i, 'expected a parameter reference like $name'));
const scalar = z.union([
  z.null(),
  z.boolean(),
  z.number(),
  z.string().check(z.maxLength(LIMITS.string)),
]);
const lookup = z.strictObject({
  $param: z.string().check(z.minLength(1), z.maxLength(40)),
  map: z.optional(z.record(z.string().check(z.maxLength(20)), scalar)),
  else: z.optional(scalar),
});
const intOrRef = z.union([int, paramRef, lookup], {
  error: 'expected an integer, a parameter reference like $name, or { $param: name, map: … }',
});
const boolOrRef = z.union([z.boolean(), paramRef, lookup], {
  error: 'expected true, false, a parameter reference like $name, or { $param: name, map: … }',
});

/** Option values: JSON with parameter references (structure is capped before parsing). */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
const value: z.ZodMiniType<Value> = z.lazy(() =>
  z.union([
    scalar,
    z.array(value).check(z.maxLength(LIMITS.items, `expected at most ${LIMITS.items} items`)),
    z
      .record(z.string().check(z.maxLength(80)), value)
      .check(
        z.refine((r) => Object.keys(r).length <= LIMITS.items, `at most ${LIMITS.items} keys`),
      ),
  ]),
);
const options = z.record(z.string().check(z.maxLength(40)), value);

const param = z
  .strictObject({
    id,
    label: text(120),
    default: int,
    min: int,
    max: int,
  })
  .check(z.refine((p) => p.min <= p.default && p.default <= p.max, 'expected min ≤ default ≤ max'));

const axis = z.strictObject({
  param: id,
  actors: z.optional(z.boolean()),
  values: z.union(
    [
      z.array(int).check(z.minLength(1), z.maxLength(LIMITS.sweepValues)),
      z.strictObject({ from: intOrRef, to: intOrRef }),
    ],
    { error: 'expected a list of integers or { from: …, to: … }' },
  ),
});

const actor = z.strictObject({
  id,
  label: text(80),
  kind: z.enum(ACTOR_KIND_NAMES),
  role: z.optional(z.enum(['process', 'server'])),
  count: z.optional(intOrRef),
  numbering: z.optional(z.enum(['when-many', 'always'])),
  enabled: z.optional(boolOrRef),
  options: z.optional(options),
});

const faultCommon = {
  id,
  max: z.number().check(z.int(), z.minimum(1), z.maximum(8)),
  label: text(200),
  enabled: z.optional(boolOrRef),
};
const whenIn = z.optional(z.array(text(40)).check(z.maxLength(16)));
const messageType = (example: string) =>
  z.string().check(z.regex(/^[A-Za-z_]{1,32}$/, `expected a message type like ${example}`));
const drop = z.strictObject({
  kind: z.literal('drop'),
  from: id,
  to: id,
  lane: z.optional(id),
  message: messageType('DEL'),
  ...faultCommon,
});
const inject = z.strictObject({
  kind: z.literal('inject'),
  actor: id,
  event: z
    .string()
    .check(z.regex(/^[A-Z][A-Z_]{0,31}$/, 'expected an event name like PAUSE or CRASH')),
  whenIn,
  duration: z.optional(intOrRef),
  ...faultCommon,
});
const duration = intOrRef;
const delay = z.strictObject({
  kind: z.literal('delay'),
  from: id,
  to: id,
  lane: z.optional(id),
  message: messageType('SET'),
  duration,
  ...faultCommon,
});
const crash = z.strictObject({
  kind: z.literal('crash'),
  actor: id,
  whenIn,
  ...faultCommon,
});
const stall = z.strictObject({
  kind: z.literal('stall'),
  actor: id,
  duration,
  whenIn,
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
  max: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(8))),
  label: z.optional(text(200)),
  enabled: z.optional(boolOrRef),
  whenIn,
  duration: z.optional(intOrRef),
});

const fix = z.strictObject({
  id,
  label: text(120),
  summary: text(LIMITS.string),
  defuses: z.optional(z.record(id, text(LIMITS.string))),
  options: z.optional(z.record(id, options)),
  enabled: z.optional(z.record(id, boolOrRef)),
  faults: z.optional(z.record(id, faultOverride)),
  invariants: z.optional(z.record(id, options)),
});

const list = <T extends z.ZodMiniType>(item: T, max: number, what: string) =>
  z.array(item).check(z.maxLength(max, `expected at most ${max} ${what}`));

export const modelSchema = z.strictObject({
  format: z.literal(FORMAT, { error: `expected format: ${FORMAT}` }),
  id,
  title: text(120),
  story: z.optional(text(LIMITS.string)),
  tags: z.optional(list(text(40), 8, 'tags')),
  source: z.optional(text(200)),
  narrative: z.optional(z.enum(['cache', 'duplicate-insert', 'querypilot', 'shared-state'])),
  params: z.optional(list(param, LIMITS.params, 'params')),
  sweep: z.optional(list(axis, LIMITS.sweep, 'sweep axes')),
  actors: list(actor, LIMITS.actors, 'actors').check(z.minLength(1, 'expected at least one actor')),
  faults: z.optional(list(fault, LIMITS.faults, 'faults')),
  invariants: list(invariant, LIMITS.invariants, 'invariants').check(
    z.minLength(1, 'expected at least one invariant'),
  ),
  fixes: list(fix, LIMITS.fixes, 'fixes').check(z.minLength(1, 'expected at least one fix')),
});

export type ModelDoc = z.infer<typeof modelSchema>;
export type ActorDoc = ModelDoc['actors'][number];
export type FaultDoc = NonNullable<ModelDoc['faults']>[number];
export type FixDoc = ModelDoc['fixes'][number];
export type InvariantDoc = ModelDoc['invariants'][number];
