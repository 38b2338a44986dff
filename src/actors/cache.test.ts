import { describe, expect, it } from 'vitest';
import { createStepper, type MachineEvent } from '../engine/machines';
import type { ActorState, Plan } from '../engine/types';
import { cacheMachine, type CacheContext } from './cache';

const stepper = createStepper({ memoize: false });

function run(events: MachineEvent[]): { state: ActorState; replies: Plan[] } {
  let state = stepper.initial(cacheMachine, null).state;
  let replies: Plan[] = [];
  for (const event of events) {
    const result = stepper.deliver(cacheMachine, state, event);
    state = result.state;
    replies = [...result.plans];
  }
  return { state, replies };
}

const ev = (type: string, fields: Record<string, unknown> = {}): MachineEvent =>
  ({ type, from: 'client', now: 0, key: 'k', ...fields }) as MachineEvent;
const reply = (r: { replies: Plan[] }) => r.replies[0] as Extract<Plan, { kind: 'send' }>;
const entries = (r: { state: ActorState }) => (r.state.context as unknown as CacheContext).entries;

describe('cache machine', () => {
  it('misses, then hits after a SET, and replies to the sender', () => {
    expect(reply(run([ev('GET')]))).toMatchObject({ to: 'client', type: 'MISS', reply: true });
    const hit = reply(run([ev('SET', { value: 'v1', version: 1 }), ev('GET')]));
    expect(hit).toMatchObject({ type: 'HIT', payload: { value: 'v1', version: 1 } });
  });

  it('expires entries on the world clock', () => {
    const set = ev('SET', { value: 'v1', version: 1, ttl: 5, now: 2 });
    expect(reply(run([set, ev('GET', { now: 6 })])).type).toBe('HIT');
    expect(reply(run([set, ev('GET', { now: 7 })])).type).toBe('MISS');
  });

  it('DEL removes the entry', () => {
    const r = run([ev('SET', { value: 'v1', version: 1 }), ev('DEL'), ev('GET')]);
    expect(reply(r).type).toBe('MISS');
  });

  it('grants one lease per key; DEL voids it; a SET needs the valid lease', () => {
    const first = reply(run([ev('GET', { lease: true })]));
    expect(first.payload).toMatchObject({ lease: 1 });
    const second = reply(run([ev('GET', { lease: true }), ev('GET', { lease: true })]));
    expect(second.payload).toMatchObject({ lease: -1 });
    const voided = run([
      ev('GET', { lease: true }),
      ev('DEL'),
      ev('SET', { value: 'v1', version: 1, lease: 1 }),
    ]);
    expect(reply(voided).type).toBe('NOT_STORED');
    expect(entries(voided)).toEqual({});
    const valid = run([
      ev('GET', { lease: true }),
      ev('SET', { value: 'v1', version: 1, lease: 1 }),
    ]);
    expect(reply(valid).type).toBe('STORED');
  });

  it('ADD stores only when absent', () => {
    const r = run([ev('SET', { value: 'v2', version: 2 }), ev('ADD', { value: 'v1', version: 1 })]);
    expect(reply(r).type).toBe('NOT_STORED');
    expect(entries(r)['k']?.value).toBe('v2');
  });

  it('CAS installs only newer versions, and a tombstone fences older ones', () => {
    const older = run([
      ev('CAS', { value: 'v2', version: 2 }),
      ev('CAS', { value: 'v1', version: 1 }),
    ]);
    expect(reply(older).type).toBe('NOT_STORED');
    const fenced = run([ev('INVALIDATE', { version: 2 }), ev('CAS', { value: 'v1', version: 1 })]);
    expect(reply(fenced).type).toBe('NOT_STORED');
    const fresh = run([ev('INVALIDATE', { version: 2 }), ev('CAS', { value: 'v2', version: 2 })]);
    expect(reply(fresh).type).toBe('STORED');
    expect(reply(run([ev('INVALIDATE', { version: 2 }), ev('GET')])).type).toBe('MISS');
  });

  it('a late invalidation never lowers the tombstone version', () => {
    const r = run([
      ev('INVALIDATE', { version: 3 }),
      ev('INVALIDATE', { version: 2 }),
      ev('CAS', { value: 'v2', version: 2 }),
    ]);
    expect(reply(r).type).toBe('NOT_STORED');
  });
});
