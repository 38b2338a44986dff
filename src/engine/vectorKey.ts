/**
 * The identity of a world as an integer vector, for the integer search core. A raw vector is
 * [clock, timer set, faults used…, one local state per actor, one queue per channel (numbered as
 * first seen)], every entry an interned number; it holds what the reference key holds (message
 * ids and sent counters left out), so it suits untimed models only. The key of a raw vector is
 * canonical: with symmetry, interchangeable actors are sorted by what they hold (their state and
 * their queues, actor names blanked) and the world renamed so; its channels are the pairs
 * (channel, queue) of those in use, in channel order (a world uses few of its channels). The local
 * state of a finished actor may be left out (one mark for every finished state): a finished
 * machine takes no more transitions and sends nothing, so only an invariant could tell them
 * apart, and the search checks that none reads it.
 */
import { hashVector } from './stateTable';
import type { SymmetryClasses } from './symmetry';
import type { ActorId, ActorState, Model, World } from './types';
import type { Interner } from './vectorIntern';

/** Writes canonical vectors of worlds; equal vectors ⇔ worlds equal up to renaming. */
export interface VectorKeyer {
  /** Returns the raw vector of `world`. */
  raw(world: World): Int32Array;
  /** Writes the canonical key of raw vector `raw` into `vector` and returns its length. */
  canon(raw: Int32Array): number;
  /** Writes the key of `world` into `vector` and returns its length. */
  key(world: World): number;
  /** The key last written (its buffer may be replaced as channels are discovered). */
  readonly vector: Int32Array;
  /** The hash of the key last written (`hashVector` of it). */
  readonly hash: number;
}

/** Where the parts of a raw vector start. */
export interface Layout {
  readonly actorBase: number;
  readonly channelBase: number;
}

interface Perm {
  /** Actor index → index of its image. */
  readonly image: Int32Array;
  readonly names: Map<ActorId, ActorId>;
  /** Renamed values, sequences and channels, by number. */
  readonly texts: (number | undefined)[];
  readonly seqs: (number | undefined)[];
  readonly channels: (number | undefined)[];
}

const SHAPE = 2 ** 31;
const blank = (): string => '\u0002';

/** Returns where the parts of `model`'s raw vectors start. */
export function layoutOf(model: Model): Layout {
  const actorBase = 2 + model.faults.length;
  return { actorBase, channelBase: actorBase + model.actors.length };
}

/** Returns a vector keyer for `model`'s (untimed) worlds, reducing by `classes`. */
export function createVectorKeyer(
  model: Model,
  classes: SymmetryClasses,
  interner: Interner,
  hideDone: readonly boolean[] = [],
): VectorKeyer {
  return new VectorKeys(model, classes, interner, hideDone);
}

/**
 * The keyer of one search: a class with its caches and scratch in fields (no closures made per
 * search), so that the code compiled for one search's keys is kept for the next.
 */
class VectorKeys implements VectorKeyer {
  private readonly actorBase: number;
  private readonly channelBase: number;
  private readonly faultIds: readonly string[];
  private readonly members: readonly ActorId[];
  /** A renaming is coded as the digits (base: the largest class) of each class's sorted order. */
  private readonly base: number;
  private buffer: Int32Array;
  /** A finished actor's local state, for the actors whose finished state the key leaves out. */
  private readonly done: number;
  private readonly finished: (boolean | undefined)[] = [];
  private readonly hidden: Int32Array;
  /** How a channel looks from an interchangeable actor at one of its ends. */
  private readonly shapeOut: number[] = [];
  private readonly shapeIn: number[] = [];
  /** Per channel: the member slot of its sender and of its receiver, or -1. */
  private readonly fromSlot: number[] = [];
  private readonly toSlot: number[] = [];
  /** How many members each class has, in order. */
  private readonly classSizes: Int32Array;
  private readonly shapes = new Map<string, number>();
  /** What a value or sequence holds with every interchangeable actor's name blanked. */
  private readonly blindTexts: number[] = [];
  private readonly blindSeqs: number[] = [];
  /** Renamings, by their code (the sorted order of each class), with their caches. */
  private readonly perms = new Map<number, Perm>();
  /** Timer sets by number, their timers in number order. */
  private readonly sortedSets: (number | undefined)[] = [];
  // Scratch: the channels a raw vector uses and their queues; per member, what it holds.
  private readonly used: number[] = [];
  private readonly queues: number[] = [];
  /** How many of `used` and `queues` hold the vector being keyed (kept, not cut, between keys). */
  private usedCount = 0;
  /** The hash of the key last written (`hashVector`). */
  hash = 0;
  private rows = new Float64Array(16);
  private width = 1;
  private readonly lengths: Int32Array;
  private readonly memberActor: Int32Array;
  private readonly order: number[] = [];

