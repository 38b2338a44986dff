/**
 * A MySQL-like server that knows each table's columns and checks the one thing the incident
 * turned on: a column named without its table must belong to exactly one table of the query,
 * else the query fails with `column "name" is ambiguous`. Pure xstate machine.
 */
import { setup } from 'xstate';
import { planActions, type Delivered } from './plans';

export interface SqlServerInput {
  /** Table name → its columns. */
  readonly columns: { readonly [table: string]: readonly string[] };
}

export type SqlServerEvent = Delivered & {
  type: 'QUERY';
  request: string;
  /** The FROM table (the engine's own `from` field names the sender). */
  table: string;
  joins: readonly string[];
  where: string;
  sql: string;
};

/** Returns the error a query raises, or null when it runs. Pure. */
export function queryError(
  columns: SqlServerInput['columns'],
  query: { table: string; joins: readonly string[]; where: string },
): string | null {
  const tables = [query.table, ...query.joins];
  const owners = tables.filter((t) => columns[t]?.includes(query.where) ?? false);
  return owners.length > 1 ? `column "${query.where}" is ambiguous` : null;
}

export const sqlServerMachine = setup({
  types: {} as { context: SqlServerInput; events: SqlServerEvent; input: SqlServerInput },
  actions: planActions,
}).createMachine({
  id: 'sqlServer',
  context: ({ input }) => ({ columns: input.columns }),
  initial: 'up',
  states: {
    up: {
      on: {
        QUERY: {
          actions: {
            type: 'send',
            params: ({ context, event }) => {
              const error = queryError(context.columns, event);
              const base = { request: event.request, sql: event.sql };
              return error === null
                ? { to: event.from, type: 'ROWS', payload: { ...base, rows: 1 }, reply: true }
                : {
                    to: event.from,
                    type: 'ERROR',
                    payload: { ...base, message: error },
                    reply: true,
                  };
            },
          },
        },
      },
    },
  },
});
