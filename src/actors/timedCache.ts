/**
 * An in-process, non-overwriting timed cache, as a Python service would use one: `get_entry`
 * raises NonExistentEntry on a miss (or an expired entry), `add_entry` raises ExistingEntry
 * when a live entry is there unless `override` is asked for. Entries expire after a TTL on
 * the world clock. For single-flight it also keeps a per-key future: a miss asked with `join`
 * registers the caller's fetch, a later miss awaits it, and the owner's `add_entry` resolves it
 * in the same call. Callers send synchronous messages: the answer comes back in the same step.
 * Replies are named after what the call returned or raised. Pure xstate machine.
 */
import { and, assign, enqueueActions, not, setup } from 'xstate';
import { planActions, type Delivered, type SendParams } from './plans';

export interface TimedEntry {
  readonly value: string;
  readonly expiresAt: number;
}

export interface TimedCacheInput {
  readonly ttl: number;
}

export interface TimedCacheContext extends TimedCacheInput {
  readonly entries: { readonly [key: string]: TimedEntry };
  /** Per key, the tasks awaiting the in-flight fetch (the owner is not among them). */
  readonly futures: { readonly [key: string]: readonly string[] };
}

export type TimedCacheEvent = Delivered &
  (
    | { type: 'GET_ENTRY'; key: string; join?: boolean }
    | { type: 'ADD_ENTRY'; key: string; value: string; override?: boolean }
  );

/** Returns the unexpired entry for `key` at `now`, or null. Pure. */
export function liveTimedEntry(
  context: TimedCacheContext,
  key: string,
  now: number,
): TimedEntry | null {
  const entry = context.entries[key];
  return entry && entry.expiresAt > now ? entry : null;
}

const reply =
  (type: string, value: (context: TimedCacheContext, key: string) => string | null = () => null) =>
  ({ context, event }: { context: TimedCacheContext; event: TimedCacheEvent }): SendParams => ({
    to: event.from,
    type,
    payload: { key: event.key, value: value(context, event.key) },
    reply: true,
  });

export const timedCacheMachine = setup({
  types: {} as { context: TimedCacheContext; events: TimedCacheEvent; input: TimedCacheInput },
  actions: {
    ...planActions,
    openFuture: assign(({ context, event }) => ({
      futures: { ...context.futures, [event.key]: [] },
    })),
    awaitFuture: assign(({ context, event }) => ({
      futures: {
        ...context.futures,
        [event.key]: [...(context.futures[event.key] ?? []), event.from],
      },
    })),
    store: assign(({ context, event }) => {
      if (event.type !== 'ADD_ENTRY') return {};
      const { [event.key]: _, ...futures } = context.futures;
      const entry = { value: event.value, expiresAt: event.now + context.ttl };
      return { entries: { ...context.entries, [event.key]: entry }, futures };
    }),
  },
  guards: {
    hit: ({ context, event }) => liveTimedEntry(context, event.key, event.now) !== null,
    inFlight: ({ context, event }) =>
      event.type === 'GET_ENTRY' && event.join === true && context.futures[event.key] !== undefined,
    joins: ({ event }) => event.type === 'GET_ENTRY' && event.join === true,
    overrides: ({ event }) => event.type === 'ADD_ENTRY' && event.override === true,
  },
}).createMachine({
  id: 'timedCache',
  context: ({ input }) => ({ ...input, entries: {}, futures: {} }),
  initial: 'up',
  states: {
    up: {
      on: {
        GET_ENTRY: [
          {
            guard: 'hit',
            actions: {
              type: 'send',
              params: reply('ENTRY', (c, key) => c.entries[key]?.value ?? null),
            },
          },
          {
            guard: 'inFlight',
            actions: ['awaitFuture', { type: 'send', params: reply('AWAITING_FUTURE') }],
          },
          {
            guard: 'joins',
            actions: ['openFuture', { type: 'send', params: reply('NonExistentEntry') }],
          },
          { actions: { type: 'send', params: reply('NonExistentEntry') } },
        ],
        ADD_ENTRY: [
          {
            guard: and(['hit', not('overrides')]),
            // add_entry refuses to replace a live entry unless told to override it.
            actions: { type: 'send', params: reply('ExistingEntry') },
          },
          {
            actions: enqueueActions(({ context, event, enqueue }) => {
              if (event.type !== 'ADD_ENTRY') return;
              // Setting the value and resolving the future happen in one call: no await between.
              for (const waiter of context.futures[event.key] ?? []) {
                enqueue({
                  type: 'send',
                  params: {
                    to: waiter,
                    type: 'FUTURE_RESOLVED',
                    payload: { key: event.key, value: event.value },
                  },
                });
              }
              enqueue('store');
              enqueue({
                type: 'send',
                params: {
                  to: event.from,
                  type: 'ENTRY_ADDED',
                  payload: { key: event.key, value: event.value },
                  reply: true,
                },
              });
            }),
          },
        ],
      },
    },
  },
});
