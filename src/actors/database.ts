/**
 * A database of rows, each with a value and a version. SELECT returns both; UPDATE commits the
 * next version (value `v<version>`) and replies with it; INSERT adds a row at version 1, or
 * fails with DUPLICATE_KEY when the key exists. With a schema (`tables`) it also runs
 * DDL (CREATE_TABLE / DROP_TABLE) and, with `replicaTo`, ships each DDL in commit order on the
 * `replication` lane, as a replica's stream would carry it. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered, type SendParams } from './plans';

export interface Row {
  readonly value: string;
  readonly version: number;
}

export interface DatabaseContext {
  readonly rows: { readonly [key: string]: Row };
  /** The schema, when the model has one; absent for row-only models such as cache-aside. */
  readonly tables?: readonly string[];
  /** Who consumes the replication stream, if anyone. */
  readonly replicaTo?: string;
  /** Position of the last DDL shipped on the replication stream. */
  readonly lsn?: number;
}

export interface DatabaseInput {
  readonly rows: { readonly [key: string]: Row };
  readonly tables?: readonly string[];
  readonly replicaTo?: string;
}

export type DdlType = 'CREATE_TABLE' | 'DROP_TABLE';

export type DatabaseEvent = Delivered &
  (
    | { type: 'SELECT'; key: string }
    | { type: 'UPDATE'; key: string }
    | { type: 'INSERT'; key: string; value: string }
    | { type: DdlType; table: string }
  );

/** Returns the row `key` would hold after one more UPDATE. Pure. */
export function nextRow(context: DatabaseContext, key: string): Row {
  const version = (context.rows[key]?.version ?? 0) + 1;
  return { value: `v${version}`, version };
}

/** Returns the schema after a DDL statement, or null when the statement fails. Pure. */
export function applyDdl(
  tables: readonly string[],
  type: DdlType,
  table: string,
): readonly string[] | null {
  const exists = tables.includes(table);
  if (type === 'CREATE_TABLE') return exists ? null : [...tables, table].sort();
  return exists ? tables.filter((t) => t !== table) : null;
}

type DdlEvent = Delivered & { type: DdlType; table: string };

function ddlFailure(context: DatabaseContext, event: DdlEvent): string {
  if (context.tables === undefined) return 'this database has no schema';
  return event.type === 'CREATE_TABLE'
    ? `table "${event.table}" already exists`
    : `table "${event.table}" not found`;
}

const acknowledge = {
  type: 'send',
  params: ({ event }: { event: DatabaseEvent }): SendParams => ({
    to: event.from,
    type: 'DDL_OK',
    payload: { statement: event.type, table: (event as DdlEvent).table },
    reply: true,
  }),
} as const;

/** The committed statement goes on its own FIFO lane, so the replica applies DDL in order. */
const replicate = {
  type: 'send',
  params: ({ context, event }: { context: DatabaseContext; event: DatabaseEvent }) => ({
    to: context.replicaTo ?? '',
    type: 'REPLICATE',
    payload: {
      lsn: context.lsn ?? 0,
      statement: event.type,
      table: (event as DdlEvent).table,
    },
    lane: 'replication',
  }),
} as const;

const DDL = [
  { guard: 'replicatedDdl', actions: ['applyStatement', replicate, acknowledge] },
  { guard: 'ddlApplies', actions: ['applyStatement', acknowledge] },
  {
    actions: {
      type: 'send',
      params: ({ context, event }: { context: DatabaseContext; event: DatabaseEvent }) => ({
        to: event.from,
        type: 'DDL_FAILED',
        payload: { statement: event.type, error: ddlFailure(context, event as DdlEvent) },
        reply: true,
      }),
    },
  },
] as const;

function ddlApplies(context: DatabaseContext, event: DatabaseEvent): boolean {
  if (
    context.tables === undefined ||
    (event.type !== 'CREATE_TABLE' && event.type !== 'DROP_TABLE')
  )
    return false;
  return applyDdl(context.tables, event.type, event.table) !== null;
}

export const databaseMachine = setup({
  types: {} as { context: DatabaseContext; events: DatabaseEvent; input: DatabaseInput },
  actions: {
    ...planActions,
    applyStatement: assign(({ context, event }) => {
      const ddl = event as DdlEvent;
      return {
        tables: applyDdl(context.tables ?? [], ddl.type, ddl.table) ?? [],
        lsn: (context.lsn ?? 0) + 1,
      };
    }),
  },
  guards: {
    ddlApplies: ({ context, event }) => ddlApplies(context, event),
    replicatedDdl: ({ context, event }) =>
      ddlApplies(context, event) && context.replicaTo !== undefined,
  },
}).createMachine({
  id: 'database',
  context: ({ input }) => ({
    rows: input.rows,
    // Schema fields exist only when asked for, so row-only worlds stay exactly as they were.
    ...(input.tables !== undefined ? { tables: input.tables, lsn: 0 } : {}),
    ...(input.replicaTo !== undefined ? { replicaTo: input.replicaTo } : {}),
  }),
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
        INSERT: [
          {
            guard: ({ context, event }) => context.rows[event.key] === undefined,
            actions: [
              assign({
                rows: ({ context, event }) => ({
                  ...context.rows,
                  [event.key]: { value: String(event.value), version: 1 },
                }),
              }),
              {
                type: 'send',
                params: ({ event }) => ({
                  to: event.from,
                  type: 'INSERTED',
                  payload: { key: event.key, value: String(event.value), version: 1 },
                  reply: true,
                }),
              },
            ],
          },
          {
            // A unique key: the second INSERT of the same key fails.
            actions: {
              type: 'send',
              params: ({ event }) => ({
                to: event.from,
                type: 'DUPLICATE_KEY',
                payload: { key: event.key },
                reply: true,
              }),
            },
          },
        ],
        CREATE_TABLE: DDL,
        DROP_TABLE: DDL,
      },
    },
  },
});
