/**
 * A client that writes one value through a cache node and waits for the acknowledgement; once
 * acknowledged it considers the write saved. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';

export interface WriteClientInput {
  readonly key: string;
  readonly value: string;
  readonly version: number;
  readonly cache: string;
}

export interface WriteClientContext extends WriteClientInput {
  /** Clock tick at which the ACK arrived, or null while unacknowledged. */
  readonly ackedAt: number | null;
}

export type WriteClientEvent = Delivered & { type: 'ACK'; key: string; version: number };

export const writeClientMachine = setup({
  types: {} as { context: WriteClientContext; events: WriteClientEvent; input: WriteClientInput },
  actions: planActions,
}).createMachine({
  id: 'writeClient',
  context: ({ input }) => ({ ...input, ackedAt: null }),
  initial: 'writing',
  states: {
    writing: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.cache,
          type: 'WRITE',
          payload: { key: context.key, value: context.value, version: context.version },
        }),
      },
      on: {
        ACK: { target: 'acknowledged', actions: assign({ ackedAt: ({ event }) => event.now }) },
      },
    },
    acknowledged: { type: 'final' },
  },
});
