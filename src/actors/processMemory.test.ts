import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../engine/machines';
import type { ActorState } from '../engine/types';
import { eventMaker, firstSend, runEvents } from '../../test/support/actorHarness';
import { processMemoryMachine, tablesOf, type MemoryContext } from './processMemory';

const run = (classTables: boolean, events: MachineEvent[]) =>
  runEvents(processMemoryMachine, { classTables }, events);
/** Events from request threads a and b. */
const a = eventMaker({ from: 'a' });
const b = eventMaker({ from: 'b' });
const memory = (r: { state: ActorState }) => r.state.context as unknown as MemoryContext;

describe('process memory machine', () => {
  it('Engine() bound to the class replaces MySQLQueryBuilder.engine for every thread', () => {
    const r = run(true, [
      a('NEW_ENGINE', { bindToClass: true }),
      b('NEW_ENGINE', { bindToClass: true }),
    ]);
    expect(memory(r).builderEngine).toBe('engine-2');
    expect(firstSend(r.plans).payload).toMatchObject({
      engine: 'engine-2',
      bound: 'MySQLQueryBuilder.engine',
    });
    expect(r.plans[0]).toMatchObject({ to: 'b', type: 'ENGINE', reply: true });
  });

  it('an engine kept on the local leaves the class attribute alone', () => {
    const r = run(true, [a('NEW_ENGINE', { bindToClass: false })]);
    expect(memory(r).builderEngine).toBeNull();
    expect(firstSend(r.plans).payload).toMatchObject({ engine: 'engine-1', bound: 'local.engine' });
  });

  it('get_query resets self.tables with a fresh dict on the class engine when none is passed', () => {
    const r = run(true, [
      a('NEW_ENGINE', { bindToClass: true }),
      a('GET_QUERY', { engine: null, table: 'OAuth Token' }),
    ]);
    expect(firstSend(r.plans).payload).toMatchObject({ engine: 'engine-1', dict: 'dict-2' });
    expect(memory(r).engines['engine-1']).toEqual({ tables: 'dict-2' });
  });

  it('two threads sharing the class engine add their tables to the same dict', () => {
    const r = run(true, [
      a('NEW_ENGINE', { bindToClass: true }),
      b('NEW_ENGINE', { bindToClass: true }),
      a('GET_QUERY', { engine: null, table: 'OAuth Token' }),
      b('GET_QUERY', { engine: null, table: 'Pick List' }),
      a('ADD_TABLE', { engine: 'engine-2', table: 'OAuth Token' }),
      b('ADD_TABLE', { engine: 'engine-2', table: 'Pick List' }),
      a('RENDER', { engine: 'engine-2' }),
    ]);
    expect(firstSend(r.plans).payload).toMatchObject({
      engine: 'engine-2',
      tables: ['OAuth Token', 'Pick List'],
    });
  });

  it('without get_query an engine falls back to the class dict; with tables in __init__ it has its own', () => {
    const shared = run(true, [
      a('NEW_ENGINE', { bindToClass: false }),
      a('ADD_TABLE', { engine: 'engine-1', table: 'Sessions' }),
    ]);
    expect(memory(shared).dicts['dict-0']).toEqual(['Sessions']);
    const own = run(false, [
      a('NEW_ENGINE', { bindToClass: false }),
      a('ADD_TABLE', { engine: 'engine-1', table: 'Sessions' }),
    ]);
    expect(memory(own).classTables).toBeNull();
    expect(tablesOf(memory(own), 'engine-1')).toEqual(['Sessions']);
  });
});
