import { describe, expect, it } from 'vitest';
import type { Json } from '../engine/types';
import { eventMaker, sendsOf, stepper } from '../../test/support/actorHarness';
import { databaseMachine } from './database';
import { readerMachine } from './reader';
import { writerMachine } from './writer';

const ev = eventMaker({ from: 'x', key: 'k' });

describe('database machine', () => {
  it('SELECT returns value and version; UPDATE commits the next version', () => {
    const start = stepper.initial(databaseMachine, { rows: { k: { value: 'v1', version: 1 } } });
    const read = stepper.deliver(databaseMachine, start.state, ev('SELECT'));
    expect(read.plans[0]).toMatchObject({
      type: 'ROW',
      payload: { value: 'v1', version: 1 },
      reply: true,
    });
    const write = stepper.deliver(databaseMachine, start.state, ev('UPDATE'));
    expect(write.plans[0]).toMatchObject({ type: 'UPDATED', payload: { value: 'v2', version: 2 } });
  });
});

describe('reader machine', () => {
  const input: Json = { key: 'k', mode: 'set', ttl: null, cache: 'cache', db: 'db' };

  it('GET → miss → SELECT → SET → done', () => {
    let r = stepper.initial(readerMachine, input);
    expect(sendsOf(r.plans)).toEqual(['cache:GET']);
    r = stepper.deliver(readerMachine, r.state, ev('MISS', { lease: null }));
    expect(sendsOf(r.plans)).toEqual(['db:SELECT']);
    r = stepper.deliver(readerMachine, r.state, ev('ROW', { value: 'v1', version: 1 }));
    expect(r.plans[0]).toMatchObject({
      to: 'cache',
      type: 'SET',
      payload: { value: 'v1', version: 1 },
    });
    r = stepper.deliver(readerMachine, r.state, ev('STORED'));
    expect(r.state.status).toBe('done');
  });

  it('does not fill the cache when another reader holds the lease', () => {
    let r = stepper.initial(readerMachine, { ...(input as object), mode: 'lease' } as Json);
    r = stepper.deliver(readerMachine, r.state, ev('MISS', { lease: -1 }));
    r = stepper.deliver(readerMachine, r.state, ev('ROW', { value: 'v1', version: 1 }));
    expect(r.plans).toEqual([]);
    expect(r.state.status).toBe('done');
  });
});

describe('writer machine', () => {
  const input = (mode: string): Json => ({
    key: 'k',
    mode,
    delay: 3,
    ttl: null,
    cache: 'cache',
    db: 'db',
  });

  it('double-delete: UPDATE, DEL, wait for the timer, DEL again', () => {
    let w = stepper.initial(writerMachine, input('double-delete'));
    w = stepper.deliver(writerMachine, w.state, ev('UPDATED', { value: 'v2', version: 2 }));
    expect(sendsOf(w.plans)).toEqual(['cache:DEL']);
    w = stepper.deliver(writerMachine, w.state, ev('DELETED'));
    expect(w.plans).toEqual([{ kind: 'startTimer', name: 'second-delete', delay: 3 }]);
    w = stepper.deliver(writerMachine, w.state, ev('TIMER', { name: 'second-delete' }));
    expect(sendsOf(w.plans)).toEqual(['cache:DEL']);
  });

  it('write-through SETs the committed value; versioned leaves a tombstone', () => {
    const through = stepper.deliver(
      writerMachine,
      stepper.initial(writerMachine, input('write-through')).state,
      ev('UPDATED', { value: 'v2', version: 2 }),
    );
    expect(through.plans[0]).toMatchObject({ type: 'SET', payload: { value: 'v2', version: 2 } });
    const versioned = stepper.deliver(
      writerMachine,
      stepper.initial(writerMachine, input('invalidate-versioned')).state,
      ev('UPDATED', { value: 'v2', version: 2 }),
    );
    expect(versioned.plans[0]).toMatchObject({ type: 'INVALIDATE', payload: { version: 2 } });
  });
});
