/**
 * Small models for engine tests and benchmarks: processes that each take a fixed number of
 * independent steps, so their interleavings can be counted by formula.
 */
import { assign, setup } from 'xstate';
import { planActions } from '../../src/actors/plans';
import type { Invariant, Model } from '../../src/engine/types';

interface TickerContext {
  readonly left: number;
  readonly self: string;
}

/** A process that takes `steps` steps, each delivering a TICK it sent to itself. */
export const tickerMachine = setup({
  types: {} as {
    context: TickerContext;
    events: { type: 'TICK' };
    input: { steps: number; self: string };
  },
  actions: planActions,
  guards: { more: ({ context }) => context.left > 1 },
}).createMachine({
  id: 'ticker',
  context: ({ input }) => ({ left: input.steps, self: input.self }),
  initial: 'running',
  states: {
    running: {
      entry: {
        type: 'send',
        params: ({ context }) => ({ to: context.self, type: 'TICK' }),
      },
      on: {
        TICK: [
          {
            guard: 'more',
            target: 'running',
            reenter: true,
            actions: assign({ left: ({ context }) => context.left - 1 }),
          },
          { target: 'done', actions: assign({ left: 0 }) },
        ],
      },
    },
    done: { type: 'final' },
  },
});

/** Returns a model of independent tickers taking `steps[i]` steps each. Pure. */
export function tickers(steps: readonly number[], invariants: readonly Invariant[] = []): Model {
  return {
    actors: steps
      .filter((n) => n > 0)
      .map((n, i) => ({
        id: `p${i}`,
        label: `P${i}`,
        role: 'process' as const,
        machine: tickerMachine,
        input: { steps: n, self: `p${i}` },
      })),
    faults: [],
    invariants,
    granularity: 'messages',
  };
}
