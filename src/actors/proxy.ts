/**
 * A QueryPilot-like proxy with its own metadata cache of `EXPLAIN CREATE CACHE` verdicts. For a
 * high-impact query it dry-runs EXPLAIN on the sidecar, stores the verdict a moment later (a
 * separate step: the window in which DDL can slip in), then issues CREATE CACHE, retrying while
 * its metadata says "supported". The endless retry is bounded at `maxAttempts`, after which it
 * rests in `retryingForever`. The fix in force is a set of flags. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
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
}

export interface ProxyContext extends ProxyInput {
  readonly metadata: { readonly [query: string]: VerdictEntry };
  /** Newest sidecar schema epoch the proxy has heard of. */
  readonly knownEpoch: number;
  readonly attempts: number;
  readonly lastError: string | null;
}

export type ProxyEvent = Delivered &
  (
    | { type: 'EXPLAINED'; query: string; verdict: Verdict; epoch: number }
    | { type: 'STORE_VERDICT'; query: string; verdict: Verdict; epoch: number }
    | { type: 'CACHE_CREATED' | 'STALE_EPOCH'; query: string; epoch: number }
    | { type: 'CREATE_CACHE_FAILED'; query: string; epoch: number; error: string }
    | { type: 'SCHEMA_CHANGED'; epoch: number; statement: string; table: string }
  );

/** Returns the verdict the proxy's metadata holds for its query, if any. Pure. */
export function storedVerdict(context: ProxyContext): VerdictEntry | null {
  return context.metadata[context.query] ?? null;
}

const learn = ({ context, event }: { context: ProxyContext; event: ProxyEvent }) =>
  Math.max(context.knownEpoch, 'epoch' in event ? event.epoch : 0);

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
    noteError: assign({
      lastError: ({ event }) => (event.type === 'CREATE_CACHE_FAILED' ? event.error : null),
    }),
  },
  guards: {
    olderThanKnown: ({ context, event }) =>
      context.epochAtStore && event.type === 'STORE_VERDICT' && event.epoch < context.knownEpoch,
    supported: ({ event }) => event.type === 'STORE_VERDICT' && event.verdict === 'supported',
    invalidates: ({ context }) => context.invalidateOnDdl,
    dropsOnFailure: ({ context }) => context.dropOnFailure,
    mayRetry: ({ context }) =>
      storedVerdict(context)?.verdict === 'supported' && context.attempts < context.maxAttempts,
    stillSupported: ({ context }) => storedVerdict(context)?.verdict === 'supported',
  },
}).createMachine({
  id: 'proxy',
  context: ({ input }) => ({ ...input, metadata: {}, knownEpoch: 0, attempts: 0, lastError: null }),
  initial: 'explaining',
  on: {
    SCHEMA_CHANGED: [
      { guard: 'invalidates', actions: ['learnEpoch', 'forget'] },
      { actions: 'learnEpoch' },
    ],
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
    cached: {
      on: {
        SCHEMA_CHANGED: [
          { guard: 'invalidates', target: 'explaining', actions: ['learnEpoch', 'forget'] },
          { actions: 'learnEpoch' },
        ],
      },
    },
    settled: {
      on: {
        SCHEMA_CHANGED: [
          { guard: 'invalidates', target: 'explaining', actions: ['learnEpoch', 'forget'] },
          { actions: 'learnEpoch' },
        ],
      },
    },
    /** Attempts exhausted with "supported" still stored: the real proxy would go on forever. */
    retryingForever: { type: 'final' },
  },
});
