/**
 * An invalidation worker on a job queue (an RQ worker): it takes a job off its queue — the
 * channel the jobs arrive on — and DELetes the job's cached resultsets one after another; jobs
 * that arrive meanwhile wait their turn. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';

export interface InvalidationWorkerInput {
  readonly cache: string;
}

export interface InvalidationWorkerContext extends InvalidationWorkerInput {
  /** Resultsets still to delete, in order. */
  readonly pending: readonly string[];
}

export type InvalidationWorkerEvent = Delivered &
  ({ type: 'JOB'; keys: readonly string[] } | { type: 'DELETED'; key: string });

export const invalidationWorkerMachine = setup({
  types: {} as {
    context: InvalidationWorkerContext;
    events: InvalidationWorkerEvent;
    input: InvalidationWorkerInput;
  },
  actions: {
    ...planActions,
    take: assign({
      pending: ({ context, event }) =>
        event.type === 'JOB' ? [...context.pending, ...event.keys] : context.pending,
    }),
  },
  guards: {
    hasWork: ({ context }) => context.pending.length > 0,
    moreToDelete: ({ context }) => context.pending.length > 1,
  },
}).createMachine({
  id: 'invalidationWorker',
  context: ({ input }) => ({ ...input, pending: [] }),
  initial: 'idle',
  states: {
    idle: {
      on: { JOB: [{ target: 'deleting', actions: 'take' }] },
    },
    deleting: {
      entry: {
        type: 'send',
        params: ({ context }) => ({
          to: context.cache,
          type: 'DEL',
          payload: { key: context.pending[0] ?? '' },
        }),
      },
      on: {
        JOB: { actions: 'take' },
        DELETED: [
          {
            guard: 'moreToDelete',
            target: 'deleting',
            reenter: true,
            actions: assign({ pending: ({ context }) => context.pending.slice(1) }),
          },
          { target: 'idle', actions: assign({ pending: [] }) },
        ],
      },
    },
  },
});
