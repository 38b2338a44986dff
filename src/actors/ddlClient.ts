/**
 * An application process that runs DDL statements against the database (directly, or through a
 * proxy in front of it), one after another (e.g. `DROP TABLE example`), and remembers how each
 * ended. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import type { DdlType } from './database';
import { planActions, type Delivered } from './plans';

export interface DdlStatement {
  readonly statement: DdlType;
  readonly table: string;
}

export interface DdlClientInput {
  /** Where statements are sent: the database, or a proxy that forwards them. */
  readonly db: string;
  readonly statements: readonly DdlStatement[];
}

export interface DdlClientContext extends DdlClientInput {
  /** Index of the statement in flight (or the count done when finished). */
  readonly next: number;
  readonly outcomes: readonly string[];
}

export type DdlClientEvent = Delivered &
  (
    | { type: 'DDL_OK'; statement: string; table: string }
    | { type: 'DDL_FAILED'; statement: string; error: string }
  );

export const ddlClientMachine = setup({
  types: {} as { context: DdlClientContext; events: DdlClientEvent; input: DdlClientInput },
  actions: {
    ...planActions,
    record: assign(({ context, event }) => ({
      next: context.next + 1,
      outcomes: [...context.outcomes, event.type === 'DDL_OK' ? 'ok' : event.error],
    })),
  },
  guards: {
    moreToRun: ({ context }) => context.next < context.statements.length,
  },
}).createMachine({
  id: 'ddlClient',
  context: ({ input }) => ({ ...input, next: 0, outcomes: [] }),
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'moreToRun', target: 'running' }, { target: 'done' }] },
    running: {
      entry: {
        type: 'send',
        params: ({ context }) => {
          const ddl = context.statements[context.next];
          return {
            to: context.db,
            type: ddl?.statement ?? 'DROP_TABLE',
            payload: { table: ddl?.table ?? '' },
          };
        },
      },
      on: {
        DDL_OK: { target: 'starting', actions: 'record' },
        DDL_FAILED: { target: 'starting', actions: 'record' },
      },
    },
    done: { type: 'final' },
  },
});
