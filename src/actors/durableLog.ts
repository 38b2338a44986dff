/**
 * A durable log (a write-ahead log on disk, or a queue such as Kafka) that outlives the cache
 * node writing to it: APPEND keeps a write, TRIM forgets writes the database has taken, REPLAY
 * hands back everything not yet trimmed. It never crashes in the model. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';

// A type alias, not an interface, so an entry can travel as a message payload.
export type LogEntry = {
  readonly key: string;
  readonly value: string;
  readonly version: number;
};

export interface DurableLogContext {
  readonly entries: readonly LogEntry[];
}

export type DurableLogEvent = Delivered &
  (
    | ({ type: 'APPEND' } & LogEntry)
    | { type: 'TRIM'; key: string; version: number }
    | { type: 'REPLAY' }
  );

export const durableLogMachine = setup({
  types: {} as { context: DurableLogContext; events: DurableLogEvent },
  actions: planActions,
}).createMachine({
  id: 'durableLog',
  context: { entries: [] },
  initial: 'up',
  states: {
    up: {
      on: {
        APPEND: {
          actions: [
            assign({
              entries: ({ context, event }) => [
                ...context.entries,
                { key: event.key, value: event.value, version: event.version },
              ],
            }),
            {
              type: 'send',
              params: ({ event }) => ({
                to: event.from,
                type: 'APPENDED',
                payload: { key: event.key, version: event.version },
                reply: true,
              }),
            },
          ],
        },
        TRIM: {
          // Fire-and-forget: a lost trim only means a harmless, idempotent replay.
          actions: assign({
            entries: ({ context, event }) =>
              context.entries.filter((e) => e.key !== event.key || e.version > event.version),
          }),
        },
        REPLAY: {
          actions: {
            type: 'send',
            params: ({ context, event }) => ({
              to: event.from,
              type: 'ENTRIES',
              payload: { entries: context.entries.map((e) => ({ ...e })) },
              reply: true,
            }),
          },
        },
      },
    },
  },
});
