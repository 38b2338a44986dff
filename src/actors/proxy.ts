/**
 * A QueryPilot-like proxy between the application and the database, with its own metadata cache
 * of `EXPLAIN CREATE CACHE` verdicts. It forwards the application's DDL to the database and
 * relays the reply. For a high-impact query it dry-runs EXPLAIN on the sidecar, stores the
 * verdict a moment later (a separate step: the window in which DDL can slip in), then issues
 * CREATE CACHE, retrying while its metadata says "supported". The endless retry is bounded at
 * `maxAttempts`, after which it rests in `retryingForever` (still forwarding DDL). The fix in
 * force is a set of flags. Pure xstate machine.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { DdlType } from './database';
import { planActions, type Delivered } from './plans';

export type Verdict = 'supported' | 'unsupported';

export interface VerdictEntry {
  readonly verdict: Verdict;
  /** The sidecar's schema epoch the verdict was computed at. */
  readonly epoch: number;
}

export interface ProxyInput {
  readonly query: string;
  readonly table: string;
  readonly sidecar: string;
  /** The database the application's DDL is forwarded to. */
  readonly db: string;
  /** The proxy's own actor id: storing a verdict is a message to itself. */
  readonly self: string;
  readonly maxAttempts: number;
  /** Refuse to store a verdict older than the newest epoch known. */
  readonly epochAtStore: boolean;
  /** CREATE CACHE carries the verdict's epoch; a rejection drops the verdict and re-checks. */
  readonly epochOnUse: boolean;
  /** A DDL notification drops the verdict. */
  readonly invalidateOnDdl: boolean;
  /** A failed CREATE CACHE drops the verdict and re-checks. */
  readonly dropOnFailure: boolean;
  /** Forwarding a DDL statement drops the verdicts on its table. */
  readonly invalidateOnForward: boolean;
}

export interface ProxyContext extends ProxyInput {
  readonly metadata: { readonly [query: string]: VerdictEntry };
  /** Newest sidecar schema epoch the proxy has heard of. */
  readonly knownEpoch: number;
  readonly attempts: number;
  readonly lastError: string | null;
  /** Who sent each DDL statement now at the database, oldest first: replies come back in order. */
  readonly relaying: readonly string[];
}

export type ProxyEvent = Delivered &
  (
    | { type: 'EXPLAINED'; query: string; verdict: Verdict; epoch: number }
    | { type: 'STORE_VERDICT'; query: string; verdict: Verdict; epoch: number }
    | { type: 'CACHE_CREATED' | 'STALE_EPOCH'; query: string; epoch: number }
    | { type: 'CREATE_CACHE_FAILED'; query: string; epoch: number; error: string }
    | { type: 'SCHEMA_CHANGED'; epoch: number; statement: string; table: string }
    | { type: DdlType; table: string }
    | { type: 'DDL_OK'; statement: string; table: string }
    | { type: 'DDL_FAILED'; statement: string; error: string }
  );

/** Returns the verdict the proxy's metadata holds for its query, if any. Pure. */
export function storedVerdict(context: ProxyContext): VerdictEntry | null {
  return context.metadata[context.query] ?? null;
}

const learn = ({ context, event }: { context: ProxyContext; event: ProxyEvent }) =>
  Math.max(context.knownEpoch, 'epoch' in event ? event.epoch : 0);

/** Forwarding DDL; the invalidate-on-forward fix also drops the verdicts on its table. */
const FORWARD = [
  { guard: 'invalidatesOnForward', actions: ['forward', 'forget'] },
  { actions: 'forward' },
] as const;

/** Once cached or settled, a dropped verdict makes the proxy ask again. */
const RESTING = {
  SCHEMA_CHANGED: [
    { guard: 'invalidates', target: 'explaining', actions: ['learnEpoch', 'forget'] },
    { actions: 'learnEpoch' },
  ],
  DROP_TABLE: [
    { guard: 'invalidatesOnForward', target: 'explaining', actions: ['forward', 'forget'] },
    { actions: 'forward' },
  ],
  CREATE_TABLE: [
    { guard: 'invalidatesOnForward', target: 'explaining', actions: ['forward', 'forget'] },
    { actions: 'forward' },
  ],
} as const;