  constructor(
    model: Model,
    private readonly classes: SymmetryClasses,
    private readonly interner: Interner,
    hideDone: readonly boolean[],
  ) {
    const { actorBase, channelBase } = layoutOf(model);
    this.actorBase = actorBase;
    this.channelBase = channelBase;
    this.faultIds = model.faults.map((f) => f.id);
    this.members = classes.flat();
    this.base = Math.max(2, ...classes.map((ids) => ids.length));
    if (this.base ** this.members.length > Number.MAX_SAFE_INTEGER)
      throw new Error('too many interchangeable actors');
    this.buffer = new Int32Array(channelBase + 32);
    this.done = interner.text('\u0003done');
    this.hidden = Int32Array.from(interner.actorIds, (_, a) => (hideDone[a] ? 1 : 0));
    this.lengths = new Int32Array(this.members.length);
    this.classSizes = Int32Array.from(classes, (ids) => ids.length);
    this.memberActor = Int32Array.from(this.members, (id) => interner.actorIndex.get(id)!);
    interner.onChannel((c) => this.shapeChannel(c));
  }

  /** The key last written (its buffer may be replaced as channels are discovered). */
  get vector(): Int32Array {
    return this.buffer;
  }

  private shapeId(text: string): number {
    let id = this.shapes.get(text);
    if (id === undefined) this.shapes.set(text, (id = this.shapes.size));
    return id;
  }

  private shapeChannel(c: number): void {
    const { interner } = this;
    const memberSlot = interner.memberSlot;
    const f = interner.channelFrom[c]!;
    const t = interner.channelTo[c]!;
    const [from = '', to = ''] = (interner.channelNames[c] ?? '').split(':')[0]!.split('->');
    const rest = interner.channelRest[c];
    this.shapeOut[c] = this.shapeId(`>${t >= 0 && memberSlot[t]! >= 0 ? '*' : to}${rest}`);
    this.shapeIn[c] = this.shapeId(`<${f >= 0 && memberSlot[f]! >= 0 ? '*' : from}${rest}`);
    this.fromSlot[c] = f >= 0 ? memberSlot[f]! : -1;
    this.toSlot[c] = t >= 0 ? memberSlot[t]! : -1;
  }

  private isDone(state: number): boolean {
    return (this.finished[state] ??=
      (this.interner.objects[state] as ActorState | undefined)?.status === 'done');
  }

  private stateOf(raw: Int32Array, a: number): number {
    const state = raw[this.actorBase + a]!;
    return this.hidden[a] && state >= 0 && this.isDone(state) ? this.done : state;
  }

  private blindText(id: number): number {
    const { interner } = this;
    if (id < 0 || !interner.mentions[id]) return id;
    return (this.blindTexts[id] ??= interner.text(
      interner.renamer.rename(interner.texts[id] ?? '', blank),
    ));
  }

  private blindSeq(id: number): number {
    if (!this.interner.seqMentions[id]) return id;
    return this.blindSeqs[id] ?? this.blindSeqOnce(id);
  }

  // Closures apart from the hot paths: a function making a closure that reads `this` or its
  // arguments allocates their context on every call, whether it makes the closure or not.
  private blindSeqOnce(id: number): number {
    const { interner } = this;
    return (this.blindSeqs[id] = interner.seq(interner.seqs[id]!.map((v) => this.blindText(v))));
  }

