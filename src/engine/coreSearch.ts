/**
 * The integer search core: an iterative depth-first search (an explicit stack, no recursion
 * limit) over every interleaving of an untimed model, worlds identified by integer vectors in an
 * open-addressing table and summarised in typed arrays. Gives exactly the reference explorer's
 * answers: exact interleaving and violating counts, shortest runs, harm probability.
 */
import { addCount, type Count } from './count';
import { Stop, stoppedResult, type ExploreOptions, type ExploreResult } from './exploreResult';
import { createCore, hidingFinished } from './coreParts';
import { slotHits } from './invariants';
import type { Model, Step, World } from './types';
import { createWorld } from './world';
import { copyOf } from './vectorStep';
import { answersOf, type Summaries } from './coreAnswers';
import { CountColumn, NumberColumn } from './summaries';

/** A world being expanded: its steps, the next to take, and what its successors add up to. */
interface Frame {
  /** Its raw vector (the real actors, before any renaming). */
  readonly raw: Int32Array;
  readonly depth: number;
  /** Its number in the table (stored when opened; its summaries when closed). */
  readonly index: number;
  readonly steps: readonly Step[];
  next: number;
  /** Violation mask of the step into the successor being expanded. */
  mask: number;
  paths: Count;
  any: Count;
  harm: Count;
  chance: number;
  readonly violating: Count[];
  readonly shortest: number[];
}

export { onIntegerCore } from './coreParts';

/**
 * Returns the exhaustive exploration of an untimed `model`. Pure given the model. With every
 * reduction on, the key leaves out the local state of finished actors (`coreParts.ts`).
 */
export function exploreCore(model: Model, options: ExploreOptions = {}): ExploreResult {
  if (model.timing) throw new Error('the integer core explores untimed models only');
  return hidingFinished(model, options.reduce, (hideDone) => search(model, options, hideDone));
}

function search(
  model: Model,
  options: ExploreOptions,
  hideDone: readonly boolean[],
): ExploreResult {
  const core = createCore(model, options, hideDone);
  const { stepper, classes, interner, keyer, table, harmMask, enabled, checks } = core;
  const vectorStepper = core.vectors;
  const maxStates = options.maxStates ?? 2_000_000;
  const n = model.invariants.length;
  const width = n + 2;
  const hits = slotHits(n, harmMask);
  const sums: Summaries = {
    paths: new CountColumn(1),
    any: new CountColumn(1),
    harm: new CountColumn(1),
    violating: new CountColumn(n),
    chance: new NumberColumn(1),
    shortest: new NumberColumn(width),
  };
  let transitions = 0;
  const approxBytes = (): number =>
    table.bytes() +
    interner.chars * 2 +
    (interner.texts.length + interner.seqs.length) * 64 +
    sums.paths.bytes() * 3 +
    sums.violating.bytes() +
    sums.chance.bytes() +
    sums.shortest.bytes();
  /** The number of the stored world equal to `world` (up to renaming), or -1. */
  const find = (world: World): number => {
    const length = keyer.key(world);
    return table.find(keyer.vector, length);
  };

  const stack: Frame[] = [];
  /**
   * Worlds stored and closed: a world is stored when opened (every step moves the clock or uses
   * up a fault, so the search never meets a world still open).
   */
  const stored = (): number => table.size - stack.length;
  const open = (raw: Int32Array, depth: number, length: number): void => {
    if (stored() >= maxStates) throw new Stop('states');
    const steps = enabled(raw);
    const frame: Frame = {
      raw,
      depth,
      index: table.add(keyer.vector, length),
      steps,
      next: 0,
      mask: 0,
      paths: 0,
      any: 0,
      harm: 0,
      chance: 0,
      violating: new Array<Count>(n).fill(0),
      shortest: new Array<number>(width).fill(Infinity),
    };
    if (steps.length === 0) {
      const mask = checks.end(raw, depth - 1);
      frame.paths = 1;
      for (let i = 0; i < width; i++) if (hits(i, mask)) frame.shortest[i] = 0;
      for (let i = 0; i < n; i++) if (hits(i, mask)) frame.violating[i] = 1;
      frame.any = mask ? 1 : 0;
      frame.harm = mask & harmMask ? 1 : 0;
      frame.chance = frame.harm;
    }
    stack.push(frame);
  };
  /** Adds successor `c`, reached by a step with violation `mask`, to `f`. */
  const add = (f: Frame, c: number, mask: number): void => {
    const sub = sums.paths.get(c);
    f.paths = addCount(f.paths, sub);
    f.any = addCount(f.any, mask ? sub : sums.any.get(c));
    f.harm = addCount(f.harm, mask & harmMask ? sub : sums.harm.get(c));
    f.chance += mask & harmMask ? 1 : sums.chance.get(c);
    for (let i = 0; i < n; i++) {
      f.violating[i] = addCount(f.violating[i]!, hits(i, mask) ? sub : sums.violating.get(c, i));
    }
    for (let i = 0; i < width; i++) {
      const length = hits(i, mask) ? 1 : 1 + sums.shortest.get(c, i);
      if (length < f.shortest[i]!) f.shortest[i] = length;
    }
  };
  /** Stores a fully expanded world's summaries and returns its number. */
  const close = (f: Frame): number => {
    const index = f.index;
    sums.paths.set(index, 0, f.paths);
    sums.any.set(index, 0, f.any);
    sums.harm.set(index, 0, f.harm);
    sums.chance.set(index, 0, f.steps.length > 0 ? f.chance / f.steps.length : f.chance);
    for (let i = 0; i < n; i++) sums.violating.set(index, i, f.violating[i]!);
    for (let i = 0; i < width; i++) sums.shortest.set(index, i, f.shortest[i]!);
    return index;
  };

  const initial = createWorld(model, stepper);
  try {
    const initialRaw = keyer.raw(initial);
    open(initialRaw, 0, keyer.canon(initialRaw));
    let root = -1;
    while (stack.length > 0) {
      const f = stack[stack.length - 1]!;
      if (f.next < f.steps.length) {
        const step = f.steps[f.next++]!;
        if (++transitions % 256 === 0 && options.shouldStop?.()) throw new Stop('cancelled');
        const record = vectorStepper.into(f.raw, step, f.depth);
        const after = vectorStepper.scratch;
        const mask = checks.step(f.raw, after, record);
        const length = keyer.canon(after);
        const c = table.find(keyer.vector, length);
        if (c >= 0) add(f, c, mask);
        else {
          f.mask = mask;
          open(copyOf(after, vectorStepper.length), f.depth + 1, length);
        }
        continue;
      }
      stack.pop();
      const index = close(f);
      const parent = stack[stack.length - 1];
      if (parent) add(parent, index, parent.mask);
      else root = index;
    }
    const answers = answersOf(model, { stepper, harmMask, hits, find }, sums, root, initial);
    return {
      symmetry: classes,
      ...answers,
      complete: true,
      stopped: null,
      states: table.size,
      transitions,
      approxBytes: approxBytes(),
      stoppedMessage: null,
    };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return stoppedResult(classes, error.why, stored(), transitions, approxBytes());
  }
}
