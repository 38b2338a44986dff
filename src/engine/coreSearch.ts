/**
 * The integer search core: an iterative depth-first search (an explicit stack, no recursion
 * limit) over every interleaving of an untimed model, worlds identified by integer vectors in an
 * open-addressing table and summarised in typed arrays. Gives exactly the reference explorer's
 * answers: exact interleaving and violating counts, shortest runs, harm probability.
 */
import { Stop, stoppedResult, type ExploreOptions, type ExploreResult } from './exploreResult';
import { hidingFinished, keptShapes, type Core } from './coreParts';
import { slotHits } from './invariants';
import type { Model, Step } from './types';
import { createWorld } from './world';
import { answersOf } from './coreAnswers';
import { SummaryTable, type RowSums } from './summaries';

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
  /** Its enabled steps (the frame's own list, refilled for each world it holds). */
  readonly steps: Step[];
  /** Per step, the channel it delivers on (-1 for timers and faults). */
  readonly channels: number[];
  next: number;
  /** Violation mask of the step into the successor being expanded. */
  mask: number;
  /** What its successors add up to so far. */
  readonly sums: RowSums;
}

export { onIntegerCore } from './coreParts';

/**
 * Returns the exhaustive exploration of an untimed `model`. Pure given the model. With every
 * reduction on, the key leaves out the local state of finished actors (`coreParts.ts`).
 */
export function exploreCore(model: Model, options: ExploreOptions = {}): ExploreResult {
  if (model.timing) throw new Error('the integer core explores untimed models only');
  keepShapes();
  return hidingFinished(model, options, (core) => search(model, options, core));
}

function search(model: Model, options: ExploreOptions, core: Core): ExploreResult {
  return new Search(model, options, core).run();
}

/**
 * One exhaustive search: a class with its state in fields (no closures made per search), so
 * that the code compiled for one search is kept for the next.
 */
class Search {
  private readonly maxStates: number;
  private readonly n: number;
  private readonly sums: SummaryTable;
  private transitions = 0;
  private readonly stack: Frame[] = [];
  private readonly frames: Frame[] = [];

  constructor(
    private readonly model: Model,
    private readonly options: ExploreOptions,
    private readonly core: Core,
  ) {
    this.maxStates = options.maxStates ?? 2_000_000;
    this.n = model.invariants.length;
    this.sums = new SummaryTable(this.n, core.harmMask);
    // The first frame is made with the search, so that the search kept by `keepShapes` keeps the
    // maps of a frame's parts (its running sums are a class instance) alive between searches.
    this.frames.push(this.frame(0));
  }

  private frame(rawLength: number): Frame {
    const raw = new Int32Array(rawLength);
    const sums = this.sums.sums();
    return { raw, depth: 0, index: 0, steps: [], channels: [], next: 0, mask: 0, sums };
  }

  private approxBytes(): number {
    const { sums, core } = this;
    return (
      core.table.bytes() +
      core.interner.chars * 2 +
      (core.interner.texts.length + core.interner.seqs.length) * 64 +
      sums.bytes()
    );
  }

  /**
   * Worlds stored and closed: a world is stored when opened (every step moves the clock or uses
   * up a fault, so the search never meets a world still open).
   */
  private stored(): number {
    return this.core.table.size - this.stack.length;
  }

  /**
   * Opens the world of `raw[0..rawLength)` (copied), reached in `depth` steps, keyed `length`
   * (the keyer's vector) with hash `hash`.
   */
  private open(
    raw: Int32Array,
    rawLength: number,
    depth: number,
    length: number,
    hash: number,
  ): void {
    if (this.stored() >= this.maxStates) throw new Stop('states');
    const { stack, core, sums } = this;
    let frame = this.frames[stack.length];
    if (!frame) this.frames[stack.length] = frame = this.frame(rawLength);
    if (frame.raw.length !== rawLength) frame.raw = new Int32Array(rawLength);
    const into = frame.raw;
    for (let i = 0; i < rawLength; i++) into[i] = raw[i]!;
    const steps = core.enabled.of(into, frame.steps, frame.channels);
    frame.depth = depth;
    frame.index = core.table.add(core.keyer.vector, length, hash);
    frame.next = 0;
    frame.mask = 0;
    if (steps.length === 0) sums.leaf(frame.sums, core.checks.end(into, depth - 1));
    else sums.open(frame.sums);
    stack.push(frame);
  }

  /** Stores a fully expanded world's summaries and returns its number. */
  private close(f: Frame): number {
    this.sums.store(f.index, f.sums, f.steps.length);
    return f.index;
  }

  /** Expands worlds until the stack is empty; returns the root's number. */
  private expand(): number {
    const { stack, core, options, sums } = this;
    const { keyer, table, checks } = core;
    const vectors = core.vectors;
    let root = -1;
    while (stack.length > 0) {
      const f = stack[stack.length - 1]!;
      if (f.next < f.steps.length) {
        const channel = f.channels[f.next]!;
        const step = f.steps[f.next++]!;
        if (++this.transitions % 256 === 0 && options.shouldStop?.()) throw new Stop('cancelled');
        const record = vectors.into(f.raw, step, f.depth, channel);
        const after = vectors.scratch;
        const length = keyer.canon(after);
        const hash = keyer.hash;
        // The first slot is read before the checks, so that its likely cache miss overlaps them.
        const first = table.first(hash);
        const mask = checks.step(f.raw, after, record);
        const c = table.find(keyer.vector, length, hash, first);
        if (c >= 0) sums.add(f.sums, c, mask);
        else {
          f.mask = mask;
          this.open(after, vectors.length, f.depth + 1, length, hash);
        }
        continue;
      }
      stack.pop();
      const index = this.close(f);
      const parent = stack[stack.length - 1];
      if (parent) sums.add(parent.sums, index, parent.mask);
      else root = index;
    }
    return root;
  }

  run(): ExploreResult {
    const { model, core, n } = this;
    const initial = createWorld(model, core.stepper);
    try {
      const initialRaw = core.keyer.raw(initial);
      const length = core.keyer.canon(initialRaw);
      this.open(initialRaw, initialRaw.length, 0, length, core.keyer.hash);
      const root = this.expand();
      const hits = slotHits(n, core.harmMask);
      const answers = answersOf(model, { core, hits }, this.sums, root, initialRaw);
      return {
        symmetry: core.classes,
        ...answers,
        complete: true,
        stopped: null,
        states: core.table.size,
        transitions: this.transitions,
        approxBytes: this.approxBytes(),
        stoppedMessage: null,
      };
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      const { classes } = core;
      return stoppedResult(classes, error.why, this.stored(), this.transitions, this.approxBytes());
    }
  }
}

/** The objects kept for good (`keptShapes`), made by the first search. */
let kept: readonly object[] | null = null;

/**
 * Makes, once, the objects kept for good so that code compiled for one search is kept for the
 * next (`keptShapes`): on the first search of either kind (exhaustive or early), not when the
 * module loads, so that code which imports the core without searching (the page before its
 * first diagram) pays nothing for it.
 */
export function keepShapes(): readonly object[] {
  kept ??= keptShapes((model, core) => new Search(model, {}, core));
  return kept;
}
