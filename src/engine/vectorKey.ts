/**
 * The identity of a world as an integer vector, for the integer search core. A raw vector is
 * [clock, timer set, faults used…, one local state per actor, one queue per channel (numbered as
 * first seen)], every entry an interned number; it holds what the reference key holds (message
 * ids and sent counters left out), so it suits untimed models only. The key of a raw vector is
 * canonical: with symmetry, interchangeable actors are sorted by what they hold (their state and
 * their queues, actor names blanked) and the world renamed so; trailing zeros are cut. The local
 * state of a finished actor may be left out (one mark for every finished state): a finished
 * machine takes no more transitions and sends nothing, so only an invariant could tell them
 * apart, and the search checks that none reads it.
 */
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
  readonly texts: Map<number, number>;
  readonly seqs: Map<number, number>;
  readonly channels: Map<number, number>;
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
  const { renamer, actorIds, actorIndex, memberSlot, texts, mentions, seqs, seqMentions } =
    interner;
  const { actorBase, channelBase } = layoutOf(model);
  const faultIds = model.faults.map((f) => f.id);
  const members = classes.flat();
  // A renaming is coded as the digits (base: the largest class) of each class's sorted order.
  const base = Math.max(2, ...classes.map((ids) => ids.length));
  if (base ** members.length > Number.MAX_SAFE_INTEGER)
    throw new Error('too many interchangeable actors');
  let vector = new Int32Array(channelBase + 16);
  // A finished actor's local state, for the actors whose finished state the key leaves out.
  const done = interner.text('\u0003done');
  const finished: (boolean | undefined)[] = [];
  const isDone = (state: number): boolean =>
    (finished[state] ??= (interner.objects[state] as ActorState | undefined)?.status === 'done');
  const hidden = Int32Array.from(actorIds, (_, a) => (hideDone[a] ? 1 : 0));
  const stateOf = (raw: Int32Array, a: number): number => {
    const state = raw[actorBase + a]!;
    return hidden[a] && state >= 0 && isDone(state) ? done : state;
  };

  // How a channel looks from an interchangeable actor at one of its ends.
  const shapeOut: number[] = [];
  const shapeIn: number[] = [];
  const shapes = new Map<string, number>();
  const shapeId = (text: string): number => {
    let id = shapes.get(text);
    if (id === undefined) shapes.set(text, (id = shapes.size));
    return id;
  };
  interner.onChannel((c) => {
    const f = interner.channelFrom[c]!;
    const t = interner.channelTo[c]!;
    const [from = '', to = ''] = (interner.channelNames[c] ?? '').split(':')[0]!.split('->');
    const rest = interner.channelRest[c];
    shapeOut[c] = shapeId(`>${t >= 0 && memberSlot[t]! >= 0 ? '*' : to}${rest}`);
    shapeIn[c] = shapeId(`<${f >= 0 && memberSlot[f]! >= 0 ? '*' : from}${rest}`);
  });

  // What a value or sequence holds with every interchangeable actor's name blanked.
  const blindTexts: number[] = [];
  const blindText = (id: number): number => {
    if (id < 0 || !mentions[id]) return id;
    return (blindTexts[id] ??= interner.text(renamer.rename(texts[id] ?? '', blank)));
  };
  const blindSeqs: number[] = [];
  const blindSeq = (id: number): number => {
    if (!seqMentions[id]) return id;
    return (blindSeqs[id] ??= interner.seq(seqs[id]!.map(blindText)));
  };

  // Renamings, by their code (the sorted order of each class), with their caches.
  const perms = new Map<number, Perm>();
  const permOf = (image: Int32Array): Perm => {
    const names = new Map<ActorId, ActorId>();
    image.forEach((to, from) => {
      if (to !== from) names.set(actorIds[from] ?? '', actorIds[to] ?? '');
    });
    return { image, names, texts: new Map(), seqs: new Map(), channels: new Map() };
  };
  const renameText = (id: number, perm: Perm): number => {
    if (id < 0 || !mentions[id]) return id;
    let out = perm.texts.get(id);
    if (out === undefined) {
      const text = renamer.rename(texts[id] ?? '', (name) => perm.names.get(name) ?? name);
      perm.texts.set(id, (out = interner.text(text)));
    }
    return out;
  };
  const renameSeq = (id: number, perm: Perm): number => {
    if (!seqMentions[id]) return id;
    let out = perm.seqs.get(id);
    if (out === undefined) {
      out = interner.seq(seqs[id]!.map((v) => renameText(v, perm)));
      perm.seqs.set(id, out);
    }
    return out;
  };
  const renameChannel = (c: number, perm: Perm): number => {
    let out = perm.channels.get(c);
    if (out === undefined) {
      const f = interner.channelFrom[c]!;
      const t = interner.channelTo[c]!;
      if (f < 0 || t < 0) out = c;
      else {
        const from = actorIds[perm.image[f]!] ?? '';
        const to = actorIds[perm.image[t]!] ?? '';
        out = interner.channel(`${from}->${to}${interner.channelRest[c]}`);
      }
      perm.channels.set(c, out);
    }
    return out;
  };

  // Scratch: the channels a raw vector uses and their queues; per member, what it holds.
  const used: number[] = [];
  const queues: number[] = [];
  /** How many of `used` and `queues` hold the vector being keyed (kept, not cut, between keys). */
  let usedCount = 0;
  let rows = new Float64Array(16);
  let width = 1;
  const lengths = new Int32Array(members.length);
  const memberActor = Int32Array.from(members, (id) => actorIndex.get(id)!);
  /** Compares what members j and k hold. */
  const compareRows = (j: number, k: number): number => {
    const a = j * width;
    const b = k * width;
    const n = Math.min(lengths[j]!, lengths[k]!);
    for (let i = 0; i < n; i++) if (rows[a + i] !== rows[b + i]) return rows[a + i]! - rows[b + i]!;
    return lengths[j]! - lengths[k]!;
  };
  /** Adds `value` to member k's row, keeping the values after its state sorted. */
  const addPair = (k: number, value: number): void => {
    const start = k * width;
    let i = start + lengths[k]!++;
    while (i > start + 1 && rows[i - 1]! > value) {
      rows[i] = rows[i - 1]!;
      i--;
    }
    rows[i] = value;
  };
  const order: number[] = [];
  /** Members of each class sorted by what they hold; null when already in order. */
  const canonicalPerm = (raw: Int32Array): Perm | null => {
    width = 1 + 2 * interner.channelNames.length;
    if (rows.length < width * members.length) rows = new Float64Array(width * members.length * 2);
    for (let k = 0; k < members.length; k++) {
      rows[k * width] = blindText(stateOf(raw, memberActor[k]!));
      lengths[k] = 1;
    }
    for (let k = 0; k < usedCount; k++) {
      const c = used[k]!;
      const f = interner.channelFrom[c]!;
      const t = interner.channelTo[c]!;
      const fromSlot = f >= 0 ? memberSlot[f]! : -1;
      const toSlot = t >= 0 ? memberSlot[t]! : -1;
      if (fromSlot < 0 && toSlot < 0) continue;
      const seen = blindSeq(queues[k]!);
      if (fromSlot >= 0) addPair(fromSlot, shapeOut[c]! * SHAPE + seen);
      if (toSlot >= 0) addPair(toSlot, shapeIn[c]! * SHAPE + seen);
    }
    let code = 0;
    let moved = false;
    let offset = 0;
    for (const ids of classes) {
      // Insertion sort of the class's members (ties keep their order; `order` is overwritten).
      for (let k = 0; k < ids.length; k++) {
        let i = k;
        while (i > 0 && compareRows(offset + order[i - 1]!, offset + k) > 0) {
          order[i] = order[i - 1]!;
          i--;
        }
        order[i] = k;
      }
      for (let k = 0; k < ids.length; k++) {
        if (order[k] !== k) moved = true;
        code = code * base + order[k]!;
      }
      offset += ids.length;
    }
    if (!moved) return null;
    let perm = perms.get(code);
    if (!perm) {
      const image = Int32Array.from(actorIds, (_, i) => i);
      offset = 0;
      let rest = code;
      const digits: number[] = [];
      for (let k = members.length - 1; k >= 0; k--) {
        digits[k] = rest % base;
        rest = Math.floor(rest / base);
      }
      for (const ids of classes) {
        ids.forEach((_, k) => {
          const from = digits[offset + k]!;
          image[actorIndex.get(ids[from]!)!] = actorIndex.get(ids[k]!)!;
        });
        offset += ids.length;
      }
      perms.set(code, (perm = permOf(image)));
    }
    return perm;
  };

  const canon = (raw: Int32Array): number => {
    usedCount = 0;
    for (let i = channelBase; i < raw.length; i++) {
      if (raw[i] === 0) continue;
      used[usedCount] = i - channelBase;
      queues[usedCount++] = raw[i]!;
    }
    const perm = members.length > 0 ? canonicalPerm(raw) : null;
    let timers = raw[1]!;
    if (perm) {
      for (let k = 0; k < usedCount; k++) {
        queues[k] = renameSeq(queues[k]!, perm);
        used[k] = renameChannel(used[k]!, perm);
      }
      if (timers !== 0) timers = interner.seq(seqs[timers]!.map((t) => renameText(t, perm)));
    }
    if (timers !== 0) timers = interner.seq([...seqs[timers]!].sort((a, b) => a - b));
    const size = channelBase + interner.channelNames.length;
    if (vector.length < size) vector = new Int32Array(size * 2);
    vector.fill(0, 0, size);
    vector[0] = raw[0]!;
    vector[1] = timers;
    for (let i = 2; i < actorBase; i++) vector[i] = raw[i]!;
    for (let a = 0; a < actorIds.length; a++) {
      const state = stateOf(raw, a);
      if (perm) vector[actorBase + perm.image[a]!] = renameText(state, perm);
      else vector[actorBase + a] = state;
    }
    for (let k = 0; k < usedCount; k++) vector[channelBase + used[k]!] = queues[k]!;
    let length = size;
    while (length > 0 && vector[length - 1] === 0) length--;
    return length;
  };

  const raw = (world: World): Int32Array => {
    const channels = Object.keys(world.channels).map((name) => interner.channel(name));
    const out = new Int32Array(channelBase + interner.channelNames.length);
    out[0] = world.clock;
    out[1] = interner.seq(world.timers.map((t) => interner.frozen(t)));
    faultIds.forEach((id, i) => (out[2 + i] = world.faultsUsed[id] ?? 0));
    actorIds.forEach((id, a) => {
      const actor = world.actors[id];
      out[actorBase + a] = actor ? interner.frozen(actor) : -1;
    });
    Object.values(world.channels).forEach((queue, k) => {
      out[channelBase + channels[k]!] = interner.queue(queue);
    });
    return out;
  };

  return {
    raw,
    canon,
    key: (world) => canon(raw(world)),
    get vector() {
      return vector;
    },
  };
}
