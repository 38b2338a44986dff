import { describe, expect, it } from 'vitest';
import type { TransitionResult } from '../engine/machines';
import { eventMaker, stepper } from '../../test/support/actorHarness';
import { sidecarMachine, type SidecarContext } from './sidecar';

const ev = eventMaker({ from: 'proxy' });
const ctx = (r: TransitionResult) => r.state.context as unknown as SidecarContext;
const QUERY = { query: 'SELECT * FROM example', table: 'example' };
const start = (notify: string | null = null) =>
  stepper.initial(sidecarMachine, { tables: ['example'], notify });
const replicate = (r: TransitionResult, lsn: number, statement: string, table: string) =>
  stepper.deliver(sidecarMachine, r.state, ev('REPLICATE', { lsn, statement, table }));

describe('sidecar machine', () => {
  it('applies the replication stream in order, one schema epoch per DDL', () => {
    let r = start();
    expect(ctx(r)).toMatchObject({ epoch: 1, applied: 0, tables: ['example'] });
    r = replicate(r, 1, 'DROP_TABLE', 'example');
    expect(ctx(r)).toMatchObject({ epoch: 2, applied: 1, tables: [] });
    r = replicate(r, 2, 'CREATE_TABLE', 'example');
    expect(ctx(r)).toMatchObject({ epoch: 3, applied: 2, tables: ['example'] });
  });

  it('answers EXPLAIN CREATE CACHE from its own schema, with its epoch', () => {
    let r = start();
    let answer = stepper.deliver(sidecarMachine, r.state, ev('EXPLAIN', QUERY));
    expect(answer.plans).toEqual([
      expect.objectContaining({
        to: 'proxy',
        type: 'EXPLAINED',
        payload: { query: QUERY.query, epoch: 1, verdict: 'supported' },
        reply: true,
      }),
    ]);
    r = replicate(r, 1, 'DROP_TABLE', 'example');
    answer = stepper.deliver(sidecarMachine, r.state, ev('EXPLAIN', QUERY));
    expect(answer.plans[0]).toMatchObject({ payload: { verdict: 'unsupported', epoch: 2 } });
  });

  it('CREATE CACHE succeeds on a live table and fails "table not found" after the DROP', () => {
    let r = start();
    const created = stepper.deliver(sidecarMachine, r.state, ev('CREATE_CACHE', QUERY));
    expect(created.plans[0]).toMatchObject({ type: 'CACHE_CREATED' });
    expect(ctx(created).caches).toEqual({ [QUERY.query]: 'example' });
    // The DROP takes the cache with it.
    expect(ctx(replicate(created, 1, 'DROP_TABLE', 'example')).caches).toEqual({});
    r = replicate(r, 1, 'DROP_TABLE', 'example');
    const failed = stepper.deliver(sidecarMachine, r.state, ev('CREATE_CACHE', QUERY));
    expect(failed.plans[0]).toMatchObject({
      type: 'CREATE_CACHE_FAILED',
      payload: { error: 'table "example" not found' },
    });
  });

  it('rejects a CREATE CACHE whose verdict predates its epoch', () => {
    const r = replicate(start(), 1, 'DROP_TABLE', 'example');
    const stale = stepper.deliver(
      sidecarMachine,
      r.state,
      ev('CREATE_CACHE', { ...QUERY, epoch: 1 }),
    );
    expect(stale.plans[0]).toMatchObject({ type: 'STALE_EPOCH', payload: { epoch: 2 } });
    const untagged = stepper.deliver(
      sidecarMachine,
      r.state,
      ev('CREATE_CACHE', { ...QUERY, epoch: null }),
    );
    expect(untagged.plans[0]).toMatchObject({ type: 'CREATE_CACHE_FAILED' });
  });

  it('tells the proxy of each applied DDL, with the new epoch, only when asked to', () => {
    expect(replicate(start(), 1, 'DROP_TABLE', 'example').plans).toEqual([]);
    expect(replicate(start('proxy'), 1, 'DROP_TABLE', 'example').plans).toEqual([
      {
        kind: 'send',
        to: 'proxy',
        type: 'SCHEMA_CHANGED',
        payload: { epoch: 2, statement: 'DROP_TABLE', table: 'example' },
      },
    ]);
  });
});
