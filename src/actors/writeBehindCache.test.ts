import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../engine/machines';
import { eventMaker, runEvents } from '../../test/support/actorHarness';
import {
  writeBehindCacheMachine,
  type WriteBehindContext,
  type WriteStrategy,
} from './writeBehindCache';

const write = { type: 'WRITE', from: 'client', now: 1, key: 'k', value: 'v2', version: 2 };
const ev = eventMaker({ from: 'x', now: 2 });

function run(strategy: WriteStrategy, events: MachineEvent[]) {
  const input = { strategy, flushDelay: 5, restartDelay: 3, db: 'db', log: 'log' };
  const r = runEvents(writeBehindCacheMachine, input, events);
  return { ...r, context: r.state.context as unknown as WriteBehindContext };
}

const entry = { key: 'k', value: 'v2', version: 2 };

describe('write-behind cache machine', () => {
  it('write-behind: ACKs at once and only sets a flush timer', () => {
    const r = run('write-behind', [write]);
    expect(r.plans).toEqual([
      { kind: 'send', to: 'client', type: 'ACK', payload: { key: 'k', version: 2 }, reply: true },
      { kind: 'startTimer', name: 'flush', delay: 5 },
    ]);
    expect(r.context.dirty).toEqual([entry]);
  });

  it('flushes on the timer and forgets the write once the database has it', () => {
    const flushed = run('write-behind', [write, ev('TIMER', { name: 'flush' })]);
    expect(flushed.plans).toEqual([{ kind: 'send', to: 'db', type: 'PUT', payload: entry }]);
    const done = run('write-behind', [write, ev('TIMER', { name: 'flush' }), ev('PUT_OK', entry)]);
    expect(done.context.dirty).toEqual([]);
  });

  it('a crash loses memory and the flush timer; it restarts empty', () => {
    const r = run('write-behind', [write, ev('CRASH')]);
    expect(r.state.value).toBe('down');
    expect(r.context.dirty).toEqual([]);
    expect(r.plans).toEqual([
      { kind: 'cancelTimer', name: 'flush' },
      { kind: 'startTimer', name: 'restart', delay: 3 },
    ]);
    expect(
      run('write-behind', [write, ev('CRASH'), ev('TIMER', { name: 'restart' })]).state.value,
    ).toBe('up');
  });

  it('durable-log: appends before the ACK, trims after the flush', () => {
    const appending = run('durable-log', [write]);
    expect(appending.plans).toEqual([{ kind: 'send', to: 'log', type: 'APPEND', payload: entry }]);
    const acked = run('durable-log', [write, ev('APPENDED', { key: 'k', version: 2 })]);
    expect(acked.plans[0]).toMatchObject({ to: 'client', type: 'ACK' });
    const trimmed = run('durable-log', [
      write,
      ev('APPENDED', { key: 'k', version: 2 }),
      ev('TIMER', { name: 'flush' }),
      ev('PUT_OK', entry),
    ]);
    expect(trimmed.plans).toEqual([
      { kind: 'send', to: 'log', type: 'TRIM', payload: { key: 'k', version: 2 } },
    ]);
  });

  it('durable-log: after a crash it replays the log and writes it to the database', () => {
    const recovering = run('durable-log', [write, ev('CRASH'), ev('TIMER', { name: 'restart' })]);
    expect(recovering.state.value).toBe('recovering');
    expect(recovering.plans).toEqual([{ kind: 'send', to: 'log', type: 'REPLAY' }]);
    const replayed = run('durable-log', [
      write,
      ev('CRASH'),
      ev('TIMER', { name: 'restart' }),
      ev('ENTRIES', { entries: [entry] }),
    ]);
    expect(replayed.state.value).toBe('up');
    expect(replayed.plans).toEqual([{ kind: 'send', to: 'db', type: 'PUT', payload: entry }]);
  });

  it('write-through: ACKs only when the database has committed', () => {
    const r = run('write-through', [write]);
    expect(r.plans).toEqual([{ kind: 'send', to: 'db', type: 'PUT', payload: entry }]);
    const acked = run('write-through', [write, ev('PUT_OK', entry)]);
    expect(acked.plans[0]).toMatchObject({ to: 'client', type: 'ACK', reply: true });
  });
});
