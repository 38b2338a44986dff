/**
 * Finding the race early: a breadth-first search over the integer core's state vectors that
 * stops at the first depth where harm is reached and returns the shortest harmful run — the same
 * run the exhaustive explorer reports as `shortestHarm`, picked by the same rule (from the start,
 * the first enabled step that keeps to a shortest harmful run), with real actor names. Exhausting
 * every world without harm proves that no interleaving causes it. Untimed models with at most
 * drop and inject faults only (those the integer core runs). Pure given the model.
 */
import { applyStep } from './apply';
import { hidingFinished, onIntegerCore, type Core } from './coreParts';
import { keepShapes } from './coreSearch';
import { Stop } from './exploreResult';
import { checkStep, violationMask } from './invariants';
import type { Stepper } from './machines';
import { enabledSteps } from './steps';
import type { Model, Step, World } from './types';
import { copyOf } from './vectorStep';
import { createWorld } from './world';

export interface FindOptions {
  /** Invariant ids that make up the harm. */
  readonly harm: readonly string[];
  readonly stepper?: Stepper;
  /** State budget: the search stops (with `stopped: 'states'`) when it would store more. */
  readonly maxStates?: number;
  /** Called every few hundred transitions; returning true stops with `cancelled`. */
  readonly shouldStop?: () => boolean;
  /** `all` (the default): one world per renaming of interchangeable actors; `key`: none. */
  readonly reduce?: 'all' | 'key';
}

export interface FindResult {
  /** `harm`: the shortest harmful run is `shortestHarm`; `none`: no interleaving causes harm. */
  readonly found: 'harm' | 'none' | null;
  /** Why the search stopped before it knew (then `found` is null). */
  readonly stopped: 'states' | 'cancelled' | null;
  /** The shortest schedule reaching harm (ending at the harmful step), as `explore` gives it. */
  readonly shortestHarm: readonly string[] | null;
  /** Distinct worlds stored, and steps applied. */
  readonly states: number;
  readonly transitions: number;
}

/**
 * Runs `search` on the parts of a search of `model` (the early searches key worlds as the
 * exhaustive search does, finished actors included), or returns the answer without harm.
 */
function onCore(
  model: Model,
  options: FindOptions,
  search: (core: Core, result: Result) => FindResult,
): FindResult {
  if (!onIntegerCore(model)) throw new Error('the early search runs on the integer core only');
  keepShapes();
  return hidingFinished(model, options, (core) => {
    let transitions = 0;
    const result: Result = (found, stopped, shortestHarm) => ({
      found,
      stopped,
      shortestHarm,
      states: core.table.size,
      transitions,
    });
    result.step = () => {
      if (++transitions % 256 === 0 && options.shouldStop?.()) throw new Stop('cancelled');
    };
    if (core.harmMask === 0) return result('none', null, null);
    try {
      return search(core, result);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      return result(null, error.why, null);
    }
  });
}

/** Makes a search's result from its answer; `step` counts a transition (and may stop). */
interface Result {
  (
    found: FindResult['found'],
    stopped: FindResult['stopped'],
    shortestHarm: readonly string[] | null,
  ): FindResult;
  step: () => void;
}

/** A growable list of int32 pairs (edges between consecutive depths). */
class Pairs {
  data = new Int32Array(1 << 12);
  length = 0;
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
}

/** A world waiting to be expanded: its number and raw vector. */
interface Open {
  readonly index: number;
  readonly raw: Int32Array;
}

/**
 * Returns the shortest harmful run of `model` (untimed; drop and inject faults at most), found
 * breadth-first, or proof that there is none, or why the search stopped first. Pure.
 */