  private permOf(image: Int32Array): Perm {
    const actorIds = this.interner.actorIds;
    const names = new Map<ActorId, ActorId>();
    image.forEach((to, from) => {
      if (to !== from) names.set(actorIds[from] ?? '', actorIds[to] ?? '');
    });
    return { image, names, texts: [], seqs: [], channels: [] };
  }

  private renameText(id: number, perm: Perm): number {
    const { interner } = this;
    if (id < 0 || !interner.mentions[id]) return id;
    return perm.texts[id] ?? this.renameTextOnce(id, perm);
  }

  private renameTextOnce(id: number, perm: Perm): number {
    const { interner } = this;
    const rename = (name: ActorId): ActorId => perm.names.get(name) ?? name;
    const text = interner.renamer.rename(interner.texts[id] ?? '', rename);
    return (perm.texts[id] = interner.text(text));
  }

  private renameSeq(id: number, perm: Perm): number {
    const { interner } = this;
    if (!interner.seqMentions[id]) return id;
    return perm.seqs[id] ?? this.renameSeqOnce(id, perm);
  }

  private renameSeqOnce(id: number, perm: Perm): number {
    const { interner } = this;
    return (perm.seqs[id] = interner.seq(interner.seqs[id]!.map((v) => this.renameText(v, perm))));
  }

  private renameChannel(c: number, perm: Perm): number {
    const { interner } = this;
    let out = perm.channels[c];
    if (out === undefined) {
      const f = interner.channelFrom[c]!;
      const t = interner.channelTo[c]!;
      if (f < 0 || t < 0) out = c;
      else {
        const from = interner.actorIds[perm.image[f]!] ?? '';
        const to = interner.actorIds[perm.image[t]!] ?? '';
        out = interner.channel(`${from}->${to}${interner.channelRest[c]}`);
      }
      perm.channels[c] = out;
    }
    return out;
  }

  /** Compares what members j and k hold. */
  private compareRows(j: number, k: number): number {
    const { rows, lengths, width } = this;
    const a = j * width;
    const b = k * width;
    const n = Math.min(lengths[j]!, lengths[k]!);
    for (let i = 0; i < n; i++) if (rows[a + i] !== rows[b + i]) return rows[a + i]! - rows[b + i]!;
    return lengths[j]! - lengths[k]!;
  }

  /** Adds `value` to member k's row, keeping the values after its state sorted. */
  private addPair(k: number, value: number): void {
    const rows = this.rows;
    const start = k * this.width;
    let i = start + this.lengths[k]!++;
    while (i > start + 1 && rows[i - 1]! > value) {
      rows[i] = rows[i - 1]!;
      i--;
    }
    rows[i] = value;
  }

  /** Members of each class sorted by what they hold; null when already in order. */
  private canonicalPerm(raw: Int32Array): Perm | null {
    const { members, lengths, order, base, fromSlot, toSlot, classSizes } = this;
    const width = (this.width = 1 + 2 * this.interner.channelNames.length);
    if (this.rows.length < width * members.length) {
      this.rows = new Float64Array(width * members.length * 2);
    }
    const rows = this.rows;
    for (let k = 0; k < members.length; k++) {
      rows[k * width] = this.blindText(this.stateOf(raw, this.memberActor[k]!));
      lengths[k] = 1;
    }
    for (let k = 0; k < this.usedCount; k++) {
      const c = this.used[k]!;
      const from = fromSlot[c]!;
      const to = toSlot[c]!;
      if (from < 0 && to < 0) continue;
      const seen = this.blindSeq(this.queues[k]!);
      if (from >= 0) this.addPair(from, this.shapeOut[c]! * SHAPE + seen);
      if (to >= 0) this.addPair(to, this.shapeIn[c]! * SHAPE + seen);
    }
    let code = 0;
    let moved = false;
    let offset = 0;
    for (let g = 0; g < classSizes.length; g++) {
      const size = classSizes[g]!;
      // Insertion sort of the class's members (ties keep their order; `order` is overwritten).
      for (let k = 0; k < size; k++) {
        let i = k;
        while (i > 0 && this.compareRows(offset + order[i - 1]!, offset + k) > 0) {
          order[i] = order[i - 1]!;
          i--;
        }
        order[i] = k;
      }
      for (let k = 0; k < size; k++) {
        if (order[k] !== k) moved = true;
        code = code * base + order[k]!;
      }
      offset += size;
    }
    if (!moved) return null;
    let perm = this.perms.get(code);
    if (!perm) this.perms.set(code, (perm = this.permOf(this.imageOf(code))));
    return perm;
  }

