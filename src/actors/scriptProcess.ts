/**
 * A process that runs a script: one machine for every script, which it takes as its input (a
 * compiled program and the script's fields). It runs the program up to a waiting step (a call,
 * an await, a sleep), waits there for the reply, message or timer, and so on to the end. Its
 * context holds the script's fields by name, as a library actor's holds its own, and `phase`,
 * the label of the step it waits on. Pure xstate machine.
 */
import { enqueueActions, setup } from 'xstate';
import type { Json } from '../engine/types';
import { planActions } from './plans';
import {
  runScript,
  startContext,
  type Incoming,
  type ProcessContext,
  type Program,
} from './script';

export interface ScriptInput {
  readonly program: Program;
  readonly fields: { readonly [name: string]: Json };
}

type ProcessEvent = Incoming;

export const scriptProcessMachine = setup({
  types: {} as { context: ProcessContext; events: ProcessEvent; input: ScriptInput },
  actions: {
    ...planActions,
    run: enqueueActions(({ context, event, enqueue }) => {
      // The entry runs the script from its start; every later event is what it may wait for.
      const started = event.type.startsWith('xstate.');
      const result = runScript(context, started ? null : event);
      if (!result) return;
      enqueue.assign(() => result.changes as ProcessContext);
      for (const plan of result.plans) {
        if (plan.type === 'send') enqueue({ type: 'send', params: plan.params });
        else enqueue({ type: 'startTimer', params: plan.params });
      }
    }),
  },
  guards: {
    done: ({ context }) => context.phase === 'done',
    raised: ({ context }) => context.phase === 'raised',
  },
}).createMachine({
  id: 'process',
  context: ({ input }) => startContext(input),
  initial: 'running',
  states: {
    running: {
      entry: 'run',
      always: [
        { guard: 'done', target: 'done' },
        { guard: 'raised', target: 'raised' },
      ],
      on: { '*': { actions: 'run' } },
    },
    done: { type: 'final' },
    raised: { type: 'final' },
  },
});