export function findHarm(model: Model, options: FindOptions): FindResult {
  const maxStates = options.maxStates ?? 2_000_000;
  return onCore(model, options, (core, result) => {
    const { keyer, table, vectors, enabled, checks, harmMask } = core;
    /** Where each depth's worlds start among the stored numbers (worlds are stored by depth). */
    const depthStart: number[] = [0];
    /** Steps from a world at one depth to one at the next. */
    const edges = new Pairs();
    /** Worlds one step (or, when finished, no step) short of harm at the harmful depth. */
    const targets: number[] = [];
    const harmedAtEnd = (raw: Int32Array, depth: number): boolean =>
      enabled.of(raw).length === 0 && (checks.end(raw, depth - 1) & harmMask) !== 0;
    const initial = createWorld(model, core.stepper);
    const initialRaw = keyer.raw(initial);
    const root = table.add(keyer.vector, keyer.canon(initialRaw));
    let level: Open[] = [{ index: root, raw: initialRaw }];
    let depth = 0;
    if (harmedAtEnd(initialRaw, 0)) targets.push(root);
    while (targets.length === 0 && level.length > 0) {
      const next: Open[] = [];
      depthStart.push(table.size);
      const first = table.size;
      for (const open of level) {
        for (const step of enabled.of(open.raw)) {
          result.step();
          const record = vectors.into(open.raw, step, depth);
          if (checks.step(open.raw, vectors.scratch, record) & harmMask) {
            if (targets[targets.length - 1] !== open.index) targets.push(open.index);
            continue;
          }
          const length = keyer.canon(vectors.scratch);
          let c = table.find(keyer.vector, length);
          if (c < 0) {
            if (table.size >= maxStates) throw new Stop('states');
            c = table.add(keyer.vector, length);
            const raw = copyOf(vectors.scratch, vectors.length);
            next.push({ index: c, raw });
            if (harmedAtEnd(raw, depth + 1)) targets.push(c);
          }
          if (c >= first) edges.push(open.index, c);
        }
      }
      level = next;
      depth++;
    }
    if (targets.length === 0) return result('none', null, null);
    return result('harm', null, walk(depth));

    /**
     * The run to harm in `length` steps: from the start, at each world the first enabled step
     * (in `enabledSteps` order) after which harm is still `length` steps from the start.
     */
    function walk(length: number): string[] {
      const good = new Uint8Array(table.size);
      for (const t of targets) good[t] = 1;
      for (let e = edges.length - 2; e >= 0; e -= 2) {
        if (good[edges.data[e + 1]!]) good[edges.data[e]!] = 1;
      }
      const depthOf = (c: number): number => {
        let d = depthStart.length - 1;
        while (depthStart[d]! > c) d--;
        return d;
      };
      const keys: string[] = [];
      let world = initial;
      while (keys.length < length) {
        let chosen: World | null = null;
        for (const step of enabledSteps(model, world)) {
          const { world: after, record } = applyStep(model, world, step, core.stepper, keys.length);
          const mask = violationMask(model, checkStep(model, world, after, record));
          let on: boolean;
          if (mask & harmMask) on = keys.length + 1 === length;
          else {
            const size = keyer.key(after);
            const c = table.find(keyer.vector, size);
            on = c >= 0 && good[c] === 1 && depthOf(c) === keys.length + 1;
          }
          if (!on) continue;
          keys.push(step.key);
          chosen = after;
          break;
        }
        if (!chosen) throw new Error('the shortest harmful run was lost on the way back');
        world = chosen;
      }
      return keys;
    }
  });
}

/** A world on the witness search's path: its vector, steps and the next to take. */
interface Frame {
  readonly raw: Int32Array;
  readonly steps: readonly Step[];
  next: number;
}

/**
 * Returns a harmful run of `model` found depth-first (steps in `enabledSteps` order, each world
 * expanded once): quick to find, not always the shortest. `found: 'none'` when every world was
 * searched without harm. Same models and options as `findHarm`. Pure.
 */
export function findAnyHarm(model: Model, options: FindOptions): FindResult {
  const maxStates = options.maxStates ?? 2_000_000;
  return onCore(model, options, (core, result) => {
    const { keyer, table, vectors, enabled, checks, harmMask } = core;
    const path = (stack: readonly Frame[]): string[] => stack.map((f) => f.steps[f.next - 1]!.key);
    const raw = keyer.raw(createWorld(model, core.stepper));
    table.add(keyer.vector, keyer.canon(raw));
    const steps = enabled.of(raw);
    if (steps.length === 0 && checks.end(raw, -1) & harmMask) return result('harm', null, []);
    const stack: Frame[] = [{ raw, steps, next: 0 }];
    while (stack.length > 0) {
      const f = stack[stack.length - 1]!;
      if (f.next >= f.steps.length) {
        stack.pop();
        continue;
      }
      const step = f.steps[f.next++]!;
      result.step();
      const record = vectors.into(f.raw, step, stack.length - 1);
      if (checks.step(f.raw, vectors.scratch, record) & harmMask) {
        return result('harm', null, path(stack));
      }
      const length = keyer.canon(vectors.scratch);
      if (table.find(keyer.vector, length) >= 0) continue;
      if (table.size >= maxStates) throw new Stop('states');
      table.add(keyer.vector, length);
      const after = copyOf(vectors.scratch, vectors.length);
      const afterSteps = enabled.of(after);
      if (afterSteps.length > 0) stack.push({ raw: after, steps: afterSteps, next: 0 });
      else if (checks.end(after, stack.length - 1) & harmMask) {
        return result('harm', null, path(stack));
      }
    }
    return result('none', null, null);
  });
}
