/**
 * An upstream API (e.g. a chat platform's "fetch user" endpoint). Answers every FETCH_USER with
 * the user and counts the calls per user, so a duplicate fetch is visible. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';

export interface UpstreamContext {
  /** Calls served so far, per user id. */
  readonly calls: { readonly [userId: string]: number };
}

export type UpstreamEvent = Delivered & { type: 'FETCH_USER'; userId: string };

export const upstreamMachine = setup({
  types: {} as { context: UpstreamContext; events: UpstreamEvent },
  actions: planActions,
}).createMachine({
  id: 'upstream',
  context: { calls: {} },
  initial: 'serving',
  states: {
    serving: {
      on: {
        FETCH_USER: {
          actions: [
            assign({
              calls: ({ context, event }) => ({
                ...context.calls,
                [event.userId]: (context.calls[event.userId] ?? 0) + 1,
              }),
            }),
            {
              type: 'send',
              params: ({ event }) => ({
                to: event.from,
                type: 'USER',
                payload: { userId: event.userId, user: `User(${event.userId})` },
                reply: true,
              }),
            },
          ],
        },
      },
    },
  },
});
