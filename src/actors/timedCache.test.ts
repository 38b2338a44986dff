import { describe, expect, it } from 'vitest';
import type { TransitionResult } from '../engine/machines';
import type { Json } from '../engine/types';
import { eventMaker, sendsOf, stepper } from '../../test/support/actorHarness';
import { timedCacheMachine, type TimedCacheContext } from './timedCache';
import { upstreamMachine, type UpstreamContext } from './upstream';

const ev = eventMaker({ from: 't1' });

describe('timed cache machine', () => {
  const cache = () => stepper.initial(timedCacheMachine, { ttl: 10 });
  const call = (r: TransitionResult, type: string, fields: Record<string, Json> = {}) =>
    stepper.deliver(timedCacheMachine, r.state, ev(type, { key: '42', ...fields }));
  /** The types of the messages a step sends, without their recipients. */
  const replies = (r: TransitionResult) =>
    r.plans.map((p) => (p.kind === 'send' ? p.type : p.kind));

  it('get_entry raises NonExistentEntry; add_entry raises ExistingEntry on a live entry', () => {
    let r = cache();
    expect(replies(call(r, 'GET_ENTRY'))).toEqual(['NonExistentEntry']);
    r = call(r, 'ADD_ENTRY', { value: 'User(42)', now: 5 });
    expect(replies(r)).toEqual(['ENTRY_ADDED']);
    expect((r.state.context as unknown as TimedCacheContext).entries['42']).toEqual({
      value: 'User(42)',
      expiresAt: 15,
    });
    expect(replies(call(r, 'ADD_ENTRY', { from: 't2', value: 'User(42)', now: 6 }))).toEqual([
      'ExistingEntry',
    ]);
    expect(
      replies(call(r, 'ADD_ENTRY', { from: 't2', value: 'User(42)', override: true, now: 6 })),
    ).toEqual(['ENTRY_ADDED']);
    // Once the TTL has passed the entry is gone for both calls.
    expect(replies(call(r, 'GET_ENTRY', { from: 't2', now: 15 }))).toEqual(['NonExistentEntry']);
    expect(replies(call(r, 'ADD_ENTRY', { from: 't2', value: 'User(42)', now: 15 }))).toEqual([
      'ENTRY_ADDED',
    ]);
  });

  it('single-flight: the first miss opens a future, the next awaits it, add_entry resolves it', () => {
    let r = call(cache(), 'GET_ENTRY', { join: true });
    expect(replies(r)).toEqual(['NonExistentEntry']);
    r = call(r, 'GET_ENTRY', { from: 't2', join: true });
    expect(replies(r)).toEqual(['AWAITING_FUTURE']);
    r = call(r, 'ADD_ENTRY', { value: 'User(42)' });
    expect(sendsOf(r.plans)).toEqual(['t2:FUTURE_RESOLVED', 't1:ENTRY_ADDED']);
    expect((r.state.context as unknown as TimedCacheContext).futures).toEqual({});
  });
});

describe('upstream machine', () => {
  it('answers every fetch and counts calls per user', () => {
    let r = stepper.initial(upstreamMachine, null);
    r = stepper.deliver(upstreamMachine, r.state, ev('FETCH_USER', { from: 't1', userId: '42' }));
    r = stepper.deliver(upstreamMachine, r.state, ev('FETCH_USER', { from: 't2', userId: '42' }));
    expect(r.plans[0]).toMatchObject({
      to: 't2',
      type: 'USER',
      payload: { user: 'User(42)' },
      reply: true,
    });
    expect((r.state.context as unknown as UpstreamContext).calls).toEqual({ '42': 2 });
  });
});
