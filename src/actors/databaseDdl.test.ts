import { describe, expect, it } from 'vitest';
import { eventMaker, stepper } from '../../test/support/actorHarness';
import { applyDdl, databaseMachine, type DatabaseContext } from './database';
import { ddlClientMachine, type DdlClientContext } from './ddlClient';

const ev = eventMaker({ from: 'app' });

describe('database DDL and replication', () => {
  it('a row-only database keeps exactly its old context', () => {
    const r = stepper.initial(databaseMachine, { rows: { k: { value: 'v1', version: 1 } } });
    expect(r.state.context).toEqual({ rows: { k: { value: 'v1', version: 1 } } });
    const drop = stepper.deliver(databaseMachine, r.state, ev('DROP_TABLE', { table: 't' }));
    expect(drop.plans[0]).toMatchObject({ type: 'DDL_FAILED' });
    expect(drop.state.context).toEqual(r.state.context);
  });

  it('DROP TABLE commits, acknowledges, and ships the statement on the replication lane', () => {
    const input = { rows: {}, tables: ['example'], replicaTo: 'sidecar' };
    const r = stepper.initial(databaseMachine, input);
    const drop = stepper.deliver(databaseMachine, r.state, ev('DROP_TABLE', { table: 'example' }));
    expect((drop.state.context as unknown as DatabaseContext).tables).toEqual([]);
    expect(drop.plans).toEqual([
      {
        kind: 'send',
        to: 'sidecar',
        type: 'REPLICATE',
        payload: { lsn: 1, statement: 'DROP_TABLE', table: 'example' },
        lane: 'replication',
      },
      expect.objectContaining({ to: 'app', type: 'DDL_OK', reply: true }),
    ]);
    const again = stepper.deliver(
      databaseMachine,
      drop.state,
      ev('DROP_TABLE', { table: 'example' }),
    );
    expect(again.plans).toEqual([
      expect.objectContaining({
        type: 'DDL_FAILED',
        payload: expect.objectContaining({ error: 'table "example" not found' }),
      }),
    ]);
  });

  it('applyDdl creates and drops tables and refuses impossible statements', () => {
    expect(applyDdl(['b'], 'CREATE_TABLE', 'a')).toEqual(['a', 'b']);
    expect(applyDdl(['a'], 'CREATE_TABLE', 'a')).toBeNull();
    expect(applyDdl(['a'], 'DROP_TABLE', 'a')).toEqual([]);
    expect(applyDdl([], 'DROP_TABLE', 'a')).toBeNull();
  });
});

describe('ddl client machine', () => {
  it('runs its statements one after another and records how each ended', () => {
    const input = {
      db: 'db',
      statements: [
        { statement: 'DROP_TABLE', table: 'a' },
        { statement: 'CREATE_TABLE', table: 'a' },
      ],
    };
    let r = stepper.initial(ddlClientMachine, input);
    expect(r.plans).toEqual([
      expect.objectContaining({ to: 'db', type: 'DROP_TABLE', payload: { table: 'a' } }),
    ]);
    r = stepper.deliver(
      ddlClientMachine,
      r.state,
      ev('DDL_OK', { statement: 'DROP_TABLE', table: 'a' }),
    );
    expect(r.plans).toEqual([expect.objectContaining({ type: 'CREATE_TABLE' })]);
    r = stepper.deliver(
      ddlClientMachine,
      r.state,
      ev('DDL_FAILED', { statement: 'CREATE_TABLE', error: 'boom' }),
    );
    expect(r.state.status).toBe('done');
    expect((r.state.context as unknown as DdlClientContext).outcomes).toEqual(['ok', 'boom']);
  });
});