  /** The renaming coded `code`: actor index → index of its image. */
  private imageOf(code: number): Int32Array {
    const { interner, members, base } = this;
    const actorIndex = interner.actorIndex;
    const image = Int32Array.from(interner.actorIds, (_, i) => i);
    let offset = 0;
    let rest = code;
    const digits: number[] = [];
    for (let k = members.length - 1; k >= 0; k--) {
      digits[k] = rest % base;
      rest = Math.floor(rest / base);
    }
    for (const ids of this.classes) {
      ids.forEach((_, k) => {
        const from = digits[offset + k]!;
        image[actorIndex.get(ids[from]!)!] = actorIndex.get(ids[k]!)!;
      });
      offset += ids.length;
    }
    return image;
  }

  canon(raw: Int32Array): number {
    const { interner, channelBase, actorBase, used, queues } = this;
    const seqs = interner.seqs;
    // Past the channels numbered a raw vector holds only zeros.
    const end = Math.min(raw.length, channelBase + interner.channelNames.length);
    let usedCount = 0;
    for (let i = channelBase; i < end; i++) {
      const q = raw[i]!;
      if (q === 0) continue;
      used[usedCount] = i - channelBase;
      queues[usedCount++] = q;
    }
    this.usedCount = usedCount;
    const perm = this.members.length > 0 ? this.canonicalPerm(raw) : null;
    let timers = raw[1]!;
    if (perm) {
      for (let k = 0; k < usedCount; k++) {
        const q = this.renameSeq(queues[k]!, perm);
        const c = this.renameChannel(used[k]!, perm);
        // Kept in channel order (insertion: a world uses a few channels at a time).
        let i = k;
        while (i > 0 && used[i - 1]! > c) {
          used[i] = used[i - 1]!;
          queues[i] = queues[i - 1]!;
          i--;
        }
        used[i] = c;
        queues[i] = q;
      }
      if (timers !== 0) timers = this.renameSeq(timers, perm);
    }
    if (timers !== 0) {
      const set = timers;
      timers = this.sortedSets[set] ??= interner.seq([...seqs[set]!].sort((a, b) => a - b));
    }
    const length = channelBase + 2 * usedCount;
    if (this.buffer.length < length) this.buffer = new Int32Array(length * 2);
    const vector = this.buffer;
    vector[0] = raw[0]!;
    vector[1] = timers;
    for (let i = 2; i < actorBase; i++) vector[i] = raw[i]!;
    const actors = interner.actorIds.length;
    for (let a = 0; a < actors; a++) {
      const state = this.stateOf(raw, a);
      if (perm) vector[actorBase + perm.image[a]!] = this.renameText(state, perm);
      else vector[actorBase + a] = state;
    }
    // The channels in use, as (channel, queue) pairs in channel order: a world uses few.
    for (let k = 0; k < usedCount; k++) {
      vector[channelBase + 2 * k] = used[k]!;
      vector[channelBase + 2 * k + 1] = queues[k]!;
    }
    this.hash = hashVector(vector, length);
    return length;
  }

  raw(world: World): Int32Array {
    const { interner, channelBase, actorBase } = this;
    const channels = Object.keys(world.channels).map((name) => interner.channel(name));
    const out = new Int32Array(channelBase + interner.channelNames.length);
    out[0] = world.clock;
    out[1] = interner.seq(world.timers.map((t) => interner.frozen(t)));
    this.faultIds.forEach((id, i) => (out[2 + i] = world.faultsUsed[id] ?? 0));
    interner.actorIds.forEach((id, a) => {
      const actor = world.actors[id];
      out[actorBase + a] = actor ? interner.frozen(actor) : -1;
    });
    Object.values(world.channels).forEach((queue, k) => {
      out[channelBase + channels[k]!] = interner.queue(queue);
    });
    return out;
  }

  key(world: World): number {
    return this.canon(this.raw(world));
  }
}
