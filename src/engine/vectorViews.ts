/**
 * Worlds and step records seen through raw integer vectors, for invariants on the integer core:
 * every part an invariant reads (the clock, the timers, a fault's use, an actor's local state, a
 * channel's queue, the set of busy channels, a field of the step record) is a numbered slot with
 * an integer value, and each first read of a slot is reported, so that an invariant's answer can
 * be kept by the values it read.
 */
import type { ActorState, Message, StepRecord, Timer, World } from './types';
import type { Interner } from './vectorIntern';
import { layoutOf, type Layout } from './vectorKey';

/** Slots of the world after a step start here; record slots after those. */
export const AFTER = 1 << 20;
/** The slot of the set of busy channels of a world (plus AFTER for the world after). */
export const BUSY = AFTER - 1;
export const RECORD = 2 * AFTER;
const RECORD_FIELDS = [
  'index',
  'key',
  'kind',
  'clockBefore',
  'clockAfter',
  'delivered',
  'sent',
  'dropped',
  'timer',
  'fault',
  'changed',
] as const;
type RecordField = (typeof RECORD_FIELDS)[number];
const KINDS: Readonly<Record<StepRecord['kind'], number>> = { deliver: 0, timer: 1, fault: 2 };

/** What a view needs from the search: queues and timer sets by their numbers. */
export interface ViewSource {
  queue(c: number, q: number): readonly Message[];
  timers(q: number): readonly Timer[];
}

/** Reads slots of raw vectors and builds views that report the slots read. */
export interface Views {
  /** The value of `slot` for the step from `before` to `after` (or of the world `before`). */
  value(
    slot: number,
    before: Int32Array,
    after: Int32Array | null,
    record: StepRecord | null,
  ): number;
  /** A world standing for `raw`, as seen from `side` (0, or AFTER), reporting first reads. */
  world(raw: Int32Array, side: number, read: (slot: number) => void): World;
  /** The step record `record`, reporting the fields read. */
  record(record: StepRecord, read: (slot: number) => void): StepRecord;
  readonly layout: Layout;
}

/** Numbers lists of small integers (a trie of maps): equal lists, equal numbers. */
class ListNumbers {
  private readonly root = new Map<number, ListNode>();
  private count = 1;

  of(items: readonly number[]): number {
    if (items.length === 0) return 0;
    let level = this.root;
    let node: ListNode | undefined;
    for (const item of items) {
      node = level.get(item);
      if (!node) level.set(item, (node = { id: this.count++, next: new Map() }));
      level = node.next;
    }
    return node!.id;
  }
}
interface ListNode {
  readonly id: number;
  readonly next: Map<number, ListNode>;
}

