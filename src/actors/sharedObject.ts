/**
 * A shared object: named fields and locks that several processes use, like a module-level dict
 * and its mutexes. READ and WRITE are atomic; LOCK is granted at once when the lock is free,
 * else when its holder UNLOCKs (waiters in arrival order). Processes call it synchronously.
 * Pure xstate machine.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { Json } from '../engine/types';
import { planActions, type Delivered, type SendParams } from './plans';

export interface SharedObjectInput {
  readonly fields?: { readonly [name: string]: Json };
}

export interface SharedObjectContext {
  readonly fields: { readonly [name: string]: Json };
  /** Per lock: its holder and those waiting for it, in order. */
  readonly locks: {
    readonly [name: string]: { readonly holder: string; readonly waiting: readonly string[] };
  };
}

export type SharedObjectEvent = Delivered &
  (
    | { type: 'READ'; field: string }
    | { type: 'WRITE'; fields: { readonly [name: string]: Json } }
    | { type: 'LOCK' | 'UNLOCK'; name: string }
  );

const answer = (to: string, type: string, payload: { [key: string]: Json }): SendParams => ({
  to,
  type,
  payload,
  reply: true,
});

export const sharedObjectMachine = setup({
  types: {} as {
    context: SharedObjectContext;
    events: SharedObjectEvent;
    input: SharedObjectInput | null;
  },
  actions: planActions,
}).createMachine({
  id: 'shared-object',
  context: ({ input }) => ({ fields: input?.fields ?? {}, locks: {} }),
  initial: 'up',
  states: {
    up: {
      on: {
        READ: {
          actions: {
            type: 'send',
            params: ({ context, event }) =>
              answer(event.from, 'VALUE', {
                field: event.field,
                value: context.fields[event.field] ?? null,
              }),
          },
        },
        WRITE: {
          actions: [
            assign({ fields: ({ context, event }) => ({ ...context.fields, ...event.fields }) }),
            {
              type: 'send',
              params: ({ event }) =>
                answer(event.from, 'WRITTEN', { fields: Object.keys(event.fields).sort() }),
            },
          ],
        },
        LOCK: {
          actions: enqueueActions(({ context, event, enqueue }) => {
            const held = context.locks[event.name];
            if (held && held.holder !== event.from) {
              // Taken: the caller waits for it, unanswered.
              const waiting = [...held.waiting, event.from];
              enqueue.assign({ locks: { ...context.locks, [event.name]: { ...held, waiting } } });
              return;
            }
            const lock = held ?? { holder: event.from, waiting: [] };
            enqueue.assign({ locks: { ...context.locks, [event.name]: lock } });
            enqueue({ type: 'send', params: answer(event.from, 'LOCKED', { name: event.name }) });
          }),
        },
        UNLOCK: {
          actions: enqueueActions(({ context, event, enqueue }) => {
            const held = context.locks[event.name];
            if (!held || held.holder !== event.from) {
              enqueue({
                type: 'send',
                params: answer(event.from, 'NOT_HELD', { name: event.name }),
              });
              return;
            }
            const [next, ...rest] = held.waiting;
            const { [event.name]: _, ...others } = context.locks;
            enqueue.assign({
              locks:
                next === undefined
                  ? others
                  : { ...others, [event.name]: { holder: next, waiting: rest } },
            });
            enqueue({ type: 'send', params: answer(event.from, 'UNLOCKED', { name: event.name }) });
            // The next in line gets the lock now: its LOCK is answered.
            if (next !== undefined)
              enqueue({ type: 'send', params: answer(next, 'LOCKED', { name: event.name }) });
          }),
        },
      },
    },
  },
});
