import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { planActions } from '../../src/actors/plans';
import { applyStep } from '../../src/engine/apply';
import { explore } from '../../src/engine/explore';
import { createStepper } from '../../src/engine/machines';
import { replay } from '../../src/engine/replay';
import { enabledSteps } from '../../src/engine/steps';
import type { Granularity, Model } from '../../src/engine/types';
import { createWorld } from '../../src/engine/world';

/** Answers every CALL at once and ignores anything else. */
const server = setup({
  types: {} as { events: { type: 'CALL' | 'NOTE'; from: string } },
  actions: planActions,
}).createMachine({
  id: 'server',
  on: {
    CALL: {
      actions: {
        type: 'send',
        params: ({ event }) => ({
          to: (event as { from: string }).from,
          type: 'DONE',
          reply: true,
        }),
      },
    },
  },
});

/**
 * Makes a call (`first`: inline or not, sent by its initial transition), then on its reply a
 * second call to `second`; `queued` sends a plain message to `second` first, ahead of the call.
 */
const caller = setup({
  types: {} as { input: { inline: boolean; queued: boolean } },
  actions: planActions,
}).createMachine({
  id: 'caller',
  context: ({ input }) => input,
  initial: 'first',
  states: {
    first: {
      entry: {
        type: 'send',
        params: ({ context }) => ({ to: 'a', type: 'CALL', sync: true, inline: context.inline }),
      },
      on: { DONE: 'second' },
    },
    second: {
      entry: [
        {
          type: 'send',
          params: ({ context }) =>
            context.queued ? { to: 'b', type: 'NOTE' } : { to: 'a', type: 'NOTE' },
        },
        {
          type: 'send',
          params: ({ context }) => ({ to: 'b', type: 'CALL', sync: true, inline: context.inline }),
        },
      ],
      on: { DONE: 'done' },
    },
    done: {},
  },
});

function model(inline: boolean, granularity: Granularity = 'messages', queued = false): Model {
  return {
    actors: [
      {
        id: 'caller',
        label: 'Caller',
        role: 'process',
        machine: caller,
        input: { inline, queued },
      },
      { id: 'a', label: 'A', role: 'server', machine: server, input: null },
      { id: 'b', label: 'B', role: 'server', machine: server, input: null },
    ],
    faults: [],
    invariants: [],
    granularity,
  };
}

describe('inline calls', () => {
  it('a call sent by an initial transition waits for a step of its own', () => {
    const stepper = createStepper();
    const world = createWorld(model(true), stepper);
    expect(world.channels['caller->a']?.map((m) => [m.type, m.inline])).toEqual([['CALL', true]]);
    expect(enabledSteps(model(true), world).map((s) => s.key)).toEqual(['caller->a']);
  });

  it('a call sent during a step is delivered in that step, with its reply', () => {
    const trace = replay(model(true), ['caller->a']);
    expect(trace.records[0]!.delivered.map((m) => `${m.from}>${m.to}:${m.type}`)).toEqual([
      'caller>a:CALL',
      'a>caller:DONE',
      'caller>b:CALL',
      'b>caller:DONE',
    ]);
    // The plain message sent alongside is still in flight: only the call was made inline.
    expect(trace.worlds[1]!.channels['caller->a']?.map((m) => m.type)).toEqual(['NOTE']);
    expect(trace.worlds[1]!.actors['caller']!.value).toBe('done');
  });

  it('without inline, the same call is a step of its own in every granularity', () => {
    for (const granularity of ['operations', 'messages'] as const) {
      const trace = replay(model(false, granularity), ['caller->a', 'caller->b']);
      expect(trace.divergence).toBeNull();
      expect(trace.records.map((r) => r.delivered.length)).toEqual([2, 2]);
      expect(explore(model(false, granularity)).interleavings).toBe(2);
      expect(explore(model(true, granularity)).interleavings).toBe(1);
    }
  });

  it('refuses an inline call queued behind another message on its channel', () => {
    const m = model(true, 'messages', true);
    const stepper = createStepper();
    const world = createWorld(m, stepper);
    const [step] = enabledSteps(m, world);
    expect(() => applyStep(m, world, step!, stepper, 0)).toThrow(
      'inline call caller->b#2 is queued behind other messages on caller->b',
    );
  });
});
