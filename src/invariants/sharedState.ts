/**
 * Detectors for request state leaking between threads through shared process memory: a query
 * that joins another request's table, and the database error it leads to. Pure functions of
 * step records and worlds.
 */
import type { RequestContext } from '../actors/requestThread';
import type { Invariant, Message, World } from '../engine/types';

function text(message: Message, field: string): string {
  const value = message.payload[field];
  return typeof value === 'string' ? value : '';
}

function tables(message: Message): string[] {
  const value = message.payload.joins;
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

/** Returns table → the request that owns it, from the thread actors of `world`. Pure. */
function owners(world: World, threads: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const id of threads) {
    const context = world.actors[id]?.context as unknown as RequestContext | undefined;
    if (context) map.set(context.table, context.request);
  }
  return map;
}

/**
 * A request sends a query that joins a table belonging to another request (marked at the step
 * that renders and sends it). `threads` are the request actors' ids.
 */
export function queryJoinsForeignTable(threads: readonly string[]): Invariant {
  return {
    id: 'foreign-table-joined',
    title: "Query joins another request's table",
    onStep: ({ after, record }) => {
      const owner = owners(after, threads);
      for (const m of record.sent) {
        if (m.type !== 'QUERY' || !threads.includes(m.from)) continue;
        const mine = text(m, 'request');
        const foreign = tables(m).filter((t) => owner.has(t) && owner.get(t) !== mine);
        const first = foreign[0];
        if (first === undefined) continue;
        const list = foreign.map((t) => `"${t}" (request ${owner.get(t) ?? '?'})`).join(', ');
        return `request ${mine}'s query on "${text(m, 'table')}" LEFT JOINs ${list}: tables leaked between threads`;
      }
      return null;
    },
  };
}

/** The database rejects a query because a column is ambiguous (marked where it raises). */
export function ambiguousColumnRaised(db: string): Invariant {
  return {
    id: 'ambiguous-column',
    title: 'Database raised "column is ambiguous"',
    onStep: ({ record }) => {
      const error = record.sent.find((m) => m.from === db && m.type === 'ERROR');
      if (!error) return null;
      return `MySQL rejects request ${text(error, 'request')}: ${text(error, 'message')} in ${text(error, 'sql')}`;
    },
  };
}