/** Returns views over `interner`'s raw vectors for a model laid out as `layout`. */
export function createViews(
  interner: Interner,
  layout: Layout,
  faultIds: readonly string[],
  source: ViewSource,
): Views {
  const { actorBase, channelBase } = layout;
  const { actorIds, actorIndex, objects } = interner;
  const faultIndex = new Map(faultIds.map((id, i) => [id, i]));
  const lists = new ListNumbers();
  const things = new WeakMap<object, number>();
  let thingCount = 1;
  const thing = (x: object | undefined): number => {
    if (x === undefined) return 0;
    let id = things.get(x);
    if (id === undefined) things.set(x, (id = thingCount++));
    return id;
  };
  const texts = new Map<string, number>();
  const textOf = (text: string | undefined): number => {
    if (text === undefined) return -1;
    let id = texts.get(text);
    if (id === undefined) texts.set(text, (id = texts.size));
    return id;
  };
  const busy: number[] = [];
  const busyOf = (raw: Int32Array): number => {
    busy.length = 0;
    for (let i = channelBase; i < raw.length; i++) if (raw[i] !== 0) busy.push(i - channelBase);
    return lists.of(busy);
  };
  const recordValue = (field: RecordField, r: StepRecord): number => {
    switch (field) {
      case 'index':
        return r.index;
      case 'key':
        return textOf(r.key);
      case 'kind':
        return KINDS[r.kind];
      case 'clockBefore':
        return r.clockBefore;
      case 'clockAfter':
        return r.clockAfter;
      case 'delivered':
      case 'sent':
      case 'dropped':
        return lists.of(r[field].map(thing));
      case 'timer':
        return thing(r.timer);
      case 'fault':
        return r.fault === undefined ? -1 : (faultIndex.get(r.fault) ?? -2);
      case 'changed':
        return lists.of(r.changed.map((id) => actorIndex.get(id) ?? -1));
    }
  };
  const value = (
    slot: number,
    before: Int32Array,
    after: Int32Array | null,
    record: StepRecord | null,
  ): number => {
    if (slot >= RECORD) return recordValue(RECORD_FIELDS[slot - RECORD]!, record!);
    const raw = slot >= AFTER ? after! : before;
    const i = slot >= AFTER ? slot - AFTER : slot;
    if (i === BUSY) return busyOf(raw);
    return i < raw.length ? raw[i]! : 0;
  };

  const world = (raw: Int32Array, side: number, read: (slot: number) => void): World => {
    const at = (i: number): number => (read(side + i), i < raw.length ? raw[i]! : 0);
    const actorOf = (id: string | symbol): ActorState | undefined => {
      const a = typeof id === 'string' ? actorIndex.get(id) : undefined;
      return a === undefined ? undefined : (objects[at(actorBase + a)] as ActorState);
    };
    const channelOf = (name: string | symbol): readonly Message[] | undefined => {
      if (typeof name !== 'string' || !name.includes('->')) return undefined;
      const c = interner.channel(name);
      const q = at(channelBase + c);
      return q === 0 ? undefined : source.queue(c, q);
    };
    const busyNames = (): string[] => {
      read(side + BUSY);
      return interner.sortedChannels
        .filter((c) => channelBase + c < raw.length && raw[channelBase + c] !== 0)
        .map((c) => interner.channelNames[c]!);
    };
    const faultOf = (id: string | symbol): number | undefined => {
      const i = typeof id === 'string' ? faultIndex.get(id) : undefined;
      if (i === undefined) return undefined;
      const used = at(2 + i);
      return used === 0 ? undefined : used;
    };
    const usedNames = (): string[] => faultIds.filter((id) => faultOf(id) !== undefined);
    return {
      get clock() {
        return at(0);
      },
      get timers() {
        return source.timers(at(1));
      },
      actors: recordView(actorOf, () => [...actorIds]),
      channels: recordView(channelOf, busyNames),
      faultsUsed: recordView(faultOf, usedNames),
      sent: NO_SENT,
    };
  };

  const record = (r: StepRecord, read: (slot: number) => void): StepRecord => {
    const view = {} as Record<RecordField, unknown>;
    RECORD_FIELDS.forEach((field, k) => {
      Object.defineProperty(view, field, {
        enumerable: field !== 'timer' && field !== 'fault' ? true : r[field] !== undefined,
        get: () => (read(RECORD + k), r[field]),
      });
    });
    return view as unknown as StepRecord;
  };

  return { value, world, record, layout };
}

const NO_SENT: Readonly<Record<string, number>> = Object.freeze({});

/**
 * A read-only record whose entries come from `get` (absent when it gives undefined) and whose
 * keys are `keys()`: a proxy, so that enumerating it reads what it enumerates.
 */
function recordView<T>(
  get: (key: string | symbol) => T | undefined,
  keys: () => string[],
): Readonly<Record<string, T>> {
  return new Proxy({} as Record<string, T>, {
    get: (_, key) => get(key),
    has: (_, key) => get(key) !== undefined,
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_, key) => {
      const value = get(key);
      return value === undefined
        ? undefined
        : { value, enumerable: true, configurable: true, writable: false };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

export { layoutOf };
