/**
 * Exhaustive exploration: depth-first over every interleaving, with identical worlds
 * de-duplicated. Counts complete interleavings and, per invariant, how many violate it, and
 * finds the shortest schedule that reaches a violation. Pure given the model; the caller may
 * pass `shouldStop` (checked periodically) to bound time or cancel.
 */
import { applyStep } from './apply';
import { checkEnd, checkStep, violationMask } from './invariants';
import { createStepper, type Stepper } from './machines';
import { enabledSteps } from './steps';
import type { Model, World } from './types';
import { createWorld } from './world';
import { createInterner, worldKey } from './worldKey';

export interface ExploreOptions {
  readonly maxStates?: number;
  readonly stepper?: Stepper;
  /** Called every few hundred transitions; returning true stops with `incomplete`. */
  readonly shouldStop?: () => boolean;
  /**
   * Invariant ids that make up the harm: interleavings violating any of them are counted in
   * `violatingHarm`, and the shortest one is `shortestHarm`. None when absent.
   */
  readonly harm?: readonly string[];
}

export interface ExploreResult {
  readonly complete: boolean;
  /** Why exploration stopped early. */
  readonly stopped: 'states' | 'cancelled' | null;
  /** Distinct complete interleavings (maximal schedules). Null when incomplete. */
  readonly interleavings: number | null;
  /** Per invariant id: how many complete interleavings violate it. */
  readonly violating: Readonly<Record<string, number>> | null;
  /** Complete interleavings violating at least one invariant. */
  readonly violatingAny: number | null;
  /** Complete interleavings violating at least one of the `harm` invariants. */
  readonly violatingHarm: number | null;
  /** Distinct worlds visited. */
  readonly states: number;
  /** Steps applied during the search. */
  readonly transitions: number;
  /** Shortest schedule that reaches a violation (ending at the violating step), or null. */
  readonly shortest: readonly string[] | null;
  /** Per invariant id: the shortest schedule reaching that invariant's violation. */
  readonly shortestBy: Readonly<Record<string, readonly string[]>>;
  /** Shortest schedule reaching a violation of a `harm` invariant, or null. */
  readonly shortestHarm: readonly string[] | null;
}

interface Summary {
  paths: number;
  /** Suffix paths that violate each invariant. */
  violating: number[];
  violatingAny: number;
  violatingHarm: number;
  /** Per invariant, then any, then harm: fewest steps to a violation from here, and the first step to take. */
  shortest: number[];
  first: (string | null)[];
}

class Stop extends Error {
  constructor(readonly why: 'states' | 'cancelled') {
    super(why);
  }
}

/** Returns the exhaustive exploration of `model`'s interleavings. Pure given the model. */
export function explore(model: Model, options: ExploreOptions = {}): ExploreResult {
  const stepper = options.stepper ?? createStepper();
  const maxStates = options.maxStates ?? 2_000_000;
  const n = model.invariants.length;
  const harmIds = new Set(options.harm ?? []);
  const harmMask = model.invariants.reduce(
    (m, inv, i) => (harmIds.has(inv.id) ? m | (1 << i) : m),
    0,
  );
  /** Whether slot i (an invariant, then any, then harm) is hit by `mask`. */
  const hits = (i: number, mask: number): boolean =>
    i < n ? (mask & (1 << i)) !== 0 : i === n ? mask !== 0 : (mask & harmMask) !== 0;
  const memo = new Map<string, Summary>();
  const interner = createInterner();
  let transitions = 0;

  const visit = (world: World, hash: string, depth: number): Summary => {
    const known = memo.get(hash);
    if (known) return known;
    if (memo.size >= maxStates) throw new Stop('states');
    const steps = enabledSteps(model, world);
    const summary: Summary = {
      paths: 0,
      violating: new Array<number>(n).fill(0),
      violatingAny: 0,
      violatingHarm: 0,
      shortest: new Array<number>(n + 2).fill(Infinity),
      first: new Array<string | null>(n + 2).fill(null),
    };
    if (steps.length === 0) {
      const mask = violationMask(model, checkEnd(model, world, depth - 1));
      summary.paths = 1;
      for (let i = 0; i <= n + 1; i++) {
        if (!hits(i, mask)) continue;
        summary.shortest[i] = 0;
        if (i < n) summary.violating[i] = 1;
        else if (i === n) summary.violatingAny = 1;
        else summary.violatingHarm = 1;
      }
      memo.set(hash, summary);
      return summary;
    }
    for (const step of steps) {
      if (++transitions % 256 === 0 && options.shouldStop?.()) throw new Stop('cancelled');
      const { world: after, record } = applyStep(model, world, step, stepper, depth);
      const mask = violationMask(model, checkStep(model, world, after, record));
      const afterHash = worldKey(after, interner);
      const sub = visit(after, afterHash, depth + 1);
      summary.paths += sub.paths;
      summary.violatingAny += mask ? sub.paths : sub.violatingAny;
      summary.violatingHarm += mask & harmMask ? sub.paths : sub.violatingHarm;
      for (let i = 0; i <= n + 1; i++) {
        const hit = hits(i, mask);
        if (i < n)
          summary.violating[i] =
            (summary.violating[i] ?? 0) + (hit ? sub.paths : (sub.violating[i] ?? 0));
        const length = hit ? 1 : 1 + (sub.shortest[i] ?? Infinity);
        if (length < (summary.shortest[i] ?? Infinity)) {
          summary.shortest[i] = length;
          summary.first[i] = step.key;
        }
      }
    }
    memo.set(hash, summary);
    return summary;
  };

  const initial = createWorld(model, stepper);
  const rootHash = worldKey(initial, interner);
  try {
    const root = visit(initial, rootHash, 0);
    const path = (i: number): string[] | null => {
      if (root.shortest[i] === Infinity) return null;
      // Walk the recorded first steps again from the root; re-applying them is cheaper than
      // keeping every edge of the search.
      const keys: string[] = [];
      let world = initial;
      let hash = rootHash;
      for (let left = root.shortest[i] ?? 0; left > 0; left--) {
        const key = memo.get(hash)?.first[i];
        const step = enabledSteps(model, world).find((s) => s.key === key);
        if (!key || !step) break;
        keys.push(key);
        world = applyStep(model, world, step, stepper, keys.length - 1).world;
        hash = worldKey(world, interner);
      }
      return keys;
    };
    const shortestBy: Record<string, readonly string[]> = {};
    const violating: Record<string, number> = {};
    model.invariants.forEach((inv, i) => {
      violating[inv.id] = root.violating[i] ?? 0;
      const keys = path(i);
      if (keys) shortestBy[inv.id] = keys;
    });
    return {
      complete: true,
      stopped: null,
      interleavings: root.paths,
      violating,
      violatingAny: root.violatingAny,
      violatingHarm: root.violatingHarm,
      states: memo.size,
      transitions,
      shortest: path(n),
      shortestBy,
      shortestHarm: path(n + 1),
    };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return {
      complete: false,
      stopped: error.why,
      interleavings: null,
      violating: null,
      violatingAny: null,
      violatingHarm: null,
      states: memo.size,
      transitions,
      shortest: null,
      shortestBy: {},
      shortestHarm: null,
    };
  }
}
