/**
 * A model's invariants on raw integer vectors, without building worlds: each check's answers are
 * kept in a decision tree over the slots its invariants read (the first read slot at the root,
 * one branch per value read). An invariant is a pure function of what it reads, so an evaluation
 * that meets a stored path of reads gives its stored answer; a new path is evaluated once on
 * views of the vectors (`vectorViews.ts`) and added. Answers are violation masks (bit i:
 * invariant i).
 */
import { checkEnd, checkStep, violationMask } from './invariants';
import type { Model, StepRecord } from './types';
import { recordCopy } from './vectorQueues';
import { AFTER, type Views } from './vectorViews';

/** An inner node: the slot read next, and where each value leads (a number: the answer). */
interface Node {
  readonly slot: number;
  readonly next: Map<number, Node | number>;
}

/** Told of every slot an evaluation reads; it may throw to abandon the search. */
export interface Watcher {
  read(slot: number, value: number): void;
}

/** Violation masks of steps and of finished worlds given as raw vectors. */
export interface VectorChecks {
  /** The mask of the step from `before` to `after` recorded as `record`. */
  step(before: Int32Array, after: Int32Array, record: StepRecord): number;
  /** The mask of the finished world `raw` (its last step at `lastStep`). */
  end(raw: Int32Array, lastStep: number): number;
  /** Tells `watcher` of every slot read, from now on (stored paths included). */
  watch(watcher: Watcher | null): void;
}

/** Returns the checks of `model`'s invariants over vectors seen through `views`. */
export function createVectorChecks(model: Model, views: Views): VectorChecks {
  return new Checks(model, views);
}

interface Tree {
  root: Node | number | undefined;
}

/**
 * The checks of one search: a class with its trees in fields (no closures made per search or per
 * step), so that the code compiled for one search's checks is kept for the next.
 */
class Checks implements VectorChecks {
  private watcher: Watcher | null = null;
  private readonly onStep: boolean;
  private readonly atEnd: boolean;
  private readonly steps: Tree = { root: undefined };
  private readonly ends: Tree = { root: undefined };

  constructor(
    private readonly model: Model,
    private readonly views: Views,
  ) {
    this.onStep = model.invariants.some((inv) => inv.onStep);
    this.atEnd = model.invariants.some((inv) => inv.atEnd);
  }

  step(before: Int32Array, after: Int32Array, record: StepRecord): number {
    if (!this.onStep) return 0;
    return this.answer(this.steps, before, after, record);
  }

  end(raw: Int32Array, lastStep: number): number {
    if (!this.atEnd) return 0;
    return this.answer(this.ends, raw, null, null, lastStep);
  }

  watch(watcher: Watcher | null): void {
    this.watcher = watcher;
  }

  /** The answer of `tree` for the step (or the finished world, `after` null) given. */
  private answer(
    tree: Tree,
    before: Int32Array,
    after: Int32Array | null,
    record: StepRecord | null,
    lastStep = 0,
  ): number {
    let node = tree.root;
    while (node !== undefined && typeof node !== 'number') {
      const value = this.views.value(node.slot, before, after, record);
      this.watcher?.read(node.slot, value);
      node = node.next.get(value);
    }
    if (node !== undefined) return node;
    return this.evaluate(tree, before, after, record, lastStep);
  }

  /**
   * A path not met before: evaluates on views, noting each slot's first read, and stores it.
   * The views read copies (the search reuses its vectors and the lists of its records), and
   * reads after the evaluation (an invariant that kept its world) are neither noted nor watched.
   */
  private evaluate(
    tree: Tree,
    before: Int32Array,
    after: Int32Array | null,
    step: StepRecord | null,
    lastStep: number,
  ): number {
    const { model, views } = this;
    const now = after?.slice() ?? null;
    const record = step && recordCopy(step);
    const reads = new Reads(views, this.watcher, before.slice(), now, record);
    lastReads[0] = reads;
    // A bound method, not an arrow: no closure (nor, under tsx, a `__name` call) per evaluation.
    const read = reads.read.bind(reads);
    let mask: number;
    try {
      mask = now
        ? violationMask(
            model,
            checkStep(
              model,
              views.world(reads.was, 0, read),
              views.world(now, AFTER, read),
              views.record(record!, read),
            ),
          )
        : violationMask(model, checkEnd(model, views.world(reads.was, 0, read), lastStep));
    } finally {
      reads.live = false;
    }
    const { slots, values } = reads;
    let parent: Node | null = null;
    let branch = 0;
    let at = tree.root;
    for (let k = 0; k <= slots.length; k++) {
      if (k === slots.length) {
        if (parent) parent.next.set(branch, mask);
        else tree.root = mask;
        break;
      }
      if (at === undefined) {
        at = { slot: slots[k]!, next: new Map() };
        if (parent) parent.next.set(branch, at);
        else tree.root = at;
      }
      if (typeof at === 'number' || at.slot !== slots[k]) {
        throw new Error('an invariant read the world differently for the same values');
      }
      parent = at;
      branch = values[k]!;
      at = at.next.get(branch);
    }
    return mask;
  }
}

/**
 * The last evaluation's reads, kept: were every `Reads` gone at a collection between searches,
 * its map would go too, and the code compiled for it with it (see `keptShapes`).
 */
const lastReads: Reads[] = [];

/** The slots one evaluation reads, each noted (and watched) at its first read while it runs. */
class Reads {
  live = true;
  readonly slots: number[] = [];
  readonly values: number[] = [];
  private readonly seen = new Set<number>();

  constructor(
    private readonly views: Views,
    private readonly watcher: Watcher | null,
    readonly was: Int32Array,
    private readonly now: Int32Array | null,
    private readonly record: StepRecord | null,
  ) {}

  read(slot: number): void {
    if (!this.live || this.seen.has(slot)) return;
    this.seen.add(slot);
    const value = this.views.value(slot, this.was, this.now, this.record);
    this.watcher?.read(slot, value);
    this.slots.push(slot);
    this.values.push(value);
  }
}
