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
import { AFTER, type Views } from './vectorViews';

/** An inner node: the slot read next, and where each value leads (a number: the answer). */
interface Node {
  readonly slot: number;
  readonly next: Map<number, Node | number>;
}

/** Violation masks of steps and of finished worlds given as raw vectors. */
export interface VectorChecks {
  /** The mask of the step from `before` to `after` recorded as `record`. */
  step(before: Int32Array, after: Int32Array, record: StepRecord): number;
  /** The mask of the finished world `raw` (its last step at `lastStep`). */
  end(raw: Int32Array, lastStep: number): number;
  /**
   * Calls `watch(slot, value)` on every slot read, from now on (stored paths included); it may
   * throw to abandon the search.
   */
  watch(watch: ((slot: number, value: number) => void) | null): void;
}

/** Returns the checks of `model`'s invariants over vectors seen through `views`. */
export function createVectorChecks(model: Model, views: Views): VectorChecks {
  let watcher: ((slot: number, value: number) => void) | null = null;
  const onStep = model.invariants.some((inv) => inv.onStep);
  const atEnd = model.invariants.some((inv) => inv.atEnd);
  const trees: { root: Node | number | undefined }[] = [{ root: undefined }, { root: undefined }];

  const answer = (
    tree: { root: Node | number | undefined },
    before: Int32Array,
    after: Int32Array | null,
    record: StepRecord | null,
    evaluate: (
      before: Int32Array,
      after: Int32Array | null,
      read: (slot: number) => void,
    ) => number,
  ): number => {
    let node = tree.root;
    while (node !== undefined && typeof node !== 'number') {
      const value = views.value(node.slot, before, after, record);
      watcher?.(node.slot, value);
      node = node.next.get(value);
    }
    if (node !== undefined) return node;
    // A path not met before: evaluate on views, noting each slot's first read, and store it.
    // The views read copies (the search reuses its vectors), and reads after the evaluation (an
    // invariant that kept its world) are neither noted nor watched.
    const slots: number[] = [];
    const values: number[] = [];
    const seen = new Set<number>();
    const was = before.slice();
    const now = after?.slice() ?? null;
    let live = true;
    let mask: number;
    try {
      mask = evaluate(was, now, (slot) => {
        if (!live || seen.has(slot)) return;
        seen.add(slot);
        const value = views.value(slot, was, now, record);
        watcher?.(slot, value);
        slots.push(slot);
        values.push(value);
      });
    } finally {
      live = false;
    }
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
  };

  return {
    step(before, after, record) {
      if (!onStep) return 0;
      return answer(trees[0]!, before, after, record, (was, now, read) => {
        const from = views.world(was, 0, read);
        const to = views.world(now!, AFTER, read);
        return violationMask(model, checkStep(model, from, to, views.record(record, read)));
      });
    },
    end(raw, lastStep) {
      if (!atEnd) return 0;
      return answer(trees[1]!, raw, null, null, (was, _, read) =>
        violationMask(model, checkEnd(model, views.world(was, 0, read), lastStep)),
      );
    },
    watch(watch) {
      watcher = watch;
    },
  };
}
