/**
 * A Readyset-like caching sidecar. It follows the database's replication stream in order,
 * keeping its own copy of the schema and a schema epoch bumped by every DDL it applies. It
 * answers `EXPLAIN CREATE CACHE` (a dry run) from that schema and runs `CREATE CACHE`, which
 * fails "table not found" once the table is gone. Optionally it tells a proxy about each DDL it
 * applies, and refuses a CREATE CACHE whose verdict predates its current epoch. Pure machine.
 */
import { assign, setup } from 'xstate';
import { applyDdl, type DdlType } from './database';
import { planActions, type Delivered, type SendParams } from './plans';

export interface SidecarInput {
  readonly tables: readonly string[];
  /** Who hears of each applied DDL (with the new epoch), or null for nobody. */
  readonly notify: string | null;
}

export interface SidecarContext extends SidecarInput {
  readonly epoch: number;
  /** Replication position applied so far. */
  readonly applied: number;
  /** Queries with a cache, each on the table it reads. */
  readonly caches: { readonly [query: string]: string };
}

type Query = { query: string; table: string };
export type SidecarEvent = Delivered &
  (
    | { type: 'REPLICATE'; lsn: number; statement: DdlType; table: string }
    | ({ type: 'EXPLAIN' } & Query)
    | ({ type: 'CREATE_CACHE'; epoch?: number | null } & Query)
  );

/** Returns the sidecar's `EXPLAIN CREATE CACHE` answer for a query on `table`. Pure. */
export function explainVerdict(
  context: SidecarContext,
  table: string,
): 'supported' | 'unsupported' {
  return context.tables.includes(table) ? 'supported' : 'unsupported';
}

const answer =
  (type: string, extra: (context: SidecarContext, event: SidecarEvent) => object = () => ({})) =>
  ({ context, event }: { context: SidecarContext; event: SidecarEvent }): SendParams => ({
    to: event.from,
    type,
    payload: {
      query: (event as Query).query,
      epoch: context.epoch,
      ...(extra(context, event) as Record<string, string>),
    },
    reply: true,
  });

export const sidecarMachine = setup({
  types: {} as { context: SidecarContext; events: SidecarEvent; input: SidecarInput },
  actions: {
    ...planActions,
    applyReplicated: assign(({ context, event }) => {
      if (event.type !== 'REPLICATE') return {};
      const tables = applyDdl(context.tables, event.statement, event.table) ?? context.tables;
      // A dropped table takes its caches with it.
      const caches = Object.fromEntries(
        Object.entries(context.caches).filter(([, table]) => tables.includes(table)),
      );
      return { tables, caches, epoch: context.epoch + 1, applied: event.lsn };
    }),
    addCache: assign(({ context, event }) =>
      event.type === 'CREATE_CACHE'
        ? { caches: { ...context.caches, [event.query]: event.table } }
        : {},
    ),
  },
  guards: {
    notifies: ({ context }) => context.notify !== null,
    staleEpoch: ({ context, event }) =>
      event.type === 'CREATE_CACHE' &&
      typeof event.epoch === 'number' &&
      event.epoch < context.epoch,
    tableExists: ({ context, event }) => 'table' in event && context.tables.includes(event.table),
  },
}).createMachine({
  id: 'sidecar',
  context: ({ input }) => ({ ...input, epoch: 1, applied: 0, caches: {} }),
  initial: 'following',
  states: {
    following: {
      on: {
        REPLICATE: [
          {
            guard: 'notifies',
            actions: [
              'applyReplicated',
              {
                type: 'send',
                params: ({ context, event }) => ({
                  to: context.notify ?? '',
                  type: 'SCHEMA_CHANGED',
                  payload: { epoch: context.epoch, statement: event.statement, table: event.table },
                }),
              },
            ],
          },
          { actions: 'applyReplicated' },
        ],
        EXPLAIN: {
          actions: {
            type: 'send',
            params: answer('EXPLAINED', (context, event) => ({
              verdict: explainVerdict(context, (event as Query).table),
            })),
          },
        },
        CREATE_CACHE: [
          { guard: 'staleEpoch', actions: { type: 'send', params: answer('STALE_EPOCH') } },
          {
            guard: 'tableExists',
            actions: ['addCache', { type: 'send', params: answer('CACHE_CREATED') }],
          },
          {
            actions: {
              type: 'send',
              params: answer('CREATE_CACHE_FAILED', (_, event) => ({
                error: `table "${(event as Query).table}" not found`,
              })),
            },
          },
        ],
      },
    },
  },
});
