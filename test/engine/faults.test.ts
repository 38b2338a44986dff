/**
 * The delay and crash faults: a delayed message is held back (time passes, later messages on
 * its lane overtake it); a crashed actor handles nothing more and loses its timers.
 */
import { assign, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { planActions } from '../../src/actors/plans';
import { explore } from '../../src/engine/explore';
import { createStepper } from '../../src/engine/machines';
import { replay } from '../../src/engine/replay';
import { enabledSteps } from '../../src/engine/steps';
import type { FaultSpec, Model } from '../../src/engine/types';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf } from '../../src/scenarios/index';

function model(fix: string, faults: FaultSpec[], params: Record<string, number> = {}): Model {
  const base = cacheAside.build({
    fix,
    granularity: 'messages',
    params: paramsOf(cacheAside, { pause: 0, ...params }),
  });
  return { ...base, faults };
}

/** Sends A, then B, to the sink at once. */
const sender = setup({ actions: planActions }).createMachine({
  id: 'sender',
  entry: [
    { type: 'send', params: { to: 'sink', type: 'A' } },
    { type: 'send', params: { to: 'sink', type: 'B' } },
  ],
});

/** Records the order in which messages reach it. */
const sink = setup({
  types: {} as { context: { seen: string[] }; events: { type: string } },
}).createMachine({
  id: 'sink',
  context: { seen: [] },
  on: { '*': { actions: assign({ seen: ({ context, event }) => [...context.seen, event.type] }) } },
});

const DELAY_SET: FaultSpec = {
  kind: 'delay',
  id: 'slow-set',
  channel: 'reader->cache',
  messageType: 'SET',
  max: 1,
  duration: 7,
  label: 'the SET is held back',
};

describe('delay fault', () => {
  it('is enabled only while a message of its type is on its channel', () => {
    const m = model('none', [DELAY_SET]);
    const trace = replay(m, ['reader->cache', 'cache->reader', 'reader->db', 'db->reader']);
    expect(trace.divergence).toBeNull();
    const keys = (t: typeof trace) =>
      enabledSteps(m, t.worlds[t.worlds.length - 1]!).map((s) => s.key);
    expect(keys(trace)).toContain('fault:slow-set');
    const before = replay(m, ['reader->cache']);
    expect(keys(before)).not.toContain('fault:slow-set');
  });

  it('moves the clock on by its duration and keeps the message in flight', () => {
    const m = model('none', [DELAY_SET]);
    const path = ['reader->cache', 'cache->reader', 'reader->db', 'db->reader'];
    const trace = replay(m, [...path, 'fault:slow-set']);
    expect(trace.divergence).toBeNull();
    const [before, after] = trace.worlds.slice(-2);
    expect(after!.clock).toBe(before!.clock + 7);
    expect(after!.channels['reader->cache']?.map((x) => x.type)).toEqual(['SET']);
    expect(trace.records.at(-1)?.fault).toBe('slow-set');
    // Used up: at most max times.
    expect(enabledSteps(m, after!).map((s) => s.key)).not.toContain('fault:slow-set');
  });

  it('lets later messages on the same lane overtake the delayed one', () => {
    const m: Model = {
      actors: [
        { id: 'sender', label: 'Sender', role: 'process', machine: sender, input: null },
        { id: 'sink', label: 'Sink', role: 'server', machine: sink, input: null },
      ],
      faults: [{ ...DELAY_SET, channel: 'sender->sink', messageType: 'A', duration: 3 }],
      invariants: [],
      granularity: 'messages',
    };
    const trace = replay(m, ['fault:slow-set', 'sender->sink', 'sender->sink']);
    expect(trace.divergence).toBeNull();
    expect(trace.worlds[1]!.clock).toBe(3);
    expect(trace.worlds[1]!.channels['sender->sink']?.map((x) => x.type)).toEqual(['B', 'A']);
    expect(trace.worlds.at(-1)!.actors['sink']?.context).toEqual({ seen: ['B', 'A'] });
  });

  it('adds interleavings: the explorer may take the delay wherever it is enabled', () => {
    const plain = explore(model('ttl-backstop', []), { harm: cacheAside.harm });
    const delayed = explore(model('ttl-backstop', [DELAY_SET]), { harm: cacheAside.harm });
    expect(delayed.complete).toBe(true);
    expect(delayed.interleavings).toBeGreaterThan(plain.interleavings ?? Infinity);
  });
});

describe('crash fault', () => {
  const CRASH_CACHE: FaultSpec = {
    kind: 'crash',
    id: 'cache-dies',
    actor: 'cache',
    max: 1,
    label: 'the cache crashes',
  };

  it('stops the actor: what it is sent is lost, and callers wait forever', () => {
    const m = model('none', [CRASH_CACHE]);
    const trace = replay(m, ['fault:cache-dies', 'reader->cache']);
    expect(trace.divergence).toBeNull();
    const world = trace.worlds.at(-1)!;
    expect(world.actors['cache']?.status).toBe('stopped');
    expect(world.channels['cache->reader']).toBeUndefined();
    expect(world.actors['reader']?.value).toBe('getting');
    expect(trace.records.at(-1)?.sent).toEqual([]);
  });

  it('cancels the crashed actor’s timers, and is offered only in its whenIn states', () => {
    const crashWriter: FaultSpec = {
      kind: 'crash',
      id: 'writer-dies',
      actor: 'writer',
      whenIn: ['waiting'],
      max: 1,
      label: 'the writer crashes',
    };
    const m = model('double-delete', [crashWriter]);
    const early = replay(m, ['writer->db']);
    expect(enabledSteps(m, early.worlds.at(-1)!).map((s) => s.key)).not.toContain(
      'fault:writer-dies',
    );
    const trace = replay(m, ['writer->db', 'db->writer', 'writer->cache', 'cache->writer']);
    expect(trace.worlds.at(-1)!.timers.map((t) => t.owner)).toEqual(['writer']);
    const crashed = replay(m, [...trace.schedule, 'fault:writer-dies']);
    expect(crashed.divergence).toBeNull();
    expect(crashed.worlds.at(-1)!.timers).toEqual([]);
  });

  it('explores to completion with the crash anywhere', () => {
    const stepper = createStepper();
    const result = explore(model('none', [CRASH_CACHE]), { harm: cacheAside.harm, stepper });
    expect(result.complete).toBe(true);
    const plain = explore(model('none', []), { harm: cacheAside.harm }).interleavings;
    expect(result.interleavings).toBeGreaterThan(plain ?? Infinity);
  });
});
