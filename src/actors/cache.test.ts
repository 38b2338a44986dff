import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../engine/machines';
import type { ActorState } from '../engine/types';
import { eventMaker, firstSend, runEvents, sendsOf } from '../../test/support/actorHarness';
import { cacheMachine, type CacheContext } from './cache';

const run = (events: MachineEvent[]) => runEvents(cacheMachine, null, events);
const ev = eventMaker({ from: 'client', key: 'k' });
const entries = (r: { state: ActorState }) => (r.state.context as unknown as CacheContext).entries;

describe('cache machine', () => {
  it('misses, then hits after a SET, and replies to the sender', () => {
    expect(firstSend(run([ev('GET')]).plans)).toMatchObject({
      to: 'client',
      type: 'MISS',
      reply: true,
    });
    const hit = firstSend(run([ev('SET', { value: 'v1', version: 1 }), ev('GET')]).plans);
    expect(hit).toMatchObject({ type: 'HIT', payload: { value: 'v1', version: 1 } });
  });

  it('expires entries on the world clock', () => {
    const set = ev('SET', { value: 'v1', version: 1, ttl: 5, now: 2 });
    expect(firstSend(run([set, ev('GET', { now: 6 })]).plans).type).toBe('HIT');
    expect(firstSend(run([set, ev('GET', { now: 7 })]).plans).type).toBe('MISS');
  });

  it('DEL removes the entry', () => {
    const r = run([ev('SET', { value: 'v1', version: 1 }), ev('DEL'), ev('GET')]);
    expect(firstSend(r.plans).type).toBe('MISS');
  });

  it('grants one lease per key; DEL voids it; a SET needs the valid lease', () => {
    const first = firstSend(run([ev('GET', { lease: true })]).plans);
    expect(first.payload).toMatchObject({ lease: 1 });
    const second = firstSend(run([ev('GET', { lease: true }), ev('GET', { lease: true })]).plans);
    expect(second.payload).toMatchObject({ lease: -1 });
    const voided = run([
      ev('GET', { lease: true }),
      ev('DEL'),
      ev('SET', { value: 'v1', version: 1, lease: 1 }),
    ]);
    expect(firstSend(voided.plans)).toMatchObject({
      type: 'NOT_STORED',
      payload: { key: 'k', refused: 'SET', version: 1, lease: 1 },
    });
    expect(entries(voided)).toEqual({});
    const valid = run([
      ev('GET', { lease: true }),
      ev('SET', { value: 'v1', version: 1, lease: 1 }),
    ]);
    expect(firstSend(valid.plans).type).toBe('STORED');
  });

  it('ADD stores only when absent', () => {
    const r = run([ev('SET', { value: 'v2', version: 2 }), ev('ADD', { value: 'v1', version: 1 })]);
    expect(firstSend(r.plans).type).toBe('NOT_STORED');
    expect(entries(r)['k']?.value).toBe('v2');
  });

  it('CAS installs only newer versions, and a tombstone fences older ones', () => {
    const older = run([
      ev('CAS', { value: 'v2', version: 2 }),
      ev('CAS', { value: 'v1', version: 1 }),
    ]);
    expect(firstSend(older.plans).type).toBe('NOT_STORED');
    const fenced = run([ev('INVALIDATE', { version: 2 }), ev('CAS', { value: 'v1', version: 1 })]);
    expect(firstSend(fenced.plans)).toMatchObject({
      type: 'NOT_STORED',
      payload: { refused: 'CAS', version: 1, lease: null },
    });
    const fresh = run([ev('INVALIDATE', { version: 2 }), ev('CAS', { value: 'v2', version: 2 })]);
    expect(firstSend(fresh.plans).type).toBe('STORED');
    expect(firstSend(run([ev('INVALIDATE', { version: 2 }), ev('GET')]).plans).type).toBe('MISS');
  });

  it('a late invalidation never lowers the tombstone version', () => {
    const r = run([
      ev('INVALIDATE', { version: 3 }),
      ev('INVALIDATE', { version: 2 }),
      ev('CAS', { value: 'v2', version: 2 }),
    ]);
    expect(firstSend(r.plans).type).toBe('NOT_STORED');
  });

  it('WAIT answers a live key at once, else parks the client until the next stored write', () => {
    const live = run([ev('SET', { value: 'v1', version: 1 }), ev('WAIT', { from: 'r2' })]);
    expect(firstSend(live.plans)).toMatchObject({ to: 'r2', type: 'HIT', reply: true });
    const parked = run([ev('WAIT', { from: 'r2' }), ev('WAIT', { from: 'r3' })]);
    expect(parked.plans).toEqual([]);
    const filled = run([
      ev('WAIT', { from: 'r2' }),
      ev('WAIT', { from: 'r3' }),
      ev('SET', { from: 'r1', value: 'v1', version: 1 }),
    ]);
    expect(sendsOf(filled.plans)).toEqual(['r2:FILLED', 'r3:FILLED', 'r1:STORED']);
    expect(firstSend(filled.plans)).toMatchObject({
      payload: { key: 'k', value: 'v1', version: 1 },
    });
    expect(firstSend(filled.plans).reply).toBeUndefined();
    // Woken once: the next write wakes no one.
    const again = run([
      ev('WAIT', { from: 'r2' }),
      ev('SET', { from: 'r1', value: 'v1', version: 1 }),
      ev('SET', { from: 'r1', value: 'v2', version: 2 }),
    ]);
    expect(sendsOf(again.plans)).toEqual(['r1:STORED']);
  });

  it('a refused write wakes no one; a DEL leaves the parked waiting', () => {
    const parked = [ev('INVALIDATE', { version: 2 }), ev('WAIT', { from: 'r2' })];
    const refused = run([...parked, ev('CAS', { value: 'v1', version: 1 })]);
    expect(sendsOf(refused.plans)).toEqual(['client:NOT_STORED']);
    const later = run([
      ...parked,
      ev('CAS', { value: 'v1', version: 1 }),
      ev('DEL'),
      ev('CAS', { value: 'v1', version: 1 }),
    ]);
    expect(sendsOf(later.plans)).toEqual(['r2:FILLED', 'client:STORED']);
  });
});
