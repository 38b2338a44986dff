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
  db: 'db',
  self: 'proxy',
  maxAttempts: 2,
  epochAtStore: false,
  epochOnUse: false,
  invalidateOnDdl: false,
  dropOnFailure: false,
  invalidateOnForward: false,
  ...flags,
});
const step = (r: TransitionResult, type: string, fields: Record<string, Json> = {}) =>
  stepper.deliver(proxyMachine, r.state, ev(type, fields));
const supported = { verdict: 'supported', epoch: 1 } as const;
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

  describe('between the application and the database', () => {
    const drop = { from: 'webapp', table: 'example' };
    const committed = { from: 'db', statement: 'DROP_TABLE', table: 'example' };

    it('forwards DDL to the database and relays each reply to its client, in order', () => {
      let r = step(stepper.initial(proxyMachine, input()), 'DROP_TABLE', drop);
      expect(r.plans).toEqual([
        {
          kind: 'send',
          to: 'db',
          type: 'DROP_TABLE',
          payload: { table: 'example', client: 'webapp' },
        },
      ]);
      r = step(r, 'CREATE_TABLE', { from: 'admin', table: 'example' });
      expect(ctx(r).relaying).toEqual(['webapp', 'admin']);
      r = step(r, 'DDL_OK', committed);
      expect(r.plans).toEqual([
        {
          kind: 'send',
          to: 'webapp',
          type: 'DDL_OK',
          payload: { statement: 'DROP_TABLE', table: 'example', relayed: true },
          reply: true,
        },
      ]);
      r = step(r, 'DDL_FAILED', { from: 'db', statement: 'CREATE_TABLE', error: 'exists' });
      expect(sendsOf(r.plans)).toEqual(['admin:DDL_FAILED']);
      expect(ctx(r).relaying).toEqual([]);
      // Forwarding leaves the proxy's own work where it was.
      expect(r.state.value).toBe('explaining');
    });

    it('without the fix, forwarding a DROP leaves the stored verdict alone', () => {
      const r = step(step(storeSupported(), 'STORE_VERDICT', supported), 'DROP_TABLE', drop);
      expect(storedVerdict(ctx(r))).toEqual(supported);
      expect(sendsOf(r.plans)).toEqual(['db:DROP_TABLE']);
    });

    it('invalidate-on-forward drops a stored verdict as it forwards the DROP', () => {
      let r = step(storeSupported({ invalidateOnForward: true }), 'STORE_VERDICT', supported);
      r = step(r, 'DROP_TABLE', drop);
      expect(storedVerdict(ctx(r))).toBeNull();
      expect(r.state.value).toBe('creating');
      // The CREATE CACHE already sent fails: with no verdict left, the proxy asks again.
      r = step(r, 'CREATE_CACHE_FAILED', { epoch: 2, error: 'table "example" not found' });
      expect(sendsOf(r.plans)).toEqual(['sidecar:EXPLAIN']);
    });

    it('invalidate-on-forward re-checks a cached query at once', () => {
      let r = step(storeSupported({ invalidateOnForward: true }), 'STORE_VERDICT', supported);
      r = step(r, 'CACHE_CREATED', { epoch: 1 });
      r = step(r, 'DROP_TABLE', drop);
      expect(storedVerdict(ctx(r))).toBeNull();
      expect(sendsOf(r.plans)).toEqual(['db:DROP_TABLE', 'sidecar:EXPLAIN']);
    });

    it('invalidate-on-forward has nothing to drop while the verdict is on its way: it lands after', () => {
      let r = step(storeSupported({ invalidateOnForward: true }), 'DROP_TABLE', drop);
      expect(sendsOf(r.plans)).toEqual(['db:DROP_TABLE']);
      r = step(r, 'STORE_VERDICT', supported);
      expect(storedVerdict(ctx(r))).toEqual(supported);
    });

    it('invalidate-on-forward leaves verdicts on other tables alone', () => {
      let r = step(storeSupported({ invalidateOnForward: true }), 'STORE_VERDICT', supported);
      r = step(r, 'DROP_TABLE', { from: 'webapp', table: 'other' });
      expect(storedVerdict(ctx(r))).toEqual(supported);
    });

    it('still forwards DDL while retrying forever', () => {
      let r = step(storeSupported(), 'STORE_VERDICT', supported);
      const failed = { epoch: 2, error: 'table "example" not found' };
      r = step(step(r, 'CREATE_CACHE_FAILED', failed), 'CREATE_CACHE_FAILED', failed);
      expect(r.state.value).toBe('retryingForever');
      r = step(r, 'CREATE_TABLE', { from: 'webapp', table: 'example' });
      expect(sendsOf(r.plans)).toEqual(['db:CREATE_TABLE']);
      r = step(r, 'DDL_OK', { ...committed, statement: 'CREATE_TABLE' });
      expect(sendsOf(r.plans)).toEqual(['webapp:DDL_OK']);
    });
  });
});
