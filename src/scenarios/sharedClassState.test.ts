import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { findScenario, paramsOf } from './index';
import { describeStep } from './narrate';
import { sharedClassState as scenario } from './sharedClassState';

const modelOf = (fix: string, granularity: Granularity, threads = 2) =>
  scenario.build({ fix, granularity, params: paramsOf(scenario, { threads }) });

/** Pinned from the explorer and cross-checked by `bruteForce` below. */
const GOLDEN: [string, Granularity, number, number, number][] = [
  // fix, granularity, interleavings, violating (each invariant), states
  ['none', 'operations', 252, 104, 133],
  ['none', 'messages', 924, 360, 213],
  ['instance-attribute', 'operations', 252, 104, 133],
  ['instance-attribute', 'messages', 924, 360, 213],
  ['per-request-engine', 'operations', 252, 0, 133],
  ['per-request-engine', 'messages', 924, 0, 195],
];

/**
 * An independent count: Python's attribute semantics written out directly over every
 * interleaving of two threads (NEW_ENGINE, get_query, add, render, query[, reply]).
 */
function bruteForce(steps: number, local: boolean): { total: number; leaking: number } {
  let total = 0;
  let leaking = 0;
  const visit = (order: number[], left: [number, number]) => {
    if (left[0] === 0 && left[1] === 0) {
      total++;
      if (leaks(order, local)) leaking++;
      return;
    }
    for (const t of [0, 1] as const) {
      if (left[t] === 0) continue;
      const next: [number, number] = [left[0], left[1]];
      next[t]--;
      visit([...order, t], next);
    }
  };
  visit([], [steps, steps]);
  return { total, leaking };
}

function leaks(order: number[], local: boolean): boolean {
  let classEngine = 0;
  let nextId = 0;
  const engineDict = new Map<number, number>();
  const dicts = new Map<number, string[]>();
  const threads = [
    { pc: 0, self: 0, table: 'OAuth Token' },
    { pc: 0, self: 0, table: 'Pick List' },
  ];
  for (const t of order) {
    const th = threads[t] as (typeof threads)[number];
    const pc = th.pc++;
    if (pc === 0) {
      const engine = ++nextId;
      if (local) th.self = engine;
      else classEngine = engine;
    } else if (pc === 1) {
      if (!local) th.self = classEngine;
      const dict = ++nextId;
      dicts.set(dict, []);
      engineDict.set(th.self, dict);
    } else if (pc === 2) {
      dicts.get(engineDict.get(th.self) ?? -1)?.push(th.table);
    } else if (pc === 3) {
      const tables = dicts.get(engineDict.get(th.self) ?? -1) ?? [];
      if (tables.some((x) => x !== th.table)) return true;
    }
  }
  return false;
}

describe('shared-class-state', () => {
  it('is registered', () => {
    expect(findScenario('shared-class-state')).toBe(scenario);
    expect(scenario.fixes.map((f) => f.id)).toEqual([
      'none',
      'instance-attribute',
      'per-request-engine',
    ]);
  });

  it.each(GOLDEN)('%s / %s: %i interleavings, %i violating', (fix, g, total, bad, states) => {
    const result = explore(modelOf(fix, g));
    expect(result.complete).toBe(true);
    expect(result.interleavings).toBe(total);
    expect(result.violating).toEqual({ 'foreign-table-joined': bad, 'ambiguous-column': bad });
    expect(result.violatingAny).toBe(bad);
    expect(result.states).toBe(states);
    expect(result.shortest === null).toBe(bad === 0);
  });

  it('agrees with a brute-force enumeration of the Python semantics', () => {
    // operations: 5 steps per thread; messages: the database reply is a 6th.
    expect(bruteForce(5, false)).toEqual({ total: 252, leaking: 104 });
    expect(bruteForce(6, false)).toEqual({ total: 924, leaking: 360 });
    expect(bruteForce(5, true)).toEqual({ total: 252, leaking: 0 });
  });

  it("finds the incident's interleaving: OAuth Token LEFT JOIN Pick List, column is ambiguous", () => {
    const model = modelOf('none', 'operations');
    const result = explore(model);
    expect(result.shortestBy['foreign-table-joined']).toEqual([
      'thread-a->memory', // A: local.qb.engine = Engine()   → engine-1 on the class
      'thread-b->memory', // B: local.qb.engine = Engine()   → engine-2 replaces it
      'thread-a->memory', // A: get_query: self is engine-2, self.tables = {}
      'thread-a->memory', // A: adds OAuth Token
      'thread-b->memory', // B: get_query on the same engine-2: self.tables = {} again
      'thread-b->memory', // B: adds Pick List
      'thread-a->memory', // A: renders from engine-2.tables, which now holds Pick List
    ]);
    const ambiguous = result.shortestBy['ambiguous-column'] ?? [];
    const trace = replay(model, ambiguous);
    const messages = trace.violations.map((v) => `${v.invariant}@${v.step}: ${v.message}`);
    expect(messages).toEqual([
      `foreign-table-joined@6: request A's query on "OAuth Token" LEFT JOINs "Pick List" (request B): tables leaked between threads`,
      `ambiguous-column@7: MySQL rejects request A: column "name" is ambiguous in SELECT "scopes" FROM "OAuth Token" LEFT JOIN "Pick List" ON "Pick List"."parent" = "OAuth Token"."name" WHERE "name" = ? LIMIT 1`,
    ]);
  });

  it('shows the first "fix" failing on the very same schedule', () => {
    const schedule = explore(modelOf('none', 'messages')).shortest ?? [];
    expect(replay(modelOf('instance-attribute', 'messages'), schedule).violations).not.toEqual([]);
    const fixed = replay(modelOf('per-request-engine', 'messages'), schedule);
    expect(fixed.divergence).toBeNull();
    expect(fixed.violations).toEqual([]);
  });

  it('narrates each step as the line of Python it runs', () => {
    const model = modelOf('none', 'operations');
    const trace = replay(model, ['thread-a->memory']);
    const [record] = trace.records;
    const [before, after] = trace.worlds;
    if (!record || !before || !after) throw new Error('no step');
    expect(describeStep(scenario, model, record, before, after)).toBe(
      'Thread A (OAuth Token) runs local.qb.engine = Engine() — local.qb is the MySQLQueryBuilder class, so this sets a class attribute: engine-1 is now MySQLQueryBuilder.engine, the same for every thread',
    );
  });
});
