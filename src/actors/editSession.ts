/**
 * An Edit UI session over a query cache (cacheops-style): it may save a record (UPDATE), then
 * invalidate the cached resultsets that include it — itself, one DEL after another, before the
 * save returns (`sync`), or by enqueueing a job for an invalidation worker (`async`) — and then
 * reloads its page: cache-aside on the page's resultset (GET; on a miss SELECT the record and
 * SET the resultset), or, after its own save with `async-bypass`, straight from the database
 * (read-your-writes). A session that does not save only loads the page. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered, type SendParams } from './plans';

export type InvalidationMode = 'sync' | 'async' | 'async-bypass';

export interface EditSessionInput {
  /** The row a save updates. */
  readonly record: string;
  /** The cached resultsets that include the record, in the order they are invalidated. */
  readonly resultsets: readonly string[];
  /** The resultset the page reads. */
  readonly page: string;
  readonly mode: InvalidationMode;
  /** Whether the session saves before it loads (the editor) or only loads (a visitor). */
  readonly saves: boolean;
  readonly cache: string;
  readonly db: string;
  readonly worker: string;
}

export interface EditSessionContext extends EditSessionInput {
  /** The version its own save committed (0 before, or without, a save). */
  readonly saved: number;
  /** How many resultsets it has invalidated itself. */
  readonly deleted: number;
  readonly value: string | null;
  readonly version: number;
  /** What the page showed (null until loaded). */
  readonly result: string | null;
}

export type EditSessionEvent = Delivered &
  (
    | { type: 'UPDATED'; key: string; value: string; version: number }
    | { type: 'DELETED'; key: string }
    | { type: 'HIT'; key: string; value: string; version: number }
    | { type: 'MISS'; key: string }
    | { type: 'ROW'; key: string; value: string | null; version: number }
    | { type: 'STORED' | 'NOT_STORED'; key: string }
  );

type Args = { context: EditSessionContext };
const send = (params: (args: Args) => SendParams) => ({ type: 'send', params }) as const;

/** The invalidation job, queued for the worker: which resultsets to delete. */
const ENQUEUE = send(({ context }) => ({
  to: context.worker,
  type: 'JOB',
  payload: { keys: [...context.resultsets] },
}));

export const editSessionMachine = setup({
  types: {} as {
    context: EditSessionContext;
    events: EditSessionEvent;
    input: EditSessionInput;
  },
  actions: {
    ...planActions,
    saved: assign({ saved: ({ event }) => (event.type === 'UPDATED' ? event.version : 0) }),
    returnRow: assign(({ event }) =>
      event.type === 'ROW' ? { value: event.value ?? '', version: event.version } : {},
    ),
    returnValue: assign({ result: ({ context }) => context.value }),
  },
  guards: {
    saves: ({ context }) => context.saves,
    invalidatesItself: ({ context }) => context.mode === 'sync',
    bypasses: ({ context }) => context.mode === 'async-bypass' && context.saves,
    moreToDelete: ({ context }) => context.deleted + 1 < context.resultsets.length,
  },
}).createMachine({
  id: 'editSession',
  context: ({ input }) => ({
    ...input,
    saved: 0,
    deleted: 0,
    value: null,
    version: 0,
    result: null,
  }),
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'saves', target: 'saving' }, { target: 'loading' }] },
    saving: {
      entry: send(({ context }) => ({
        to: context.db,
        type: 'UPDATE',
        payload: { key: context.record },
      })),
      on: {
        UPDATED: [
          { guard: 'invalidatesItself', target: 'invalidating', actions: 'saved' },
          {
            // The save enqueues the job and returns; the page reloads at once.
            guard: 'bypasses',
            target: 'selecting',
            actions: ['saved', ENQUEUE],
          },
          { target: 'loading', actions: ['saved', ENQUEUE] },
        ],
      },
    },
    invalidating: {
      entry: send(({ context }) => ({
        to: context.cache,
        type: 'DEL',
        payload: { key: context.resultsets[context.deleted] ?? '' },
      })),
      on: {
        DELETED: [
          {
            guard: 'moreToDelete',
            target: 'invalidating',
            reenter: true,
            actions: assign({ deleted: ({ context }) => context.deleted + 1 }),
          },
          { target: 'loading', actions: assign({ deleted: ({ context }) => context.deleted + 1 }) },
        ],
      },
    },
    loading: {
      entry: send(({ context }) => ({
        to: context.cache,
        type: 'GET',
        payload: { key: context.page },
      })),
      on: {
        HIT: {
          target: 'done',
          actions: assign(({ event }) => ({ result: event.value, version: event.version })),
        },
        MISS: 'selecting',
      },
    },
    selecting: {
      entry: send(({ context }) => ({
        to: context.db,
        type: 'SELECT',
        payload: { key: context.record },
      })),
      on: {
        ROW: [
          { guard: 'bypasses', target: 'done', actions: ['returnRow', 'returnValue'] },
          { target: 'filling', actions: 'returnRow' },
        ],
      },
    },
    filling: {
      entry: send(({ context }) => ({
        to: context.cache,
        type: 'SET',
        payload: { key: context.page, value: context.value ?? '', version: context.version },
      })),
      on: {
        STORED: { target: 'done', actions: 'returnValue' },
        NOT_STORED: { target: 'done', actions: 'returnValue' },
      },
    },
    done: { type: 'final' },
  },
});
