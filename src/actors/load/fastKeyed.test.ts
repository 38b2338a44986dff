import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../engine/canonical';
import type { KeyedActors, KeyedInput } from '../../engine/load/behaviour';
import type { MachineEvent } from '../../engine/machines';
import type { Json } from '../../engine/types';
import { fastBehaviour, xstateBehaviour } from './behaviours';

const xstate = xstateBehaviour();
const KEY = 'k1';
/** KEY's number in the stores (a store may be told any number for a key). */
const ID = 3;

/** A store's start from `input`, told the long way (no `own`). */
const whole = (input: Json): KeyedInput => ({ input: () => input });

/**
 * Runs `events` (all on KEY, times made increasing) through the machine of `kind` from `input`
 * and through the fast behaviour's per-key store started by `start` (by default from the same
 * input): every reply and every state must agree.
 */
function agree(
  kind: string,
  input: Json,
  events: readonly Omit<MachineEvent, 'now'>[],
  start: KeyedInput = whole(input),
): void {
  const store = fastBehaviour().keyed?.(kind, start) as KeyedActors;
  expect(store).toBeDefined();
  let state = xstate.initial(kind, input).state;
  expect(store.state(ID)).toBeUndefined();
  events.forEach((event, i) => {
    const now = i * 3;
    const timed = { ...event, now } as unknown as MachineEvent;
    const result = xstate.deliver(kind, state, timed);
    state = result.state;
    const plans = store.deliver(ID, KEY, timed, now);
    expect(canonicalJson(plans)).toBe(canonicalJson(result.plans));
    expect(canonicalJson(store.state(ID))).toBe(canonicalJson(state));
  });
}

const from = fc.constantFrom('r1', 'r2', 'r3');
const version = fc.integer({ min: 0, max: 4 });
const ttl = fc.option(fc.integer({ min: 1, max: 12 }), { nil: null });
const write = (type: string) =>
  fc.record({
    type: fc.constant(type),
    from,
    key: fc.constant(KEY),
    value: fc.constantFrom('v1', 'v2'),
    version,
    ttl,
    lease: fc.option(fc.integer({ min: -1, max: 3 }), { nil: null }),
  });

const cacheEvent = fc.oneof(
  fc.record({ type: fc.constant('GET'), from, key: fc.constant(KEY), lease: fc.boolean() }),
  fc.record({ type: fc.constant('WAIT'), from, key: fc.constant(KEY) }),
  write('SET'),
  write('ADD'),
  write('CAS'),
  fc.record({ type: fc.constant('DEL'), from, key: fc.constant(KEY) }),
  fc.record({ type: fc.constant('INVALIDATE'), from, key: fc.constant(KEY), version }),
);

const entry = fc.record({
  value: fc.constantFrom('v1', 'v2'),
  version,
  expiresAt: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  tombstone: fc.boolean(),
});

/** A warm input: maybe an entry for the key itself, maybe one for another key. */
const cacheInput = fc.oneof(
  fc.constant(null),
  fc
    .record({
      own: fc.option(entry, { nil: undefined }),
      other: fc.option(entry, { nil: undefined }),
    })
    .map(({ own, other }) => ({
      entries: { ...(own ? { [KEY]: own } : {}), ...(other ? { k2: other } : {}) },
    })),
);

const RUNS = { numRuns: 300 };

describe('the fast per-key stores equal the machines on the same schedules', () => {
  it('cache: every command on one key, from a cold or warm input', () => {
    fc.assert(
      fc.property(cacheInput, fc.array(cacheEvent, { maxLength: 25 }), (input, events) =>
        agree('cache', input as Json, events),
      ),
      RUNS,
    );
  });

  it('database: SELECT and UPDATE on one key, with or without its row', () => {
    const row = fc.record({ value: fc.constantFrom('v1', 'v7'), version });
    const input = fc
      .record({
        own: fc.option(row, { nil: undefined }),
        other: fc.option(row, { nil: undefined }),
      })
      .map(({ own, other }) => ({
        rows: { ...(own ? { [KEY]: own } : {}), ...(other ? { k2: other } : {}) },
      }));
    const event = fc.record({
      type: fc.constantFrom('SELECT', 'UPDATE'),
      from,
      key: fc.constant(KEY),
    });
    fc.assert(
      fc.property(input, fc.array(event, { maxLength: 12 }), (i, e) => agree('database', i, e)),
      RUNS,
    );
  });

  it("a store started from the key's own part equals one started from the whole input", () => {
    // `own` tells the input shorter when it holds the key's own entry or row only.
    const cache = fc.option(entry, { nil: undefined });
    fc.assert(
      fc.property(cache, fc.array(cacheEvent, { maxLength: 25 }), (own, events) => {
        const input = { entries: own ? { [KEY]: own } : {} };
        agree('cache', input, events, { input: () => input, own: () => own });
      }),
      RUNS,
    );
    const row = fc.option(fc.record({ value: fc.constantFrom('v1', 'v7'), version }), {
      nil: undefined,
    });
    const statement = fc.record({
      type: fc.constantFrom('SELECT', 'UPDATE'),
      from,
      key: fc.constant(KEY),
    });
    fc.assert(
      fc.property(row, fc.array(statement, { maxLength: 12 }), (own, events) => {
        const input = { rows: own ? { [KEY]: own } : {} };
        agree('database', input, events, { input: () => input, own: () => own });
      }),
      RUNS,
    );
  });

  it('a command whose reply nobody reads changes the state as one whose reply is read', () => {
    fc.assert(
      fc.property(fc.array(cacheEvent, { maxLength: 20 }), (events) => {
        const told = fastBehaviour().keyed?.('cache', whole(null)) as KeyedActors;
        const untold = fastBehaviour().keyed?.('cache', whole(null)) as KeyedActors;
        events.forEach((event, i) => {
          const timed = { ...event, now: i * 3 } as unknown as MachineEvent;
          told.deliver(ID, KEY, timed, i * 3);
          const plans = untold.deliver(ID, KEY, timed, i * 3, false);
          if (event.type === 'DEL' || event.type === 'INVALIDATE') expect(plans).toEqual([]);
          expect(canonicalJson(untold.state(ID))).toBe(canonicalJson(told.state(ID)));
        });
      }),
      RUNS,
    );
  });

  it('a store keeps each key to itself', () => {
    const store = fastBehaviour().keyed?.('cache', whole(null)) as KeyedActors;
    const set = { type: 'SET', from: 'r1', key: 'a', value: 'v1', version: 1, ttl: null, now: 0 };
    store.deliver(0, 'a', set as unknown as MachineEvent, 0);
    const get = { type: 'GET', from: 'r2', key: 'b', now: 1 } as unknown as MachineEvent;
    // Key numbers far apart: the store grows to the higher one.
    expect(canonicalJson(store.deliver(5000, 'b', get, 1))).toContain('"MISS"');
    expect(canonicalJson(store.state(0))).toContain('"v1"');
    expect(canonicalJson(store.state(5000))).not.toContain('"v1"');
    expect(store.state(1)).toBeUndefined();
  });
});
