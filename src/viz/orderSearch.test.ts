import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeRun } from '../engine/complete';
import { sharedStepper } from '../engine/machines';
import type { Trace } from '../engine/replay';
import type { Message, Model } from '../engine/types';
import { paramsOf, SCENARIOS } from '../scenarios/index';
import {
  bestOrder,
  defaultOrder,
  lifelineOrder,
  sharedLifelineOrder,
  spread,
  trafficOf,
  type Traffic,
} from './order';

// The search the lifeline order had before its exact dynamic programme, kept as the reference:
// every order tried depth-first (columns filled left to right, actors in index order), the
// least spread kept, then the least shift from the default order, the first found on ties.
function exhaustive(n: number, traffic: Traffic): number[] {
  const links: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [a, b, count] of traffic) {
    links[a]?.push([b, count]);
    links[b]?.push([a, count]);
  }
  const pos = new Array<number>(n).fill(-1);
  let best: number[] = Array.from({ length: n }, (_, i) => i);
  let bestCost = spread(traffic, best);
  let bestShift = 0;
  const visit = (column: number, cost: number, shift: number): void => {
    if (cost > bestCost) return;
    if (column === n) {
      if (cost < bestCost || shift < bestShift)
        [best, bestCost, bestShift] = [[...pos], cost, shift];
      return;
    }
    for (let i = 0; i < n; i++) {
      if (pos[i] !== -1) continue;
      let added = 0;
      for (const [j, count] of links[i] ?? []) {
        const at = pos[j] ?? -1;
        if (at >= 0) added += count * (column - at);
      }
      pos[i] = column;
      visit(column + 1, cost + added, shift + Math.abs(column - i));
      pos[i] = -1;
    }
  };
  visit(0, 0, 0);
  return best;
}

// The greedy search beyond 8 actors, as it was (unchanged: the reference for 9 and 10).
function greedy(n: number, traffic: Traffic): number[] {
  let order = Array.from({ length: n }, (_, i) => i);
  const posOf = (o: readonly number[]): number[] => {
    const pos = new Array<number>(n);
    o.forEach((actor, column) => (pos[actor] = column));
    return pos;
  };
  let cost = spread(traffic, posOf(order));
  for (let improved = true; improved;) {
    improved = false;
    for (let from = 0; from < n; from++) {
      for (let to = 0; to < n; to++) {
        if (from === to) continue;
        const next = [...order];
        const [actor] = next.splice(from, 1);
        next.splice(to, 0, actor ?? 0);
        const c = spread(traffic, posOf(next));
        if (c < cost) [order, cost, improved] = [next, c, true];
      }
    }
  }
  return posOf(order);
}

/** `bestOrder` as it was: the exhaustive search up to 8 actors, the greedy one beyond. */
function referenceOrder(ids: readonly string[], traffic: Traffic): string[] {
  if (traffic.length === 0) return [...ids];
  const pos = ids.length <= 8 ? exhaustive(ids.length, traffic) : greedy(ids.length, traffic);
  const order = new Array<string>(ids.length);
  ids.forEach((id, i) => (order[pos[i] ?? i] = id));
  return order;
}

const idsOf = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);

/** Traffic between `n` actors: pairs (an actor with itself too, a pair twice) with `counts`. */
const trafficFor = (n: number, counts: fc.Arbitrary<number>, maxLength = 24) =>
  fc.array(
    fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), counts),
    { maxLength },
  );

/** `n` actors and their traffic. */
const graph = (min: number, max: number, counts: fc.Arbitrary<number>) =>
  fc.integer({ min, max }).chain((n) => fc.tuple(fc.constant(n), trafficFor(n, counts)));

