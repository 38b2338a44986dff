import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../engine/machines';
import { eventMaker, runEvents, stepper } from '../../test/support/actorHarness';
import {
  renderSql,
  requestThreadMachine,
  type RequestContext,
  type RequestInput,
} from './requestThread';
import { queryError, sqlServerMachine } from './sqlServer';

const input: RequestInput = {
  request: 'A',
  table: 'OAuth Token',
  select: 'scopes',
  where: 'name',
  engineHome: 'class',
  memory: 'memory',
  db: 'db',
};
const ev = eventMaker({ from: 'memory' });

function run(events: MachineEvent[], start: RequestInput = input) {
  const r = runEvents(requestThreadMachine, { ...start }, events);
  return { ...r, context: r.state.context as unknown as RequestContext };
}

describe('request thread machine', () => {
  it('starts with local.qb.engine = Engine(), a synchronous call bound to the class', () => {
    const { plans } = run([]);
    expect(plans).toEqual([
      {
        kind: 'send',
        to: 'memory',
        type: 'NEW_ENGINE',
        payload: { bindToClass: true },
        sync: true,
      },
    ]);
  });

  it('keeps no engine of its own when it lives on the class, and asks get_query to read it', () => {
    const r = run([ev('ENGINE', { engine: 'engine-1' })]);
    expect(r.context.engine).toBeNull();
    expect(r.plans[0]).toMatchObject({ type: 'GET_QUERY', payload: { engine: null } });
  });

  it('with the engine on the local, passes its own engine to get_query', () => {
    const r = run([ev('ENGINE', { engine: 'engine-1' })], { ...input, engineHome: 'local' });
    expect(r.plans[0]).toMatchObject({ type: 'GET_QUERY', payload: { engine: 'engine-1' } });
  });

  it("joins every other table it finds in self.tables and fails on the database's error", () => {
    const r = run([
      ev('ENGINE', { engine: 'engine-1' }),
      ev('RESET', { engine: 'engine-2' }),
      ev('ADDED'),
      ev('TABLES', { tables: ['OAuth Token', 'Pick List'] }),
    ]);
    expect(r.context.joins).toEqual(['Pick List']);
    expect(r.plans[0]).toMatchObject({
      to: 'db',
      type: 'QUERY',
      payload: { table: 'OAuth Token', joins: ['Pick List'], where: 'name' },
    });
    const failed = stepper.deliver(
      requestThreadMachine,
      r.state,
      ev('ERROR', { message: 'column "name" is ambiguous' }),
    );
    expect(failed.state.value).toBe('failed');
    expect(failed.state.status).toBe('done');
  });

  it('renders the incident query: the leaked table becomes a LEFT JOIN on parent', () => {
    expect(renderSql('scopes', 'OAuth Token', ['Pick List'], 'name')).toBe(
      'SELECT "scopes" FROM "OAuth Token" LEFT JOIN "Pick List" ON "Pick List"."parent" = "OAuth Token"."name" WHERE "name" = ? LIMIT 1',
    );
  });
});

describe('sql server machine', () => {
  const columns = { 'OAuth Token': ['name', 'scopes'], 'Pick List': ['name', 'parent'] };

  it('rejects a bare column that two joined tables share', () => {
    expect(queryError(columns, { table: 'OAuth Token', joins: [], where: 'name' })).toBeNull();
    expect(queryError(columns, { table: 'OAuth Token', joins: ['Pick List'], where: 'name' })).toBe(
      'column "name" is ambiguous',
    );
  });

  it('answers ROWS or ERROR to the sender', () => {
    const state = stepper.initial(sqlServerMachine, { columns }).state;
    const query = {
      type: 'QUERY',
      from: 't',
      now: 0,
      request: 'A',
      table: 'OAuth Token',
      where: 'name',
      sql: 'q',
    };
    const ok = stepper.deliver(sqlServerMachine, state, { ...query, joins: [] });
    expect(ok.plans[0]).toMatchObject({ to: 't', type: 'ROWS', reply: true });
    const bad = stepper.deliver(sqlServerMachine, state, { ...query, joins: ['Pick List'] });
    expect(bad.plans[0]).toMatchObject({
      type: 'ERROR',
      payload: { request: 'A', message: 'column "name" is ambiguous' },
    });
  });
});
