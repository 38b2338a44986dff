/**
 * The left-to-right order of the lifelines: the one that makes the messages of a model's run
 * travel the least horizontal distance (actors that talk a lot sit side by side), ties broken
 * towards the default order (processes left, servers right, model order). It is computed once
 * per model from the run the Step button takes, not from the trace on screen, so lanes never
 * move while a run is stepped, rewound or extended. Pure and deterministic.
 */
import type { Trace } from '../engine/replay';
import type { ActorSpec, Message, Model } from '../engine/types';

/**
 * The exact search up to this many actors; a greedy search beyond (as when the exact search
 * tried every order: the lanes of a model with more actors stay where they were).
 */
const EXACT = 8;
/** Steps of the run the traffic is counted on. */
const RUN_STEPS = 200;

/** Returns the default order: processes on the left, servers on the right, in model order. */
export function defaultOrder(actors: readonly ActorSpec[]): string[] {
  return [
    ...actors.filter((a) => a.role === 'process'),
    ...actors.filter((a) => a.role !== 'process'),
  ].map((a) => a.id);
}

/** Messages between each pair of actors, as `[i, j, count]` over indices of `ids` (counts >= 0). */
export type Traffic = readonly (readonly [number, number, number])[];

/**
 * Returns how many kinds of message (sender's machine, receiver's machine, type) pass between
 * each pair of `actors`, self messages aside. Kinds, not counts, and by machine, not by actor:
 * actors running the same machine (three readers) do the same kind of work, so a run that
 * happens to serve one of them first must not pull it closer than its peers.
 */
export function trafficOf(actors: readonly ActorSpec[], messages: Iterable<Message>): Traffic {
  const machines = new Map<unknown, number>();
  const classOf = new Map<string, number>();
  for (const a of actors) {
    if (!machines.has(a.machine)) machines.set(a.machine, machines.size);
    classOf.set(a.id, machines.get(a.machine) ?? 0);
  }
  const kinds = new Map<string, number>();
  for (const m of messages) {
    const from = classOf.get(m.from);
    const to = classOf.get(m.to);
    if (from === undefined || to === undefined || m.from === m.to) continue;
    const pair = `${Math.min(from, to)}|${Math.max(from, to)}`;
    const kind = `${from}>${to}>${m.type}`;
    if (!kinds.has(kind)) kinds.set(kind, 0);
    kinds.set(pair, (kinds.get(pair) ?? 0) + (kinds.get(kind) === 0 ? 1 : 0));
    kinds.set(kind, 1);
  }
  const traffic: [number, number, number][] = [];
  actors.forEach((a, i) => {
    actors.forEach((b, j) => {
      if (j <= i) return;
      const x = classOf.get(a.id) ?? 0;
      const y = classOf.get(b.id) ?? 0;
      const n = kinds.get(`${Math.min(x, y)}|${Math.max(x, y)}`) ?? 0;
      if (n > 0) traffic.push([i, j, n]);
    });
  });
  return traffic;
}

/** Returns the total column distance the traffic travels with actor i at column `pos[i]`. */
export function spread(traffic: Traffic, pos: ArrayLike<number>): number {
  let total = 0;
  for (const [a, b, n] of traffic) total += n * Math.abs((pos[a] ?? 0) - (pos[b] ?? 0));
  return total;
}

/**
 * Returns the column of each actor (by default index) in the best order: the least spread, then
 * the least shift from the default order (the sum of each actor's distance from its default
 * column), then the first such order when orders are read left to right as actor indices (what
 * trying every order in that sequence and keeping strictly better ones finds). Exact, by dynamic
 * programming over the sets of actors placed in the leftmost columns: an order's spread is the
 * sum, over the gaps between neighbouring columns, of the traffic crossing the gap, and the
 * traffic crossing the gap after the first k columns depends only on which k actors they hold.
 * O(2^n · n) steps once the crossing traffic of every set is known (O(2^n · n) too). Counts
 * are non-negative integers; a pair outside `0 … n-1`, or of an actor with itself, adds nothing.
 */