export const proxyMachine = setup({
  types: {} as { context: ProxyContext; events: ProxyEvent; input: ProxyInput },
  actions: {
    ...planActions,
    learnEpoch: assign({ knownEpoch: learn }),
    store: assign(({ context, event }) =>
      event.type === 'STORE_VERDICT'
        ? {
            metadata: {
              ...context.metadata,
              [event.query]: { verdict: event.verdict, epoch: event.epoch },
            },
          }
        : {},
    ),
    forget: assign(({ context }) => {
      const { [context.query]: _, ...rest } = context.metadata;
      return { metadata: rest };
    }),
    /** Sends the client's statement on to the database and remembers whom to answer. */
    forward: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'DROP_TABLE' && event.type !== 'CREATE_TABLE') return;
      enqueue.assign({ relaying: [...context.relaying, event.from] });
      enqueue({
        type: 'send',
        params: {
          to: context.db,
          type: event.type,
          payload: { table: event.table, client: event.from },
        },
      });
    }),
    /** Hands the database's answer back to the client of the oldest statement in flight. */
    relay: enqueueActions(({ context, event, enqueue }) => {
      const [client, ...rest] = context.relaying;
      if (client === undefined || (event.type !== 'DDL_OK' && event.type !== 'DDL_FAILED')) return;
      const payload =
        event.type === 'DDL_OK'
          ? { statement: event.statement, table: event.table }
          : { statement: event.statement, error: event.error };
      enqueue.assign({ relaying: rest });
      enqueue({
        type: 'send',
        params: {
          to: client,
          type: event.type,
          payload: { ...payload, relayed: true },
          reply: true,
        },
      });
    }),
    noteError: assign({
      lastError: ({ event }) => (event.type === 'CREATE_CACHE_FAILED' ? event.error : null),
    }),
  },
  guards: {
    olderThanKnown: ({ context, event }) =>
      context.epochAtStore && event.type === 'STORE_VERDICT' && event.epoch < context.knownEpoch,
    supported: ({ event }) => event.type === 'STORE_VERDICT' && event.verdict === 'supported',
    invalidates: ({ context }) => context.invalidateOnDdl,
    invalidatesOnForward: ({ context, event }) =>
      context.invalidateOnForward && 'table' in event && event.table === context.table,
    dropsOnFailure: ({ context }) => context.dropOnFailure,
    mayRetry: ({ context }) =>
      storedVerdict(context)?.verdict === 'supported' && context.attempts < context.maxAttempts,
    stillSupported: ({ context }) => storedVerdict(context)?.verdict === 'supported',
  },
}).createMachine({
  id: 'proxy',
  context: ({ input }) => ({
    ...input,
    metadata: {},
    knownEpoch: 0,
    attempts: 0,
    lastError: null,
    relaying: [],
  }),
  initial: 'explaining',
  on: {
    SCHEMA_CHANGED: [
      { guard: 'invalidates', actions: ['learnEpoch', 'forget'] },
      { actions: 'learnEpoch' },
    ],
    DROP_TABLE: FORWARD,
    CREATE_TABLE: FORWARD,
    DDL_OK: { actions: 'relay' },
    DDL_FAILED: { actions: 'relay' },
  },
  states: {
    explaining: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.sidecar,
          type: 'EXPLAIN',
          payload: { query: context.query, table: context.table },
        }),
      },
      on: { EXPLAINED: { target: 'storing', actions: 'learnEpoch' } },
    },
    storing: {
      // The verdict reaches the metadata cache in a later step of the proxy's own.
      entry: {
        type: 'send',
        params: ({ context, event }) => ({
          to: context.self,
          type: 'STORE_VERDICT',
          payload: {
            query: context.query,
            verdict: event.type === 'EXPLAINED' ? event.verdict : 'unsupported',
            epoch: event.type === 'EXPLAINED' ? event.epoch : 0,
          },
        }),
      },
      on: {
        STORE_VERDICT: [
          { guard: 'olderThanKnown', target: 'explaining' },
          { guard: 'supported', target: 'creating', actions: 'store' },
          { target: 'settled', actions: 'store' },
        ],
      },
    },
    creating: {
      entry: [
        assign({ attempts: ({ context }) => context.attempts + 1 }),
        {
          type: 'send',
          params: ({ context }) => ({
            to: context.sidecar,
            type: 'CREATE_CACHE',
            payload: {
              query: context.query,
              table: context.table,
              epoch: context.epochOnUse ? (storedVerdict(context)?.epoch ?? null) : null,
            },
          }),
        },
      ],
      on: {
        CACHE_CREATED: { target: 'cached', actions: assign({ lastError: null }) },
        STALE_EPOCH: { target: 'explaining', actions: ['learnEpoch', 'forget'] },
        CREATE_CACHE_FAILED: [
          { guard: 'dropsOnFailure', target: 'explaining', actions: ['noteError', 'forget'] },
          { guard: 'mayRetry', target: 'creating', reenter: true, actions: 'noteError' },
          { guard: 'stillSupported', target: 'retryingForever', actions: 'noteError' },
          // A DDL notification dropped the verdict meanwhile: ask again.
          { target: 'explaining', actions: 'noteError' },
        ],
      },
    },
    cached: { on: RESTING },
    settled: { on: RESTING },
    /**
     * Attempts exhausted with "supported" still stored: the real proxy would go on forever. Not
     * a final state: the proxy still forwards the application's DDL.
     */
    retryingForever: {},
  },
});