describe('lifeline order search', () => {
  it('finds the order the exhaustive search found, on random traffic up to 8 actors', () => {
    fc.assert(
      fc.property(graph(1, 8, fc.integer({ min: 0, max: 4 })), ([n, traffic]) => {
        expect(bestOrder(idsOf(n), traffic)).toEqual(referenceOrder(idsOf(n), traffic));
      }),
      { numRuns: 400 },
    );
  });

  it('breaks ties as the exhaustive search did (equal counts, few pairs, symmetric graphs)', () => {
    // Every count 1: many orders share the least spread, and often the least shift too.
    fc.assert(
      fc.property(graph(2, 8, fc.constant(1)), ([n, traffic]) => {
        expect(bestOrder(idsOf(n), traffic)).toEqual(referenceOrder(idsOf(n), traffic));
      }),
      { numRuns: 300 },
    );
    // Disjoint pairs, stars and cycles with equal counts: orders that mirror each other tie.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom('pairs', 'star', 'cycle', 'clique'),
        fc.integer({ min: 1, max: 3 }),
        (n, shape, count) => {
          const traffic: [number, number, number][] = [];
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++) {
              const on =
                shape === 'clique' ||
                (shape === 'pairs' && j === i + 1 && i % 2 === 0) ||
                (shape === 'star' && i === 0) ||
                (shape === 'cycle' && (j === i + 1 || (i === 0 && j === n - 1)));
              if (on) traffic.push([i, j, count]);
            }
          expect(bestOrder(idsOf(n), traffic)).toEqual(referenceOrder(idsOf(n), traffic));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps the greedy search’s order beyond 8 actors', () => {
    fc.assert(
      fc.property(graph(9, 10, fc.integer({ min: 0, max: 3 })), ([n, traffic]) => {
        expect(bestOrder(idsOf(n), traffic)).toEqual(referenceOrder(idsOf(n), traffic));
      }),
      { numRuns: 60 },
    );
  });

  /** Every message sent in a run, the initial ones included (as the order counts them). */
  const messagesOf = (trace: Trace): Message[] => [
    ...Object.values(trace.worlds[0]?.channels ?? {}).flat(),
    ...trace.records.flatMap((r) => r.sent),
  ];
  /** The Step button's run from the start, as the order takes it (200 steps at most). */
  const runOf = (model: Model) => completeRun(model, [], 200, sharedStepper());

  const configs = SCENARIOS.flatMap((scenario) =>
    (['operations', 'messages'] as const).map((granularity) => ({
      scenario,
      granularity,
      models: scenario.fixes.map((fix) =>
        scenario.build({ fix: fix.id, granularity, params: paramsOf(scenario) }),
      ),
    })),
  );

  it.each(configs.map((c) => [c.scenario.id, c.granularity, c] as const))(
    'gives every configuration of %s (%s) the order it had',
    (_, __, { models }) => {
      for (const model of models) {
        const ids = defaultOrder(model.actors);
        const byId = new Map(model.actors.map((a) => [a.id, a]));
        const actors = ids.flatMap((id) => byId.get(id) ?? []);
        const traffic = trafficOf(actors, messagesOf(runOf(model)));
        expect(traffic.length).toBeGreaterThan(0);
        expect(lifelineOrder(model)).toEqual(referenceOrder(ids, traffic));
      }
      // The compare view: every two configurations side by side, in one shared order.
      for (const left of models)
        for (const right of models) {
          if (left === right) continue;
          const pair = [right, left];
          const union = new Map<string, Model['actors'][number]>();
          for (const a of pair.flatMap((m) => m.actors)) if (!union.has(a.id)) union.set(a.id, a);
          const ids = defaultOrder([...union.values()]);
          const column = new Map(ids.map((id, i) => [id, i]));
          const traffic = pair.flatMap((model) => {
            const own = defaultOrder(model.actors);
            const byId = new Map(model.actors.map((a) => [a.id, a]));
            const actors = own.flatMap((id) => byId.get(id) ?? []);
            return trafficOf(actors, messagesOf(runOf(model))).map(
              ([i, j, n]) =>
                [column.get(own[i] ?? '') ?? 0, column.get(own[j] ?? '') ?? 0, n] as const,
            );
          });
          expect(sharedLifelineOrder(pair)).toEqual(referenceOrder(ids, traffic));
        }
    },
  );
});