function exact(n: number, traffic: Traffic): number[] {
  const sets = 1 << n;
  const full = sets - 1;
  // weight[i * n + j]: the traffic between actors i and j.
  const weight = new Array<number>(n * n).fill(0);
  for (const [a, b, count] of traffic) {
    if (a === b || !(a >= 0 && a < n && b >= 0 && b < n)) continue;
    weight[a * n + b] = (weight[a * n + b] ?? 0) + count;
    weight[b * n + a] = (weight[b * n + a] ?? 0) + count;
  }
  // crossing[S]: the traffic between the actors in S and the others. Adding actor i to S adds
  // its traffic to those outside S and takes away its traffic to those inside.
  const crossing = new Array<number>(sets).fill(0);
  for (let set = 1; set < sets; set++) {
    const i = 31 - Math.clz32(set);
    const rest = set & ~(1 << i);
    let change = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const w = weight[i * n + j] ?? 0;
      change += rest & (1 << j) ? -w : w;
    }
    crossing[set] = (crossing[rest] ?? 0) + change;
  }
  // cost[S], shift[S]: the least (spread, then shift) of filling the columns right of the
  // actors in S (columns |S| … n-1) with the others.
  const cost = new Array<number>(sets).fill(Infinity);
  const shift = new Array<number>(sets).fill(Infinity);
  const size = new Array<number>(sets).fill(0);
  for (let set = 1; set < sets; set++) size[set] = (size[set & (set - 1)] ?? 0) + 1;
  cost[full] = 0;
  shift[full] = 0;
  for (let set = full - 1; set >= 0; set--) {
    const column = size[set] ?? 0;
    let bestCost = Infinity;
    let bestShift = Infinity;
    for (let i = 0; i < n; i++) {
      if (set & (1 << i)) continue;
      const next = set | (1 << i);
      const c = (crossing[next] ?? 0) + (cost[next] ?? 0);
      const s = Math.abs(column - i) + (shift[next] ?? 0);
      if (c < bestCost || (c === bestCost && s < bestShift)) [bestCost, bestShift] = [c, s];
    }
    cost[set] = bestCost;
    shift[set] = bestShift;
  }
  // The first order that reaches the least: the lowest actor at each column that can.
  const pos = new Array<number>(n).fill(-1);
  for (let set = 0, column = 0; column < n; column++) {
    for (let i = 0; i < n; i++) {
      if (set & (1 << i)) continue;
      const next = set | (1 << i);
      const c = (crossing[next] ?? 0) + (cost[next] ?? 0);
      const s = Math.abs(column - i) + (shift[next] ?? 0);
      if (c === cost[set] && s === shift[set]) {
        pos[i] = column;
        set = next;
        break;
      }
    }
  }
  return pos;
}

/** Returns the column of each actor in a good order: repeated best single moves. */
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

/**
 * Returns the actor ids in the order that minimises the column distance `traffic` travels
 * (`ids` in default order; ties go to the order nearest it). Pure.
 */
export function bestOrder(ids: readonly string[], traffic: Traffic): string[] {
  if (traffic.length === 0) return [...ids];
  const pos = ids.length <= EXACT ? exact(ids.length, traffic) : greedy(ids.length, traffic);
  const order = new Array<string>(ids.length);
  ids.forEach((id, i) => (order[pos[i] ?? i] = id));
  return order;
}

/**
 * Computes a model's run from the start the way the Step button takes it (the engine's
 * `completeRun`). The module that holds the engine sets it (`store/live.ts`), so the page's
 * first diagram, whose order is known in advance (`rememberOrder`), is drawn without it.
 */
export type StartRun = (model: Model, maxSteps: number) => Trace;
let startRun: StartRun | null = null;

/** Sets how a model's run from the start is computed (see `StartRun`). */
export function setStartRun(run: StartRun): void {
  startRun = run;
}

/** Returns every message sent in a trace's run, the initial ones included. */
function* messagesOf(trace: Trace): Generator<Message> {
  for (const queue of Object.values(trace.worlds[0]?.channels ?? {})) yield* queue;
  for (const record of trace.records) yield* record.sent;
}

const orders = new WeakMap<Model, readonly string[]>();

/** Records the lifeline order of `model`, computed in advance from the same run. */
export function rememberOrder(model: Model, order: readonly string[]): void {
  orders.set(model, order);
}

/**
 * Returns the lifeline order of `model` (actor ids, left to right), from the traffic of the
 * run the Step button takes from the start. A model whose machines cannot run keeps the
 * default order. Cached per model.
 */
export function lifelineOrder(model: Model): readonly string[] {
  const known = orders.get(model);
  if (known) return known;
  const byId = new Map(model.actors.map((a) => [a.id, a]));
  const ids = defaultOrder(model.actors);
  const actors = ids.flatMap((id) => byId.get(id) ?? []);
  // Without the engine at hand, the default order for now (not kept: it is not the answer).
  if (!startRun) return ids;
  let order = ids;
  try {
    order = bestOrder(ids, trafficOf(actors, messagesOf(startRun(model, RUN_STEPS))));
  } catch {
    // A hand-made model (e.g. in a test) whose machines do not run: the default order.
  }
  orders.set(model, order);
  return order;
}

/**
 * Returns one lifeline order for diagrams of `models` drawn side by side (the compare view):
 * every actor any of them has, placed by the traffic of all their runs together, so the actors
 * they share sit in the same columns. A single model gets its own order. Pure.
 */
export function sharedLifelineOrder(models: readonly Model[]): readonly string[] {
  const [only] = models;
  if (models.length === 1 && only) return lifelineOrder(only);
  const union = new Map<string, ActorSpec>();
  for (const model of models)
    for (const a of model.actors) if (!union.has(a.id)) union.set(a.id, a);
  const ids = defaultOrder([...union.values()]);
  const column = new Map(ids.map((id, i) => [id, i]));
  const traffic: [number, number, number][] = [];
  for (const model of models) {
    const own = defaultOrder(model.actors);
    const byId = new Map(model.actors.map((a) => [a.id, a]));
    try {
      if (!startRun) continue;
      const run = startRun(model, RUN_STEPS);
      const actors = own.flatMap((id) => byId.get(id) ?? []);
      for (const [i, j, n] of trafficOf(actors, messagesOf(run)))
        traffic.push([column.get(own[i] ?? '') ?? 0, column.get(own[j] ?? '') ?? 0, n]);
    } catch {
      // A model whose machines do not run adds no traffic.
    }
  }
  return bestOrder(ids, traffic);
}
