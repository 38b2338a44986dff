import { describe, expect, it } from 'vitest';
import type { TransitionResult } from '../engine/machines';
import type { Json } from '../engine/types';
import { eventMaker, sendsOf, stepper } from '../../test/support/actorHarness';
import { proxyMachine, storedVerdict, type ProxyContext, type ProxyInput } from './proxy';

const QUERY = 'SELECT * FROM example';
const ev = eventMaker({ from: 'sidecar', query: QUERY });
const ctx = (r: TransitionResult) => r.state.context as unknown as ProxyContext;
const input = (flags: Partial<ProxyInput> = {}): Json => ({
  query: QUERY,
  table: 'example',
  sidecar: 'sidecar',
  self: 'proxy',
  maxAttempts: 2,
  epochAtStore: false,
  epochOnUse: false,
  invalidateOnDdl: false,
  dropOnFailure: false,
  ...flags,
});
const step = (r: TransitionResult, type: string, fields: Record<string, Json> = {}) =>
  stepper.deliver(proxyMachine, r.state, ev(type, fields));
/** Runs EXPLAIN → "supported" (epoch 1) → the store step. */
const storeSupported = (flags: Partial<ProxyInput> = {}) => {
  let r = stepper.initial(proxyMachine, input(flags));
  expect(sendsOf(r.plans)).toEqual(['sidecar:EXPLAIN']);
  r = step(r, 'EXPLAINED', { verdict: 'supported', epoch: 1 });
  // Storing is a message to itself: a step of its own, which DDL can precede.
  expect(sendsOf(r.plans)).toEqual(['proxy:STORE_VERDICT']);
  expect(storedVerdict(ctx(r))).toBeNull();
  return r;
};

describe('proxy machine', () => {
  it('stores the verdict a step later, then issues CREATE CACHE and stops once it exists', () => {
    let r = step(storeSupported(), 'STORE_VERDICT', { verdict: 'supported', epoch: 1 });
    expect(storedVerdict(ctx(r))).toEqual({ verdict: 'supported', epoch: 1 });
    expect(sendsOf(r.plans)).toEqual(['sidecar:CREATE_CACHE']);
    r = step(r, 'CACHE_CREATED', { epoch: 1 });
    expect(r.state.value).toBe('cached');
  });

  it('retries while the metadata says "supported", then rests in retryingForever', () => {
    let r = step(storeSupported(), 'STORE_VERDICT', { verdict: 'supported', epoch: 1 });
    const failed = { epoch: 2, error: 'table "example" not found' };
    r = step(r, 'CREATE_CACHE_FAILED', failed);
    expect(sendsOf(r.plans)).toEqual(['sidecar:CREATE_CACHE']);
    r = step(r, 'CREATE_CACHE_FAILED', failed);
    expect(r.state.value).toBe('retryingForever');
    expect(ctx(r)).toMatchObject({ attempts: 2, lastError: failed.error });
  });

  it('invalidate-on-failure drops the verdict and asks again', () => {
    let r = step(storeSupported({ dropOnFailure: true }), 'STORE_VERDICT', {
      verdict: 'supported',
      epoch: 1,
    });
    r = step(r, 'CREATE_CACHE_FAILED', { epoch: 2, error: 'table "example" not found' });
    expect(storedVerdict(ctx(r))).toBeNull();
    expect(sendsOf(r.plans)).toEqual(['sidecar:EXPLAIN']);
  });

  it('epoch-on-read sends the verdict epoch with CREATE CACHE and re-checks on rejection', () => {
    let r = step(storeSupported({ epochOnUse: true }), 'STORE_VERDICT', {
      verdict: 'supported',
      epoch: 1,
    });
    expect(r.plans[0]).toMatchObject({ type: 'CREATE_CACHE', payload: { epoch: 1 } });
    r = step(r, 'STALE_EPOCH', { epoch: 2 });
    expect(storedVerdict(ctx(r))).toBeNull();
    expect(ctx(r).knownEpoch).toBe(2);
    expect(sendsOf(r.plans)).toEqual(['sidecar:EXPLAIN']);
  });

  it('a DDL notice before the store invalidates nothing: the stale verdict still lands', () => {
    let r = step(storeSupported({ invalidateOnDdl: true }), 'SCHEMA_CHANGED', {
      epoch: 2,
      statement: 'DROP_TABLE',
      table: 'example',
    });
    r = step(r, 'STORE_VERDICT', { verdict: 'supported', epoch: 1 });
    expect(storedVerdict(ctx(r))).toEqual({ verdict: 'supported', epoch: 1 });
  });

  it('with the epoch check at store, the same notice makes it refuse the verdict and ask again', () => {
    let r = step(storeSupported({ invalidateOnDdl: true, epochAtStore: true }), 'SCHEMA_CHANGED', {
      epoch: 2,
      statement: 'DROP_TABLE',
      table: 'example',
    });
    r = step(r, 'STORE_VERDICT', { verdict: 'supported', epoch: 1 });
    expect(storedVerdict(ctx(r))).toBeNull();
    expect(sendsOf(r.plans)).toEqual(['sidecar:EXPLAIN']);
  });

  it('a notice after the store drops the verdict and re-checks once settled', () => {
    let r = step(storeSupported({ invalidateOnDdl: true }), 'STORE_VERDICT', {
      verdict: 'supported',
      epoch: 1,
    });
    r = step(r, 'CACHE_CREATED', { epoch: 1 });
    r = step(r, 'SCHEMA_CHANGED', { epoch: 2, statement: 'DROP_TABLE', table: 'example' });
    expect(storedVerdict(ctx(r))).toBeNull();
    expect(sendsOf(r.plans)).toEqual(['sidecar:EXPLAIN']);
  });
});
