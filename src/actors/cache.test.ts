import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../engine/machines';
import type { ActorState } from '../engine/types';
import { eventMaker, firstSend, runEvents } from '../../test/support/actorHarness';
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
});
