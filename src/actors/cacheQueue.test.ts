import { describe, expect, it } from 'vitest';
import { SingleThread } from '../engine/load/servers';
import type { MachineEvent } from '../engine/machines';
import { createRng } from '../engine/rng';
import type { ActorState, Json, Plan } from '../engine/types';
import { eventMaker, sendsOf, stepper } from '../../test/support/actorHarness';
import { cacheMachine, type CacheContext } from './cache';
import { durationOf, type CacheQueue } from './cacheQueue';

const QUEUE: CacheQueue = { duration: 1, durations: [{ command: 'DEL', key: 'big', duration: 8 }] };
const ev = eventMaker({ from: 'client', key: 'k' });
/** The machine's input for a cache with `queue`. */
const queued = (queue: CacheQueue) => ({ queue }) as unknown as Json;
const contextOf = (state: ActorState) => state.context as unknown as CacheContext;

function step(state: ActorState, event: MachineEvent) {
  return stepper.deliver(cacheMachine, state, event);
}

/** The timer a step set, if any. */
const timerOf = (plans: readonly Plan[]) => plans.find((p) => p.kind === 'startTimer');

describe('cache with a command queue', () => {
  it('takes a duration from the first matching rule, else the default', () => {
    expect(durationOf(QUEUE, { type: 'DEL', from: 'a', key: 'big' })).toBe(8);
    expect(durationOf(QUEUE, { type: 'DEL', from: 'a', key: 'small' })).toBe(1);
    expect(durationOf(QUEUE, { type: 'GET', from: 'a', key: 'big' })).toBe(1);
    const byKey: CacheQueue = { duration: 2, durations: [{ key: 'big', duration: 5 }] };
    expect(durationOf(byKey, { type: 'SET', from: 'a', key: 'big' })).toBe(5);
    expect(durationOf(byKey, { type: 'SET', from: 'a', key: 'x' })).toBe(2);
  });

  it('without a queue, the context and replies are as before', () => {
    const plain = stepper.initial(cacheMachine, null);
    expect(Object.keys(contextOf(plain.state)).sort()).toEqual(['entries', 'leases', 'nextLease']);
    expect(sendsOf(step(plain.state, ev('GET')).plans)).toEqual(['client:MISS']);
  });

  it('serves a command at once, takes effect at once, and replies when its timer ends it', () => {
    let r = stepper.initial(cacheMachine, queued(QUEUE));
    r = step(r.state, ev('SET', { value: 'v1', version: 1, ttl: 10, now: 3 }));
    // The write is in the cache from t=3 (its TTL counts from there), its reply is held.
    expect(contextOf(r.state).entries['k']).toMatchObject({ value: 'v1', expiresAt: 13 });
    expect(sendsOf(r.plans)).toEqual(['startTimer']);
    expect(timerOf(r.plans)).toEqual({
      kind: 'startTimer',
      name: 'SET',
      delay: 1,
      payload: { command: 'SET', key: 'k', took: 1 },
    });
    r = step(r.state, { type: 'TIMER', name: 'SET', now: 4 });
    expect(r.plans).toEqual([
      { kind: 'send', to: 'client', type: 'STORED', payload: { key: 'k' }, reply: true },
    ]);
    expect(contextOf(r.state)).toMatchObject({ busy: false, held: [], waiting: [] });
  });

  it('a command arriving while a long one is served waits behind it, in arrival order', () => {
    let r = stepper.initial(cacheMachine, queued(QUEUE));
    r = step(r.state, ev('SET', { value: 'v1', version: 1, now: 0 }));
    r = step(r.state, { type: 'TIMER', name: 'SET', now: 1 });
    r = step(r.state, ev('DEL', { from: 'janitor', key: 'big', now: 2 }));
    expect(timerOf(r.plans)).toMatchObject({ name: 'DEL', delay: 8 });
    r = step(r.state, ev('GET', { from: 'reader', now: 3 }));
    r = step(r.state, ev('DEL', { from: 'writer', now: 4 }));
    // Both wait: nothing is answered or changed until the long DEL ends.
    expect(r.plans).toEqual([]);
    expect(contextOf(r.state).waiting?.map((c) => c.from)).toEqual(['reader', 'writer']);
    expect(contextOf(r.state).entries['k']?.value).toBe('v1');
    r = step(r.state, { type: 'TIMER', name: 'DEL', now: 10 });
    // The long DEL answers; the reader's GET starts (and hits: the writer's DEL is behind it).
    expect(sendsOf(r.plans)).toEqual(['janitor:DELETED', 'startTimer']);
    expect(timerOf(r.plans)).toMatchObject({ name: 'GET', delay: 1 });
    r = step(r.state, { type: 'TIMER', name: 'GET', now: 11 });
    expect(sendsOf(r.plans)).toEqual(['reader:HIT', 'startTimer']);
    expect(contextOf(r.state).entries['k']).toBeUndefined();
    r = step(r.state, { type: 'TIMER', name: 'DEL', now: 12 });
    expect(sendsOf(r.plans)).toEqual(['writer:DELETED']);
    expect(contextOf(r.state)).toMatchObject({ busy: false, waiting: [] });
  });

  it('wakes parked clients when the write that fills the key ends', () => {
    let r = stepper.initial(cacheMachine, queued(QUEUE));
    r = step(r.state, ev('WAIT', { from: 'waiter', now: 0 }));
    expect(sendsOf(r.plans)).toEqual(['startTimer']);
    r = step(r.state, { type: 'TIMER', name: 'WAIT', now: 1 });
    expect(r.plans).toEqual([]);
    r = step(r.state, ev('SET', { value: 'v1', version: 1, now: 2 }));
    expect(sendsOf(r.plans)).toEqual(['startTimer']);
    r = step(r.state, { type: 'TIMER', name: 'SET', now: 3 });
    expect(sendsOf(r.plans)).toEqual(['waiter:FILLED', 'client:STORED']);
  });

  it('schedules commands exactly as the load lab’s single-threaded server does', () => {
    // Seeded arrivals of GETs, SETs and long DELs; each timer fires when due.
    const rng = createRng(11);
    const queue: CacheQueue = { duration: 2, durations: [{ command: 'DEL', duration: 9 }] };
    const thread = new SingleThread();
    const types = ['GET', 'SET', 'DEL'] as const;
    const arrivals: { at: number; event: MachineEvent }[] = [];
    let at = 0;
    for (let i = 0; i < 200; i++) {
      at += rng.int(0, 4);
      const type = types[rng.int(0, 2)] as string;
      const key = `k${i}`;
      arrivals.push({ at, event: { type, from: `c${i}`, key, value: 'v', version: 1, ttl: 1000 } });
    }
    const expected = arrivals.map(({ at, event }) =>
      thread.admit(at, durationOf(queue, { type: event.type, from: '', key: String(event.key) })),
    );
    let state = stepper.initial(cacheMachine, queued(queue)).state;
    let due: number | null = null;
    const ends = new Map<string, number>();
    const starts = new Map<string, number>();
    const apply = (event: MachineEvent) => {
      const r = step(state, event);
      state = r.state;
      const timer = timerOf(r.plans);
      if (timer?.kind === 'startTimer') {
        due = (event.now as number) + timer.delay;
        starts.set(String(timer.payload?.['key']), event.now as number);
      } else if (event.type === 'TIMER') due = null;
      for (const plan of r.plans) if (plan.kind === 'send') ends.set(plan.to, event.now as number);
    };
    let next = 0;
    while (next < arrivals.length || due !== null) {
      const arrival = arrivals[next];
      if (due !== null && (arrival === undefined || due <= arrival.at)) {
        apply({ type: 'TIMER', name: 'any', now: due });
      } else if (arrival) {
        apply({ ...arrival.event, now: arrival.at });
        next++;
      }
    }
    arrivals.forEach(({ event }, i) => {
      expect(starts.get(String(event.key)), `start of ${event.key}`).toBe(expected[i]?.start);
      expect(ends.get(String(event.from)), `end of ${event.key}`).toBe(expected[i]?.end);
    });
    expect(thread.longestWait).toBeGreaterThan(9);
  });
});
