/**
 * A database that stores the value a client sends. PUT is idempotent: a version it already holds
 * (or an older one) changes nothing, so a write replayed after a crash is harmless. Pure xstate
 * machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';
import type { Row } from './database';

export interface RecordStoreContext {
  readonly rows: { readonly [key: string]: Row };
}

export type RecordStoreEvent = Delivered & {
  type: 'PUT';
  key: string;
  value: string;
  version: number;
};

export const recordStoreMachine = setup({
  types: {} as { context: RecordStoreContext; events: RecordStoreEvent; input: RecordStoreContext },
  actions: planActions,
}).createMachine({
  id: 'recordStore',
  context: ({ input }) => ({ rows: input.rows }),
  initial: 'up',
  states: {
    up: {
      on: {
        PUT: {
          actions: [
            assign({
              rows: ({ context, event }) =>
                (context.rows[event.key]?.version ?? 0) >= event.version
                  ? context.rows
                  : {
                      ...context.rows,
                      [event.key]: { value: event.value, version: event.version },
                    },
            }),
            {
              type: 'send',
              params: ({ event }) => ({
                to: event.from,
                type: 'PUT_OK',
                payload: { key: event.key, value: event.value, version: event.version },
                reply: true,
              }),
            },
          ],
        },
      },
    },
  },
});
