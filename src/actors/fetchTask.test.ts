import { describe, expect, it } from 'vitest';
import type { TransitionResult } from '../engine/machines';
import type { Json } from '../engine/types';
import { eventMaker, sendsOf, stepper } from '../../test/support/actorHarness';
import { exceptionChain, fetchTaskMachine, type AddMode, type FetchTaskContext } from './fetchTask';

const ev = eventMaker({ from: 'cache', key: '42' });
const task = (mode: AddMode, inlineCalls = false) =>
  stepper.initial(fetchTaskMachine, {
    userId: '42',
    mode,
    cache: 'cache',
    upstream: 'upstream',
    inlineCalls,
  });
const deliver = (r: TransitionResult, type: string, fields: Record<string, Json> = {}) =>
  stepper.deliver(fetchTaskMachine, r.state, ev(type, fields));
const ctx = (r: TransitionResult) => r.state.context as unknown as FetchTaskContext;

/** A task that missed, fetched, and is calling add_entry. */
const adding = (mode: AddMode) => {
  let r = task(mode);
  expect(sendsOf(r.plans)).toEqual(['cache:GET_ENTRY (sync)']);
  r = deliver(r, 'NonExistentEntry');
  expect(sendsOf(r.plans)).toEqual(['upstream:FETCH_USER']);
  r = deliver(r, 'USER', { userId: '42', user: 'User(42)' });
  expect(sendsOf(r.plans)).toEqual(['cache:ADD_ENTRY (sync)']);
  return r;
};

describe('fetch task machine', () => {
  it('returns a cached user without fetching', () => {
    const r = deliver(task('add'), 'ENTRY', { value: 'User(42)' });
    expect(r.state.value).toBe('returned');
    expect(r.plans).toEqual([]);
  });

  it('ExistingEntry while handling NonExistentEntry ends in "raised" with the chain', () => {
    const r = deliver(adding('add'), 'ExistingEntry');
    expect(r.state.value).toBe('raised');
    expect(ctx(r).raised).toEqual(['NonExistentEntry', 'ExistingEntry']);
    expect(ctx(r).outcome).toBe('raised NonExistentEntry → during handling, ExistingEntry');
    expect(exceptionChain(['A'])).toBe('A');
  });

  it('catch-and-ignore returns the user and keeps the swallowed exception on record', () => {
    const r = deliver(adding('catch'), 'ExistingEntry');
    expect(r.state.value).toBe('returned');
    expect(ctx(r)).toMatchObject({
      swallowed: 'ExistingEntry',
      raised: ['NonExistentEntry', 'ExistingEntry'],
    });
  });

  it('overwrite asks add_entry to override; single-flight awaits the in-flight future', () => {
    expect(adding('override').plans[0]).toMatchObject({ payload: { override: true } });
    let r = task('single-flight');
    expect(r.plans[0]).toMatchObject({ payload: { join: true } });
    r = deliver(r, 'AWAITING_FUTURE');
    expect(r.plans).toEqual([]);
    r = deliver(r, 'FUTURE_RESOLVED', { value: 'User(42)' });
    expect(ctx(r).outcome).toBe('returned User(42)');
  });

  it('with inline calls (asyncio), both cache calls are made within the task step', () => {
    let r = task('add', true);
    expect(sendsOf(r.plans)).toEqual(['cache:GET_ENTRY (sync) (inline)']);
    r = deliver(r, 'NonExistentEntry');
    expect(sendsOf(r.plans)).toEqual(['upstream:FETCH_USER']);
    r = deliver(r, 'USER', { userId: '42', user: 'User(42)' });
    expect(sendsOf(r.plans)).toEqual(['cache:ADD_ENTRY (sync) (inline)']);
  });
});
