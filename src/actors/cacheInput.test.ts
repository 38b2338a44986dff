import { describe, expect, it } from 'vitest';
import { stepper } from '../../test/support/actorHarness';
import { cacheMachine, type CacheContext } from './cache';

const v1 = { value: 'v1', version: 1, expiresAt: 20, tombstone: false };

describe('cache machine input', () => {
  it('starts empty without input, exactly as before', () => {
    expect(stepper.initial(cacheMachine, null).state.context).toEqual({
      entries: {},
      leases: {},
      nextLease: 1,
    });
  });

  it('starts warm with the given entries, which still expire on the world clock', () => {
    const state = stepper.initial(cacheMachine, { entries: { k: v1 } }).state;
    expect((state.context as unknown as CacheContext).entries).toEqual({ k: v1 });
    const get = (now: number) =>
      stepper.deliver(cacheMachine, state, { type: 'GET', key: 'k', from: 'r', now }).plans[0];
    expect(get(19)).toMatchObject({ type: 'HIT', payload: { value: 'v1' } });
    expect(get(20)).toMatchObject({ type: 'MISS' });
  });
});
