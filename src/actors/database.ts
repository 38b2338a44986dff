/**
 * A database of rows, each with a value and a version. SELECT returns both; UPDATE commits the
 * next version (value `v<version>`) and replies with it. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';

export interface Row {
  readonly value: string;
  readonly version: number;
}

export interface DatabaseContext {
  readonly rows: { readonly [key: string]: Row };
}

export interface DatabaseInput {
  readonly rows: { readonly [key: string]: Row };
}

export type DatabaseEvent = Delivered &
  ({ type: 'SELECT'; key: string } | { type: 'UPDATE'; key: string });

/** Returns the row `key` would hold after one more UPDATE. Pure. */
export function nextRow(context: DatabaseContext, key: string): Row {
  const version = (context.rows[key]?.version ?? 0) + 1;
  return { value: `v${version}`, version };
}

export const databaseMachine = setup({
  types: {} as { context: DatabaseContext; events: DatabaseEvent; input: DatabaseInput },
  actions: planActions,
}).createMachine({
  id: 'database',
  context: ({ input }) => ({ rows: input.rows }),
  initial: 'up',
  states: {
    up: {
      on: {
        SELECT: {
          actions: {
            type: 'send',
            params: ({ context, event }) => {
              const row = context.rows[event.key];
              const payload = {
                key: event.key,
                value: row?.value ?? null,
                version: row?.version ?? 0,
              };
              return { to: event.from, type: 'ROW', payload, reply: true };
            },
          },
        },
        UPDATE: {
          actions: [
            assign({
              rows: ({ context, event }) => ({
                ...context.rows,
                [event.key]: nextRow(context, event.key),
              }),
            }),
            {
              type: 'send',
              params: ({ context, event }) => {
                const row = context.rows[event.key] as Row;
                const payload = { key: event.key, value: row.value, version: row.version };
                return { to: event.from, type: 'UPDATED', payload, reply: true };
              },
            },
          ],
        },
      },
    },
  },
});
