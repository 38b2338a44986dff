import { describe, expect, it } from 'vitest';
import { createStepper, type MachineEvent } from '../engine/machines';
import type { ActorState, Plan } from '../engine/types';
import { processMemoryMachine, tablesOf, type MemoryContext } from './processMemory';

const stepper = createStepper({ memoize: false });

function run(classTables: boolean, events: MachineEvent[]): { state: ActorState; last: Plan[] } {
  let state = stepper.initial(processMemoryMachine, { classTables }).state;
  let last: Plan[] = [];
  for (const event of events) {
    const result = stepper.deliver(processMemoryMachine, state, event);
    state = result.state;
    last = [...result.plans];
  }
  return { state, last };
}

const ev = (from: string, type: string, fields: Record<string, unknown> = {}): MachineEvent =>
  ({ type, from, now: 0, ...fields }) as MachineEvent;
const memory = (r: { state: ActorState }) => r.state.context as unknown as MemoryContext;
const payload = (r: { last: Plan[] }) => (r.last[0] as Extract<Plan, { kind: 'send' }>).payload;

describe('process memory machine', () => {
  it('Engine() bound to the class replaces MySQLQueryBuilder.engine for every thread', () => {
    const r = run(true, [
      ev('a', 'NEW_ENGINE', { bindToClass: true }),
      ev('b', 'NEW_ENGINE', { bindToClass: true }),
    ]);
    expect(memory(r).builderEngine).toBe('engine-2');
    expect(payload(r)).toMatchObject({ engine: 'engine-2', bound: 'MySQLQueryBuilder.engine' });
    expect(r.last[0]).toMatchObject({ to: 'b', type: 'ENGINE', reply: true });
  });

  it('an engine kept on the local leaves the class attribute alone', () => {
    const r = run(true, [ev('a', 'NEW_ENGINE', { bindToClass: false })]);
    expect(memory(r).builderEngine).toBeNull();
    expect(payload(r)).toMatchObject({ engine: 'engine-1', bound: 'local.engine' });
  });

  it('get_query resets self.tables with a fresh dict on the class engine when none is passed', () => {
    const r = run(true, [
      ev('a', 'NEW_ENGINE', { bindToClass: true }),
      ev('a', 'GET_QUERY', { engine: null, table: 'OAuth Token' }),
    ]);
    expect(payload(r)).toMatchObject({ engine: 'engine-1', dict: 'dict-2' });
    expect(memory(r).engines['engine-1']).toEqual({ tables: 'dict-2' });
  });

  it('two threads sharing the class engine add their tables to the same dict', () => {
    const r = run(true, [
      ev('a', 'NEW_ENGINE', { bindToClass: true }),
      ev('b', 'NEW_ENGINE', { bindToClass: true }),
      ev('a', 'GET_QUERY', { engine: null, table: 'OAuth Token' }),
      ev('b', 'GET_QUERY', { engine: null, table: 'Pick List' }),
      ev('a', 'ADD_TABLE', { engine: 'engine-2', table: 'OAuth Token' }),
      ev('b', 'ADD_TABLE', { engine: 'engine-2', table: 'Pick List' }),
      ev('a', 'RENDER', { engine: 'engine-2' }),
    ]);
    expect(payload(r)).toMatchObject({ engine: 'engine-2', tables: ['OAuth Token', 'Pick List'] });
  });

  it('without get_query an engine falls back to the class dict; with tables in __init__ it has its own', () => {
    const shared = run(true, [
      ev('a', 'NEW_ENGINE', { bindToClass: false }),
      ev('a', 'ADD_TABLE', { engine: 'engine-1', table: 'Sessions' }),
    ]);
    expect(memory(shared).dicts['dict-0']).toEqual(['Sessions']);
    const own = run(false, [
      ev('a', 'NEW_ENGINE', { bindToClass: false }),
      ev('a', 'ADD_TABLE', { engine: 'engine-1', table: 'Sessions' }),
    ]);
    expect(memory(own).classTables).toBeNull();
    expect(tablesOf(memory(own), 'engine-1')).toEqual(['Sessions']);
  });
});
