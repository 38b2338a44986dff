/**
 * A cache node that owns writes. `write-behind`: keep the write in memory, ACK at once, flush it
 * to the database when the flush timer fires. `durable-log`: the same, but APPEND the write to a
 * durable log and ACK only once it is there; after a crash, REPLAY the log and flush it.
 * `write-through`: PUT to the database and ACK when it has committed. A CRASH loses memory and
 * timers; the node restarts after `restartDelay` ticks. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import type { LogEntry } from './durableLog';
import { planActions, type Delivered, type SendParams } from './plans';

export type WriteStrategy = 'write-behind' | 'durable-log' | 'write-through';

export interface WriteBehindInput {
  readonly strategy: WriteStrategy;
  readonly flushDelay: number;
  readonly restartDelay: number;
  readonly db: string;
  readonly log: string;
}

/** A write the node has taken but not yet answered, and who is waiting for it. */
interface Pending extends LogEntry {
  readonly client: string;
}

export interface WriteBehindContext extends WriteBehindInput {
  /** Acknowledged writes not yet in the database: they live only in this node's memory. */
  readonly dirty: readonly LogEntry[];
  readonly pending: Pending | null;
}

export type WriteBehindEvent = Delivered &
  (
    | ({ type: 'WRITE' } & LogEntry)
    | { type: 'APPENDED'; key: string; version: number }
    | ({ type: 'PUT_OK' } & LogEntry)
    | { type: 'ENTRIES'; entries: readonly LogEntry[] }
    | { type: 'TIMER'; name: string }
    | { type: 'CRASH' }
  );

const entryOf = (e: LogEntry): LogEntry => ({ key: e.key, value: e.value, version: e.version });

const ack = (p: Pending): SendParams => ({
  to: p.client,
  type: 'ACK',
  payload: { key: p.key, version: p.version },
  // The answer to the client's WRITE, whichever later step sends it.
  reply: true,
});

export const writeBehindCacheMachine = setup({
  types: {} as { context: WriteBehindContext; events: WriteBehindEvent; input: WriteBehindInput },
  actions: {
    ...planActions,
    take: assign({
      pending: ({ event }) =>
        event.type === 'WRITE' ? { ...entryOf(event), client: event.from } : null,
    }),
    clean: assign({
      dirty: ({ context, event }) =>
        context.dirty.filter(
          (d) => event.type !== 'PUT_OK' || d.key !== event.key || d.version > event.version,
        ),
    }),
    // Acknowledge the pending write and keep it dirty until the flush timer fires.
    ackAndDefer: assign(({ context }) => ({
      dirty: context.pending ? [...context.dirty, entryOf(context.pending)] : context.dirty,
      pending: null,
    })),
  },
  guards: {
    hasDirty: ({ context }) => context.dirty.length > 0,
    is: ({ context }, strategy: WriteStrategy) => context.strategy === strategy,
    pendingIs: ({ context, event }) =>
      'version' in event && context.pending?.version === event.version,
  },
}).createMachine({
  id: 'writeBehindCache',
  context: ({ input }) => ({ ...input, dirty: [], pending: null }),
  initial: 'up',
  states: {
    up: {
      on: {
        WRITE: [
          {
            guard: { type: 'is', params: 'write-through' },
            actions: [
              'take',
              {
                type: 'send',
                params: ({ context, event }) => ({
                  to: context.db,
                  type: 'PUT',
                  payload: entryOf(event),
                }),
              },
            ],
          },
          {
            guard: { type: 'is', params: 'durable-log' },
            actions: [
              'take',
              {
                type: 'send',
                params: ({ context, event }) => ({
                  to: context.log,
                  type: 'APPEND',
                  payload: entryOf(event),
                }),
              },
            ],
          },
          {
            actions: [
              'take',
              {
                type: 'send',
                params: ({ event }) => ack({ ...entryOf(event), client: event.from }),
              },
              'ackAndDefer',
              {
                type: 'startTimer',
                params: ({ context }) => ({ name: 'flush', delay: context.flushDelay }),
              },
            ],
          },
        ],
        APPENDED: {
          guard: 'pendingIs',
          actions: [
            { type: 'send', params: ({ context }) => ack(context.pending as Pending) },
            'ackAndDefer',
            {
              type: 'startTimer',
              params: ({ context }) => ({ name: 'flush', delay: context.flushDelay }),
            },
          ],
        },
        TIMER: {
          // One flush sends the oldest dirty write; the scenario's client writes once.
          guard: 'hasDirty',
          actions: {
            type: 'send',
            params: ({ context }) => ({
              to: context.db,
              type: 'PUT',
              payload: { ...(context.dirty[0] as LogEntry) },
            }),
          },
        },
        PUT_OK: [
          {
            guard: 'pendingIs',
            actions: [
              { type: 'send', params: ({ context }) => ack(context.pending as Pending) },
              assign({ pending: null }),
            ],
          },
          {
            guard: { type: 'is', params: 'durable-log' },
            actions: [
              'clean',
              {
                type: 'send',
                params: ({ context, event }) => ({
                  to: context.log,
                  type: 'TRIM',
                  payload: { key: event.key, version: event.version },
                }),
              },
            ],
          },
          { actions: 'clean' },
        ],
        CRASH: 'down',
      },
    },
    down: {
      // Memory and timers die with the process; messages reaching a dead node are lost.
      entry: [
        assign({ dirty: [], pending: null }),
        { type: 'cancelTimer', params: { name: 'flush' } },
        {
          type: 'startTimer',
          params: ({ context }) => ({ name: 'restart', delay: context.restartDelay }),
        },
      ],
      on: {
        TIMER: [
          { guard: { type: 'is', params: 'durable-log' }, target: 'recovering' },
          { target: 'up' },
        ],
      },
    },
    recovering: {
      entry: { type: 'send', params: ({ context }) => ({ to: context.log, type: 'REPLAY' }) },
      on: {
        ENTRIES: [
          {
            target: 'up',
            guard: ({ event }) => event.entries.length > 0,
            actions: [
              assign({ dirty: ({ event }) => event.entries.map(entryOf) }),
              // Flush what the log kept at once: these writes were acknowledged long ago.
              {
                type: 'send',
                params: ({ context, event }) => ({
                  to: context.db,
                  type: 'PUT',
                  payload: entryOf(event.entries[0] as LogEntry),
                }),
              },
            ],
          },
          { target: 'up' },
        ],
      },
    },
  },
});
