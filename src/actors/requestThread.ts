/**
 * One request handled by a thread of a multi-threaded web worker, as the Frappe query builder
 * ran it: `local.qb = get_query_builder(db_type)` (the builder CLASS), `local.qb.engine =
 * Engine()`, then one `get_query(table)`: reset `self.tables`, add its table, render the query
 * (every other table in `self.tables` becomes a LEFT JOIN on `parent`), and run it on the
 * database. Each statement that touches process memory is a synchronous call, so the thread can
 * be preempted between any two of them. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered, type Payload } from './plans';

/** Where `Engine()` is kept: on the builder class (shared) or on the per-request local. */
export type EngineHome = 'class' | 'local';

export interface RequestInput {
  /** Short name of the request, e.g. `A`. */
  readonly request: string;
  readonly table: string;
  readonly select: string;
  /** The column its WHERE clause names without a table, as single-table queries do. */
  readonly where: string;
  readonly engineHome: EngineHome;
  readonly memory: string;
  readonly db: string;
}

export interface RequestContext extends RequestInput {
  /** `self` of get_query (or `local.engine`); null until known. */
  readonly engine: string | null;
  readonly joins: readonly string[];
  /** What the request returned: `ok`, or the database's error. */
  readonly outcome: string | null;
}

export type RequestEvent = Delivered &
  (
    | { type: 'ENGINE'; engine: string }
    | { type: 'RESET'; engine: string | null }
    | { type: 'ADDED' }
    | { type: 'TABLES'; tables: readonly string[] }
    | { type: 'ROWS' }
    | { type: 'ERROR'; message: string }
  );

/** Returns the SQL the builder renders for a table, its joins and WHERE column. Pure. */
export function renderSql(
  select: string,
  from: string,
  joins: readonly string[],
  where: string,
): string {
  const joined = joins.map((t) => ` LEFT JOIN "${t}" ON "${t}"."parent" = "${from}"."name"`);
  return `SELECT "${select}" FROM "${from}"${joined.join('')} WHERE "${where}" = ? LIMIT 1`;
}

function call(context: RequestContext, type: string, payload: Payload) {
  return { to: context.memory, type, payload, sync: true };
}

export const requestThreadMachine = setup({
  types: {} as { context: RequestContext; events: RequestEvent; input: RequestInput },
  actions: planActions,
}).createMachine({
  id: 'requestThread',
  context: ({ input }) => ({ ...input, engine: null, joins: [], outcome: null }),
  initial: 'initializing',
  states: {
    initializing: {
      entry: {
        type: 'send',
        params: ({ context }) =>
          call(context, 'NEW_ENGINE', { bindToClass: context.engineHome === 'class' }),
      },
      on: {
        ENGINE: {
          target: 'resetting',
          // local.qb is a class: the thread itself keeps nothing unless the engine is local.
          actions: assign({
            engine: ({ context, event }) => (context.engineHome === 'local' ? event.engine : null),
          }),
        },
      },
    },
    resetting: {
      entry: {
        type: 'send',
        params: ({ context }) =>
          call(context, 'GET_QUERY', { engine: context.engine, table: context.table }),
      },
      on: { RESET: { target: 'adding', actions: assign({ engine: ({ event }) => event.engine }) } },
    },
    adding: {
      entry: {
        type: 'send',
        params: ({ context }) =>
          call(context, 'ADD_TABLE', { engine: context.engine, table: context.table }),
      },
      on: { ADDED: 'rendering' },
    },
    rendering: {
      entry: {
        type: 'send',
        params: ({ context }) => call(context, 'RENDER', { engine: context.engine }),
      },
      on: {
        TABLES: {
          target: 'querying',
          actions: assign({
            joins: ({ context, event }) => event.tables.filter((t) => t !== context.table),
          }),
        },
      },
    },
    querying: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.db,
          type: 'QUERY',
          payload: {
            request: context.request,
            select: context.select,
            table: context.table,
            joins: [...context.joins],
            where: context.where,
            sql: renderSql(context.select, context.table, context.joins, context.where),
          },
        }),
      },
      on: {
        ROWS: { target: 'done', actions: assign({ outcome: 'ok' }) },
        ERROR: { target: 'failed', actions: assign({ outcome: ({ event }) => event.message }) },
      },
    },
    done: { type: 'final' },
    failed: { type: 'final' },
  },
});
