/**
 * The integer search core: an iterative depth-first search (an explicit stack, no recursion
 * limit) over every interleaving of an untimed model, worlds identified by integer vectors in an
 * open-addressing table and summarised in typed arrays. Gives exactly the reference explorer's
 * answers: exact interleaving and violating counts, shortest runs, harm probability.
 */
import { addCount, type Count } from './count';
import { Stop, stoppedResult, type ExploreOptions, type ExploreResult } from './exploreResult';
import { hidingFinished, type Core } from './coreParts';
import { slotHits } from './invariants';
import type { Model, Step } from './types';
import { createWorld } from './world';
import { answersOf, type Summaries } from './coreAnswers';
import { CountColumn, NumberColumn } from './summaries';

/**
 * A world being expanded: its steps, the next to take, and what its successors add up to. Frames
 * are kept by their place on the stack and reused (the search allocates nothing per world).
 */
interface Frame {
  /** Its raw vector (the real actors, before any renaming). */
  raw: Int32Array;
  depth: number;
  /** Its number in the table (stored when opened; its summaries when closed). */
  index: number;
  steps: readonly Step[];
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
  return hidingFinished(model, options, (core) => search(model, options, core));
}

function search(model: Model, options: ExploreOptions, core: Core): ExploreResult {
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

  const stack: Frame[] = [];
  /**
   * Worlds stored and closed: a world is stored when opened (every step moves the clock or uses
   * up a fault, so the search never meets a world still open).
   */
  const stored = (): number => table.size - stack.length;
  const frames: Frame[] = [];
  /** Opens the world of `raw[0..rawLength)` (copied), reached in `depth` steps, keyed `length`. */
  const open = (raw: Int32Array, rawLength: number, depth: number, length: number): void => {
    if (stored() >= maxStates) throw new Stop('states');
    let frame = frames[stack.length];
    if (!frame) {
      frame = {
        raw: new Int32Array(rawLength),
        depth,
        index: 0,
        steps: [],
        next: 0,
        mask: 0,
        paths: 0,
        any: 0,
        harm: 0,
        chance: 0,
        violating: new Array<Count>(n),
        shortest: new Array<number>(width),
      };
      frames[stack.length] = frame;
    }
    if (frame.raw.length !== rawLength) frame.raw = new Int32Array(rawLength);
    const into = frame.raw;
    for (let i = 0; i < rawLength; i++) into[i] = raw[i]!;
    const steps = enabled(into);
    frame.depth = depth;
    frame.index = table.add(keyer.vector, length);
    frame.steps = steps;
    frame.next = 0;
    frame.mask = 0;
    frame.violating.fill(0);
    frame.shortest.fill(Infinity);
    if (steps.length === 0) {
      const mask = checks.end(into, depth - 1);
      frame.paths = 1;
      for (let i = 0; i < width; i++) if (hits(i, mask)) frame.shortest[i] = 0;
      for (let i = 0; i < n; i++) if (hits(i, mask)) frame.violating[i] = 1;
      frame.any = mask ? 1 : 0;
      frame.harm = mask & harmMask ? 1 : 0;
      frame.chance = frame.harm;
    } else {
      frame.paths = 0;
      frame.any = 0;
      frame.harm = 0;
      frame.chance = 0;
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
    open(initialRaw, initialRaw.length, 0, keyer.canon(initialRaw));
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
          open(after, vectorStepper.length, f.depth + 1, length);
        }
        continue;
      }
      stack.pop();
      const index = close(f);
      const parent = stack[stack.length - 1];
      if (parent) add(parent, index, parent.mask);
      else root = index;
    }
    const answers = answersOf(model, { core, hits }, sums, root, initialRaw);
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
