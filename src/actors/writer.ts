/**
 * A writer: UPDATE the row, then keep the cache honest according to the fix in force: DEL the
 * key; DEL, wait, DEL again (delayed double-delete); write a versioned tombstone; or write the
 * new value through to the cache. Pure xstate machine.
 */
import { setup, assign } from 'xstate';
import { planActions, type Delivered } from './plans';

export type WriteMode = 'delete' | 'double-delete' | 'invalidate-versioned' | 'write-through';

export interface WriterInput {
  readonly key: string;
  readonly mode: WriteMode;
  /** Ticks between the two deletes of a double-delete. */
  readonly delay: number;
  /** TTL for a written-through entry, or null. */
  readonly ttl: number | null;
  readonly cache: string;
  readonly db: string;
}

export interface WriterContext extends WriterInput {
  readonly value: string | null;
  readonly version: number;
}

export type WriterEvent = Delivered &
  (
    | { type: 'UPDATED'; key: string; value: string; version: number }
    | { type: 'DELETED' | 'STORED' | 'NOT_STORED'; key: string }
    | { type: 'TIMER'; name: string }
  );

/** The writer's DEL of its key, sent on entering either delete state. */
const SEND_DEL = {
  type: 'send',
  params: ({ context }: { context: WriterContext }) => ({
    to: context.cache,
    type: 'DEL',
    payload: { key: context.key },
  }),
} as const;

export const writerMachine = setup({
  types: {} as { context: WriterContext; events: WriterEvent; input: WriterInput },
  actions: {
    ...planActions,
    remember: assign(({ event }) =>
      event.type === 'UPDATED' ? { value: event.value, version: event.version } : {},
    ),
  },
  guards: {
    writesThrough: ({ context }) => context.mode === 'write-through',
    versioned: ({ context }) => context.mode === 'invalidate-versioned',
    deletesTwice: ({ context }) => context.mode === 'double-delete',
  },
}).createMachine({
  id: 'writer',
  context: ({ input }) => ({ ...input, value: null, version: 0 }),
  initial: 'updating',
  states: {
    updating: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.db,
          type: 'UPDATE',
          payload: { key: context.key },
        }),
      },
      on: {
        UPDATED: [
          { guard: 'writesThrough', target: 'writingThrough', actions: 'remember' },
          { guard: 'versioned', target: 'invalidating', actions: 'remember' },
          { target: 'deleting', actions: 'remember' },
        ],
      },
    },
    deleting: {
      entry: SEND_DEL,
      on: {
        DELETED: [{ guard: 'deletesTwice', target: 'waiting' }, { target: 'done' }],
      },
    },
    waiting: {
      entry: {
        type: 'startTimer',
        params: ({ context }) => ({ name: 'second-delete', delay: context.delay }),
      },
      on: { TIMER: 'deletingAgain' },
    },
    deletingAgain: {
      entry: SEND_DEL,
      on: { DELETED: 'done' },
    },
    invalidating: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.cache,
          type: 'INVALIDATE',
          payload: { key: context.key, version: context.version },
        }),
      },
      on: { DELETED: 'done' },
    },
    writingThrough: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.cache,
          type: 'SET',
          payload: {
            key: context.key,
            value: context.value ?? '',
            version: context.version,
            ttl: context.ttl,
          },
        }),
      },
      on: { STORED: 'done', NOT_STORED: 'done' },
    },
    done: { type: 'final' },
  },
});
