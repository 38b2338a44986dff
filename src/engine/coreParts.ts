/**
 * What every search on the integer core is made of (the exhaustive search and the early race
 * searches): interned values, keys, steps and invariant checks on vectors, a table of worlds;
 * and the finished-actor reduction: with every reduction on, the key leaves out the local state
 * of finished actors, and should an invariant read one, the search starts again keeping that
 * actor's (and its look-alikes'). The restart never leaves `hidingFinished`.
 */
import { harmMaskOf } from './invariants';
import { sharedStepper, type Stepper } from './machines';
import { StateTable } from './stateTable';
import { symmetryClasses, type SymmetryClasses } from './symmetry';
import type { ActorState, Model, StepRecord } from './types';
import { createVectorChecks, type VectorChecks, type Watcher } from './vectorChecks';
import { EnabledSteps } from './vectorEnabled';
import { Interner } from './vectorIntern';
import { createVectorKeyer, layoutOf, type Layout, type VectorKeyer } from './vectorKey';
import { createVectorStepper, type VectorStepper } from './vectorStep';
import { AFTER, createViews, RECORD, type Views } from './vectorViews';

/** True for models the integer core runs: untimed, with at most drop and inject faults. Pure. */
export function onIntegerCore(model: Model): boolean {
  return (
    model.timing === undefined &&
    model.faults.every((f) => f.kind === 'drop' || f.kind === 'inject')
  );
}

/** What a search on the core is asked: a stepper to share, and how worlds are reduced. */
export interface CoreOptions {
  readonly stepper?: Stepper;
  /** `all` (the default): symmetry and the finished-actor reduction; `key`: neither. */
  readonly reduce?: 'all' | 'key' | 'none';
  readonly harm?: readonly string[];
}

/** One search's parts. */
export interface Core {
  readonly stepper: Stepper;
  readonly classes: SymmetryClasses;
  readonly interner: Interner;
  readonly keyer: VectorKeyer;
  readonly vectors: VectorStepper;
  readonly layout: Layout;
  readonly enabled: EnabledSteps;
  readonly checks: VectorChecks;
  readonly views: Views;
  readonly table: StateTable;
  readonly harmMask: number;
}

/** Thrown inside a search when an invariant reads the local state of a finished actor it hides. */
class ReadsFinished extends Error {
  constructor(readonly actor: number) {
    super('an invariant reads a finished actor');
  }
}

/** Throws `ReadsFinished` when an invariant reads the local state of a finished actor hidden. */
class FinishedWatch implements Watcher {
  constructor(
    private readonly interner: Interner,
    private readonly layout: Layout,
    private readonly hideDone: readonly boolean[],
  ) {}

  /** Per value: whether it is a finished actor's local state, once known. */
  private readonly done: (boolean | undefined)[] = [];

  read(slot: number, value: number): void {
    const a = (slot >= AFTER ? slot - AFTER : slot) - this.layout.actorBase;
    if (slot >= RECORD || a < 0 || a >= this.hideDone.length || !this.hideDone[a] || value < 0)
      return;
    let done = this.done[value];
    if (done === undefined) {
      // Kept once the value has its object (a value made by renaming may get one later).
      const state = this.interner.objects[value] as ActorState | undefined;
      done = state?.status === 'done';
      if (state) this.done[value] = done;
    }
    if (done) throw new ReadsFinished(a);
  }
}

/**
 * The parts of the last search but its table of worlds (a few thousand objects at most: the
 * model's local states, messages, plans and moves), kept until the next search ends. The maps
 * of objects the model makes (a plan made by spreading an action's parameters, say) live only
 * as long as some object has them; were they all gone by the next search, the code compiled
 * for them would be dropped and compiled again (see `keptShapes`).
 */
const lastParts: object[] = [];

/**
 * Per model: which actors' finished states a search may leave out, as the last search of it
 * learned (so that searching the same model again does not start over).
 */
const kept = new WeakMap<Model, readonly boolean[]>();

/**
 * Runs `search` on the parts of a search of untimed `model`, its key leaving out the local state
 * of finished actors with every reduction on (`reduce: 'all'`); should an invariant read one,
 * `search` runs again keeping that actor's and its look-alikes' (sharing the stepper), and
 * returns what it answers.
 */
export function hidingFinished<T>(
  model: Model,
  options: CoreOptions,
  search: (core: Core) => T,
): T {
  const all = (options.reduce ?? 'all') === 'all';
  const hideDone = all ? [...(kept.get(model) ?? model.actors.map(() => true))] : [];
  const stepper = options.stepper ?? sharedStepper();
  const classes = (options.reduce ?? 'all') === 'all' ? symmetryClasses(model) : [];
  for (;;) {
    try {
      // Numbered afresh: the renaming's tie-breaks follow the order values are first met.
      const interner = new Interner(model, classes);
      const vectors = createVectorStepper(model, stepper, interner);
      const layout = layoutOf(model);
      const enabled = new EnabledSteps(model, interner, layout, vectors);
      const faultIds = model.faults.map((f) => f.id);
      const views = createViews(interner, layout, faultIds, vectors);
      const checks = createVectorChecks(model, views);
      if (hideDone.some(Boolean)) checks.watch(new FinishedWatch(interner, layout, hideDone));
      const keyer = createVectorKeyer(model, classes, interner, hideDone);
      const table = new StateTable();
      const harmMask = harmMaskOf(model, options.harm);
      const core = { stepper, classes, interner, keyer, vectors, layout, enabled, checks, views };
      const answer = search({ ...core, table, harmMask });
      lastParts[0] = core;
      return answer;
    } catch (error) {
      if (!(error instanceof ReadsFinished)) throw error;
      // Its look-alikes are read alike: keep theirs too.
      const id = model.actors[error.actor]!.id;
      const alike = classes.find((ids) => ids.includes(id)) ?? [id];
      model.actors.forEach((a, i) => alike.includes(a.id) && (hideDone[i] = false));
      kept.set(model, [...hideDone]);
    }
  }
}

/** A model of nothing: no actors, faults or invariants. */
const NOTHING: Model = { actors: [], faults: [], invariants: [], granularity: 'messages' };

const NO_RECORD: StepRecord = {
  index: 0,
  key: '',
  kind: 'deliver',
  clockBefore: 0,
  clockAfter: 0,
  delivered: [],
  sent: [],
  dropped: [],
  changed: [],
};

/**
 * The parts of a search of nothing, with `make`'s search of them, one view of each kind and a
 * watch: made once by the search's module and kept for good. The hidden classes (maps) of a
 * search's objects live only as long as some object has them, and all of a search's objects
 * die when it ends: a collection then discards the maps, and with them the compiled code that
 * checks for them, so that every search would compile its code again. Kept, they stay valid
 * from one search to the next.
 */
export function keptShapes(make: (model: Model, core: Core) => object): readonly object[] {
  return hidingFinished(NOTHING, {}, (core) => {
    const none = (): void => {};
    const { views, interner, layout } = core;
    return [
      make(NOTHING, core),
      views.world(new Int32Array(layout.channelBase), 0, none),
      views.record(NO_RECORD, none),
      new FinishedWatch(interner, layout, []),
    ];
  });
}
