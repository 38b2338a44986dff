import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../engine/canonical';
import type { MachineEvent } from '../../engine/machines';
import type { Json } from '../../engine/types';
import { encodeHot } from '../hotReader';
import { fastBehaviour, xstateBehaviour } from './behaviours';

const xstate = xstateBehaviour();
const fast = fastBehaviour();

/** Runs `events` (times made increasing) through both behaviours; every step must agree. */
function agree(kind: string, input: Json, events: readonly Omit<MachineEvent, 'now'>[]): void {
  let a = xstate.initial(kind, input);
  let b = fast.initial(kind, input);
  expect(canonicalJson(b)).toBe(canonicalJson(a));
  events.forEach((event, i) => {
    const timed = { ...event, now: i * 3 } as unknown as MachineEvent;
    a = xstate.deliver(kind, a.state, timed);
    b = fast.deliver(kind, b.state, timed);
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });
}

const key = fc.constantFrom('k1', 'k2', 'lock:k1');
const from = fc.constantFrom('r1', 'r2');
const version = fc.integer({ min: 0, max: 4 });
const ttl = fc.option(fc.integer({ min: 1, max: 12 }), { nil: null });
const write = (type: string) =>
  fc.record({
    type: fc.constant(type),
    from,
    key,
    value: fc.constantFrom('v1', 'v2'),
    version,
    ttl,
    lease: fc.option(fc.integer({ min: -1, max: 3 }), { nil: null }),
  });

const cacheEvent = fc.oneof(
  fc.record({ type: fc.constant('GET'), from, key, lease: fc.boolean() }),
  fc.record({ type: fc.constant('WAIT'), from, key }),
  write('SET'),
  write('ADD'),
  write('CAS'),
  fc.record({ type: fc.constant('DEL'), from, key }),
  fc.record({ type: fc.constant('INVALIDATE'), from, key, version }),
);

const reply = (types: readonly string[]) =>
  fc.record({
    type: fc.constantFrom(...types),
    from: fc.constant('cache'),
    key: fc.constant('k1'),
    value: fc.constantFrom('v1', 'v2'),
    version,
    lease: fc.constantFrom(null, -1, 1, 2),
    name: fc.constant('t'),
  });

const RUNS = { numRuns: 200 };

describe('fast load kernels equal the machines on the same schedules', () => {
  it('cache', () => {
    fc.assert(
      fc.property(fc.array(cacheEvent, { maxLength: 25 }), (events) =>
        agree('cache', null, events),
      ),
      RUNS,
    );
  });

  it('reader, in every fill mode', () => {
    const input = fc.record({
      key: fc.constant('k1'),
      mode: fc.constantFrom('set', 'lease', 'cas', 'add'),
      ttl,
      cache: fc.constant('cache'),
      db: fc.constant('db'),
    });
    const events = fc.array(reply(['HIT', 'MISS', 'ROW', 'STORED', 'NOT_STORED']), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(input, events, (i, e) => agree('reader', i, e)),
      RUNS,
    );
  });

  it('writer, in every write mode', () => {
    const input = fc.record({
      key: fc.constant('k1'),
      mode: fc.constantFrom('delete', 'double-delete', 'invalidate-versioned', 'write-through'),
      delay: fc.integer({ min: 1, max: 9 }),
      ttl,
      cache: fc.constant('cache'),
      db: fc.constant('db'),
    });
    const events = fc.array(reply(['UPDATED', 'DELETED', 'TIMER', 'STORED', 'NOT_STORED']), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(input, events, (i, e) => agree('writer', i, e)),
      RUNS,
    );
  });

  it('database rows', () => {
    const events = fc.array(fc.record({ type: fc.constantFrom('SELECT', 'UPDATE'), from, key }), {
      maxLength: 12,
    });
    const input = { rows: { k1: { value: 'v1', version: 1 } } };
    fc.assert(
      fc.property(events, (e) => agree('database', input, e)),
      RUNS,
    );
  });

  it('hot reader, in every refresh policy', () => {
    const input = fc.record({
      key: fc.constant('k1'),
      policy: fc.constantFrom('plain', 'single-flight', 'early-refresh', 'stale-while-revalidate'),
      ttl: fc.integer({ min: 1, max: 20 }),
      stale: fc.integer({ min: 0, max: 10 }),
      beta: fc.constantFrom(1, 2),
      uniform: fc.double({ min: 0.001, max: 1, noNaN: true }),
      lockTtl: fc.constant(50),
      cache: fc.constant('cache'),
      db: fc.constant('db'),
    });
    const hit = fc.record({
      type: fc.constant('HIT'),
      from: fc.constant('cache'),
      key: fc.constant('k1'),
      value: fc
        .record({
          value: fc.constantFrom('v1', 'v2'),
          expiry: fc.integer({ min: 0, max: 30 }),
          delta: fc.integer({ min: 0, max: 9 }),
        })
        .map(encodeHot),
      version,
    });
    const events = fc.array(
      fc.oneof(hit, reply(['MISS', 'ROW', 'STORED', 'NOT_STORED', 'DELETED', 'FILLED'])),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(input, events, (i, e) => agree('hotReader', i, e)),
      RUNS,
    );
  });
});

describe('hot values', () => {
  it('decode what they encode', async () => {
    const { decodeHot } = await import('../hotReader');
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('|')),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (value, expiry, delta) => {
          expect(decodeHot(encodeHot({ value, expiry, delta }))).toEqual({ value, expiry, delta });
        },
      ),
    );
    expect(decodeHot('v1')).toEqual({ value: 'v1', expiry: 0, delta: 0 });
  });
});
