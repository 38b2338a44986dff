/**
 * The memory every thread of one Python worker process shares, reduced to what the Frappe query
 * builder touches: the class attribute `MySQLQueryBuilder.engine`, the class attribute
 * `Engine.tables`, Engine objects and their `tables` dicts. Each message is one attribute
 * access or method statement, atomic under the GIL, so threads call it synchronously and can
 * only be preempted between messages. Objects are named by ids, like `id()` in the incident's
 * logs. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered } from './plans';

export interface EngineObject {
  /** Dict in the instance attribute `tables`; null: lookups fall back to `Engine.tables`. */
  readonly tables: string | null;
}

export interface MemoryContext {
  /** `MySQLQueryBuilder.engine`: a class attribute, so one value for every thread. */
  readonly builderEngine: string | null;
  /** `Engine.tables`, the class-level dict; null when the class defines none. */
  readonly classTables: string | null;
  readonly engines: { readonly [id: string]: EngineObject };
  /** Dict id → the table names added to it, in order. */
  readonly dicts: { readonly [id: string]: readonly string[] };
  readonly nextId: number;
}

export interface MemoryInput {
  /** The original `class Engine: tables = {}`; false once `tables` moved into `__init__`. */
  readonly classTables: boolean;
}

export type MemoryEvent = Delivered &
  (
    | { type: 'NEW_ENGINE'; bindToClass: boolean }
    | { type: 'GET_QUERY'; engine: string | null; table: string }
    | { type: 'ADD_TABLE'; engine: string | null; table: string }
    | { type: 'RENDER'; engine: string | null }
  );

/** Returns the dict `engine.tables` resolves to: its own, else the class attribute. Pure. */
export function tablesDict(context: MemoryContext, engine: string | null): string | null {
  if (engine === null) return null;
  return context.engines[engine]?.tables ?? context.classTables;
}

/** Returns the tables `engine.tables` holds right now. Pure. */
export function tablesOf(context: MemoryContext, engine: string | null): readonly string[] {
  const dict = tablesDict(context, engine);
  return dict === null ? [] : (context.dicts[dict] ?? []);
}

/** `self`: the engine the thread passed, or (when it holds none) the class attribute. */
function selfOf(context: MemoryContext, event: { engine: string | null }): string | null {
  return event.engine ?? context.builderEngine;
}

function reply(event: Delivered, type: string, payload: Record<string, string | null | string[]>) {
  return { to: event.from, type, payload, reply: true };
}

export const processMemoryMachine = setup({
  types: {} as { context: MemoryContext; events: MemoryEvent; input: MemoryInput },
  actions: planActions,
}).createMachine({
  id: 'processMemory',
  context: ({ input }) => ({
    builderEngine: null,
    classTables: input.classTables ? 'dict-0' : null,
    engines: {},
    dicts: input.classTables ? { 'dict-0': [] } : {},
    nextId: 1,
  }),
  initial: 'running',
  states: {
    running: {
      on: {
        NEW_ENGINE: {
          // Engine(): with `tables` in __init__ the new object gets its own dict at once. The
          // reply is computed first, from the id the assignment below is about to use.
          actions: [
            {
              type: 'send',
              params: ({ context, event }) =>
                reply(event, 'ENGINE', {
                  engine: `engine-${context.nextId}`,
                  bound: event.bindToClass ? 'MySQLQueryBuilder.engine' : 'local.engine',
                }),
            },
            assign(({ context, event }) => {
              const engine = `engine-${context.nextId}`;
              const own = context.classTables === null ? `dict-${context.nextId + 1}` : null;
              return {
                builderEngine: event.bindToClass ? engine : context.builderEngine,
                engines: { ...context.engines, [engine]: { tables: own } },
                dicts: own === null ? context.dicts : { ...context.dicts, [own]: [] },
                nextId: context.nextId + (own === null ? 1 : 2),
              };
            }),
          ],
        },
        GET_QUERY: {
          // get_query() starts with `self.tables = {}`: a fresh dict on whichever engine is self.
          actions: [
            assign(({ context, event }) => {
              const self = selfOf(context, event);
              if (self === null) return {};
              const dict = `dict-${context.nextId}`;
              return {
                engines: { ...context.engines, [self]: { tables: dict } },
                dicts: { ...context.dicts, [dict]: [] },
                nextId: context.nextId + 1,
              };
            }),
            {
              type: 'send',
              params: ({ context, event }) => {
                const self = selfOf(context, event);
                const dict = self === null ? null : tablesDict(context, self);
                return reply(event, 'RESET', { engine: self, dict, table: event.table });
              },
            },
          ],
        },
        ADD_TABLE: {
          actions: [
            assign(({ context, event }) => {
              const dict = tablesDict(context, event.engine);
              if (dict === null) return {};
              const tables = context.dicts[dict] ?? [];
              if (tables.includes(event.table)) return {};
              return { dicts: { ...context.dicts, [dict]: [...tables, event.table] } };
            }),
            {
              type: 'send',
              params: ({ context, event }) =>
                reply(event, 'ADDED', {
                  engine: event.engine,
                  dict: tablesDict(context, event.engine),
                  table: event.table,
                }),
            },
          ],
        },
        RENDER: {
          actions: {
            type: 'send',
            params: ({ context, event }) =>
              reply(event, 'TABLES', {
                engine: event.engine,
                dict: tablesDict(context, event.engine),
                tables: [...tablesOf(context, event.engine)],
              }),
          },
        },
      },
    },
  },
});
