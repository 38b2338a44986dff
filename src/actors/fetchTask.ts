/**
 * A coroutine task on an asyncio-style event loop running `fetch_user(user_id)`: return the
 * cached user; on NonExistentEntry, `await` the upstream fetch, then `add_entry` the user. The
 * cache is an in-process object, so its calls are synchronous; the only `await` is the fetch
 * (and, with single-flight, another task's in-flight future). With `inlineCalls` the cache calls
 * are made within the task's step, as asyncio runs a task uninterrupted between awaits; without
 * it each call is a step of its own, so another task may run before it. The fix in force picks
 * how the user is added. The exception chain ends up in the context. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';

/** `add`: plain add_entry; `override`: add_entry(override); `single-flight`: per-key future; `catch`: swallow ExistingEntry. */
export type AddMode = 'add' | 'override' | 'single-flight' | 'catch';

export interface FetchTaskInput {
  readonly userId: string;
  readonly mode: AddMode;
  readonly cache: string;
  readonly upstream: string;
  /** Cache calls run within the task's own step (asyncio: switches only at an await). */
  readonly inlineCalls: boolean;
}

export interface FetchTaskContext extends FetchTaskInput {
  readonly user: string | null;
  /** Exceptions in the order they were raised: the first is being handled when the next comes. */
  readonly raised: readonly string[];
  /** How the call ended: the user returned, or the exception chain a caller would see. */
  readonly outcome: string | null;
  /** An exception caught and dropped on the floor (the catch-and-ignore "fix"). */
  readonly swallowed: string | null;
}

export type FetchTaskEvent = Delivered &
  (
    | { type: 'ENTRY' | 'FUTURE_RESOLVED' | 'ENTRY_ADDED'; key: string; value: string }
    | { type: 'NonExistentEntry' | 'ExistingEntry' | 'AWAITING_FUTURE'; key: string }
    | { type: 'USER'; userId: string; user: string }
  );

/** Returns the traceback summary of an exception chain, as Python would print it. Pure. */
export function exceptionChain(raised: readonly string[]): string {
  return raised.join(' → during handling, ');
}

export const fetchTaskMachine = setup({
  types: {} as { context: FetchTaskContext; events: FetchTaskEvent; input: FetchTaskInput },
  actions: {
    ...planActions,
    missed: assign(({ context }) => ({ raised: [...context.raised, 'NonExistentEntry'] })),
    returnValue: assign({
      outcome: ({ event }) =>
        `returned ${'value' in event ? event.value : 'user' in event ? event.user : '?'}`,
    }),
    raiseChain: assign(({ context }) => {
      const raised = [...context.raised, 'ExistingEntry'];
      return { raised, outcome: `raised ${exceptionChain(raised)}` };
    }),
    swallow: assign(({ context }) => ({
      raised: [...context.raised, 'ExistingEntry'],
      swallowed: 'ExistingEntry',
      outcome: `returned ${context.user ?? '?'} (ExistingEntry caught and ignored)`,
    })),
  },
  guards: {
    ignores: ({ context }) => context.mode === 'catch',
  },
}).createMachine({
  id: 'fetchTask',
  context: ({ input }) => ({ ...input, user: null, raised: [], outcome: null, swallowed: null }),
  initial: 'getting',
  states: {
    getting: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.cache,
          type: 'GET_ENTRY',
          payload: { key: context.userId, join: context.mode === 'single-flight' },
          sync: true,
          ...(context.inlineCalls ? { inline: true } : {}),
        }),
      },
      on: {
        ENTRY: { target: 'returned', actions: 'returnValue' },
        NonExistentEntry: { target: 'fetching', actions: 'missed' },
        AWAITING_FUTURE: { target: 'awaitingFuture', actions: 'missed' },
      },
    },
    fetching: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.upstream,
          type: 'FETCH_USER',
          payload: { userId: context.userId },
        }),
      },
      on: { USER: { target: 'adding', actions: assign({ user: ({ event }) => event.user }) } },
    },
    adding: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.cache,
          type: 'ADD_ENTRY',
          payload: {
            key: context.userId,
            value: context.user ?? '',
            override: context.mode === 'override',
          },
          sync: true,
          ...(context.inlineCalls ? { inline: true } : {}),
        }),
      },
      on: {
        ENTRY_ADDED: { target: 'returned', actions: 'returnValue' },
        ExistingEntry: [
          { guard: 'ignores', target: 'returned', actions: 'swallow' },
          { target: 'raised', actions: 'raiseChain' },
        ],
      },
    },
    /** Single-flight: another task's fetch is in flight; wait for its future. */
    awaitingFuture: {
      on: { FUTURE_RESOLVED: { target: 'returned', actions: 'returnValue' } },
    },
    returned: { type: 'final' },
    raised: { type: 'final' },
  },
});
