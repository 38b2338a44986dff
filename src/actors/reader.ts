/**
 * A cache-aside reader: GET the key; on a miss SELECT it from the database and write it back
 * to the cache. How it writes back depends on the fix in force: a plain SET, a SET carrying the
 * lease handed out on the miss, a versioned CAS, or ADD (set-if-absent). Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';

export type FillMode = 'set' | 'lease' | 'cas' | 'add';

export interface ReaderInput {
  readonly key: string;
  readonly mode: FillMode;
  /** TTL for the entry it installs, or null for none. */
  readonly ttl: number | null;
  readonly cache: string;
  readonly db: string;
}

export interface ReaderContext extends ReaderInput {
  /** Lease token from the miss; -1 when another reader holds it; null when none was asked. */
  readonly lease: number | null;
  readonly value: string | null;
  readonly version: number;
  /** What the reader returned to its caller. */
  readonly result: string | null;
}

export type ReaderEvent = Delivered &
  (
    | { type: 'HIT'; key: string; value: string; version: number }
    | { type: 'MISS'; key: string; lease: number | null }
    | { type: 'ROW'; key: string; value: string | null; version: number }
    | { type: 'STORED' | 'NOT_STORED'; key: string }
  );

const FILL_COMMAND = { set: 'SET', lease: 'SET', cas: 'CAS', add: 'ADD' } as const;

export const readerMachine = setup({
  types: {} as { context: ReaderContext; events: ReaderEvent; input: ReaderInput },
  actions: { ...planActions, returnValue: assign({ result: ({ context }) => context.value }) },
  guards: {
    mayFill: ({ context }) => context.lease !== -1,
  },
}).createMachine({
  id: 'reader',
  context: ({ input }) => ({ ...input, lease: null, value: null, version: 0, result: null }),
  initial: 'getting',
  states: {
    getting: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.cache,
          type: 'GET',
          payload: { key: context.key, lease: context.mode === 'lease' },
        }),
      },
      on: {
        HIT: {
          target: 'done',
          actions: assign({
            result: ({ event }) => event.value,
            version: ({ event }) => event.version,
          }),
        },
        MISS: { target: 'selecting', actions: assign({ lease: ({ event }) => event.lease }) },
      },
    },
    selecting: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.db,
          type: 'SELECT',
          payload: { key: context.key },
        }),
      },
      on: {
        ROW: [
          {
            guard: 'mayFill',
            target: 'filling',
            actions: assign({
              value: ({ event }) => event.value,
              version: ({ event }) => event.version,
            }),
          },
          {
            // Another reader holds the lease: return the database's value without caching it.
            target: 'done',
            actions: assign({
              value: ({ event }) => event.value,
              version: ({ event }) => event.version,
              result: ({ event }) => event.value,
            }),
          },
        ],
      },
    },
    filling: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.cache,
          type: FILL_COMMAND[context.mode],
          payload: {
            key: context.key,
            value: context.value ?? '',
            version: context.version,
            ttl: context.ttl,
            ...(context.mode === 'lease' ? { lease: context.lease } : {}),
          },
        }),
      },
      on: {
        STORED: { target: 'done', actions: 'returnValue' },
        NOT_STORED: { target: 'done', actions: 'returnValue' },
      },
    },
    done: { type: 'final' },
  },
});
