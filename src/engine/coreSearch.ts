/**
 * The integer search core: an iterative depth-first search (an explicit stack, no recursion
 * limit) over every interleaving of an untimed model, worlds identified by integer vectors in an
 * open-addressing table and summarised in typed arrays. Gives exactly the reference explorer's
 * answers: exact interleaving and violating counts, shortest runs, harm probability.
 */
import { addCount, type Count } from './count';
import { budgetMessage, Stop, type ExploreOptions, type ExploreResult } from './exploreResult';
import { createStepper } from './machines';
import { symmetryClasses } from './symmetry';
import type { ActorState, Model, Step, World } from './types';
import { createWorld } from './world';
import { createVectorChecks } from './vectorChecks';
import { createEnabled } from './vectorEnabled';
import { copyOf, createVectorStepper } from './vectorStep';
import { AFTER, createViews, RECORD } from './vectorViews';
import { answersOf, type Summaries } from './coreAnswers';
import { StateTable } from './stateTable';
import { CountColumn, NumberColumn } from './summaries';
import { Interner } from './vectorIntern';
import { createVectorKeyer, layoutOf } from './vectorKey';

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

/** True for models the integer core runs: untimed, with at most drop and inject faults. Pure. */
export function onIntegerCore(model: Model): boolean {
  return (
    model.timing === undefined &&
    model.faults.every((f) => f.kind === 'drop' || f.kind === 'inject')
  );
}

/** Thrown when an invariant reads the local state of a finished actor the key leaves out. */
class ReadsFinished extends Error {
  constructor(readonly actor: number) {
    super('an invariant reads a finished actor');
  }
}

/**
 * Returns the exhaustive exploration of an untimed `model`. Pure given the model. With every
 * reduction on, the key leaves out the local state of finished actors; should an invariant read
 * one, the search starts again keeping that actor's.
 */
export function exploreCore(model: Model, options: ExploreOptions = {}): ExploreResult {
  if (model.timing) throw new Error('the integer core explores untimed models only');
  const hideDone = model.actors.map(() => (options.reduce ?? 'all') === 'all');
  for (;;) {
    try {
      return search(model, options, hideDone);
    } catch (error) {
      if (!(error instanceof ReadsFinished)) throw error;
      // Its look-alikes are read alike: keep theirs too.
      const id = model.actors[error.actor]!.id;
      const alike = symmetryClasses(model).find((ids) => ids.includes(id)) ?? [id];
      model.actors.forEach((a, i) => alike.includes(a.id) && (hideDone[i] = false));
    }
  }
}

function search(
  model: Model,
  options: ExploreOptions,
  hideDone: readonly boolean[],
): ExploreResult {
  const stepper = options.stepper ?? createStepper();
  const maxStates = options.maxStates ?? 2_000_000;
  const n = model.invariants.length;
  const width = n + 2;
  const harmIds = new Set(options.harm ?? []);
  const harmMask = model.invariants.reduce(
    (m, inv, i) => (harmIds.has(inv.id) ? m | (1 << i) : m),
    0,
  );
  const hits = (i: number, mask: number): boolean =>
    i < n ? (mask & (1 << i)) !== 0 : i === n ? mask !== 0 : (mask & harmMask) !== 0;
  const classes = (options.reduce ?? 'all') === 'all' ? symmetryClasses(model) : [];
  const interner = new Interner(model, classes);
  const keyer = createVectorKeyer(model, classes, interner, hideDone);
  const table = new StateTable();
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

  const vectorStepper = createVectorStepper(model, stepper, interner);
  const layout = layoutOf(model);
  const enabled = createEnabled(model, interner, layout, vectorStepper);
  const faultIds = model.faults.map((f) => f.id);
  const checks = createVectorChecks(model, createViews(interner, layout, faultIds, vectorStepper));
  if (hideDone.some(Boolean)) {
    const actors = model.actors.length;
    checks.watch((slot, value) => {
      const a = (slot >= AFTER ? slot - AFTER : slot) - layout.actorBase;
      if (slot >= RECORD || a < 0 || a >= actors || !hideDone[a] || value < 0) return;
      if ((interner.objects[value] as ActorState | undefined)?.status === 'done') {
        throw new ReadsFinished(a);
      }
    });
  }
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
  const base = { symmetry: classes, shortestBy: {} };
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
      ...base,
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
    return {
      ...base,
      complete: false,
      stopped: error.why,
      interleavings: null,
      violating: null,
      violatingAny: null,
      violatingHarm: null,
      interleavingsExact: null,
      violatingExact: null,
      violatingAnyExact: null,
      violatingHarmExact: null,
      harmProbability: null,
      states: stored(),
      transitions,
      approxBytes: approxBytes(),
      stoppedMessage: error.why === 'states' ? budgetMessage(stored(), approxBytes()) : null,
      shortest: null,
      shortestHarm: null,
      harmChanceAlong: null,
    };
  }
}
