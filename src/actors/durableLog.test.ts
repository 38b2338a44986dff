import { describe, expect, it } from 'vitest';
import type { ActorState } from '../engine/types';
import { eventMaker, stepper } from '../../test/support/actorHarness';
import { durableLogMachine, type DurableLogContext } from './durableLog';
import { recordStoreMachine, type RecordStoreContext } from './recordStore';
import { writeClientMachine, type WriteClientContext } from './writeClient';

const ev = eventMaker({ from: 'cache', now: 4 });
const entry = { key: 'k', value: 'v2', version: 2 };

describe('durable log machine', () => {
  it('keeps appended writes until trimmed and replays the rest', () => {
    let state: ActorState = stepper.initial(durableLogMachine, null).state;
    const appended = stepper.deliver(durableLogMachine, state, ev('APPEND', entry));
    expect(appended.plans[0]).toMatchObject({ to: 'cache', type: 'APPENDED', reply: true });
    state = appended.state;
    expect(stepper.deliver(durableLogMachine, state, ev('REPLAY')).plans[0]).toMatchObject({
      type: 'ENTRIES',
      payload: { entries: [entry] },
    });
    state = stepper.deliver(durableLogMachine, state, ev('TRIM', { key: 'k', version: 2 })).state;
    expect((state.context as unknown as DurableLogContext).entries).toEqual([]);
  });
});

describe('record store machine', () => {
  it('stores a PUT once: a replayed or older version changes nothing', () => {
    const start = stepper.initial(recordStoreMachine, { rows: { k: { value: 'v1', version: 1 } } });
    const once = stepper.deliver(recordStoreMachine, start.state, ev('PUT', entry));
    expect(once.plans[0]).toMatchObject({ to: 'cache', type: 'PUT_OK', reply: true });
    const twice = stepper.deliver(recordStoreMachine, once.state, ev('PUT', entry));
    const older = stepper.deliver(
      recordStoreMachine,
      twice.state,
      ev('PUT', { ...entry, value: 'v1', version: 1 }),
    );
    expect((older.state.context as unknown as RecordStoreContext).rows).toEqual({
      k: { value: 'v2', version: 2 },
    });
  });
});

describe('write client machine', () => {
  it('writes once and remembers when it was acknowledged', () => {
    const input = { key: 'k', value: 'v2', version: 2, cache: 'cache' };
    const start = stepper.initial(writeClientMachine, input);
    expect(start.plans).toEqual([
      { kind: 'send', to: 'cache', type: 'WRITE', payload: { key: 'k', value: 'v2', version: 2 } },
    ]);
    const acked = stepper.deliver(
      writeClientMachine,
      start.state,
      ev('ACK', { key: 'k', version: 2 }),
    );
    expect(acked.state.status).toBe('done');
    expect((acked.state.context as unknown as WriteClientContext).ackedAt).toBe(4);
  });
});
