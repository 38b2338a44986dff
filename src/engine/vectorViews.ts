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
import { empty } from './vectorQueues';

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

/**
 * Numbers lists of small integers (a trie of maps): equal lists, equal numbers. A list is given
 * whole (`of`), or item by item (`begin`, `add`…, `end`), so that no list need be made.
 */
class ListNumbers {
  private readonly root = new Map<number, ListNode>();
  private count = 1;
  private level = this.root;
  private node: ListNode | undefined;

  of(items: readonly number[]): number {
    this.begin();
    for (const item of items) this.add(item);
    return this.end();
  }

  begin(): void {
    this.level = this.root;
    this.node = undefined;
  }

  add(item: number): void {
    let node = this.level.get(item);
    if (!node) this.level.set(item, (node = { id: this.count++, next: new Map() }));
    this.node = node;
    this.level = node.next;
  }

  /** The number of the list given since `begin` (0 for the empty list). */
  end(): number {
    return this.node ? this.node.id : 0;
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
  return new VectorViews(interner, layout, faultIds, source);
}

/**
 * The views of one search: a class with its numbering in fields (no closures made per search),
 * so that the code compiled for one search's reads is kept for the next.
 */
class VectorViews implements Views {
  private readonly faultIndex: Map<string, number>;
  private readonly lists = new ListNumbers();
  private readonly things = new WeakMap<object, number>();
  private thingCount = 1;
  private readonly texts = new Map<string, number>();
  private readonly busy: number[] = [];
  private readonly shared: Shared;

  constructor(
    private readonly interner: Interner,
    readonly layout: Layout,
    faultIds: readonly string[],
    private readonly source: ViewSource,
  ) {
    this.faultIndex = new Map(faultIds.map((id, i) => [id, i]));
    const { actorBase, channelBase } = layout;
    const faultIndex = this.faultIndex;
    this.shared = { interner, source, actorBase, channelBase, faultIds, faultIndex };
  }

  private thing(x: object | undefined): number {
    if (x === undefined) return 0;
    let id = this.things.get(x);
    if (id === undefined) this.things.set(x, (id = this.thingCount++));
    return id;
  }

  private textOf(text: string | undefined): number {
    if (text === undefined) return -1;
    let id = this.texts.get(text);
    if (id === undefined) this.texts.set(text, (id = this.texts.size));
    return id;
  }

  private busyOf(raw: Int32Array): number {
    const { busy } = this;
    const channelBase = this.layout.channelBase;
    empty(busy);
    for (let i = channelBase; i < raw.length; i++) if (raw[i] !== 0) busy.push(i - channelBase);
    return this.lists.of(busy);
  }

  private recordValue(field: RecordField, r: StepRecord): number {
    switch (field) {
      case 'index':
        return r.index;
      case 'key':
        return this.textOf(r.key);
      case 'kind':
        return KINDS[r.kind];
      case 'clockBefore':
        return r.clockBefore;
      case 'clockAfter':
        return r.clockAfter;
      case 'delivered':
      case 'sent':
      case 'dropped': {
        const { lists } = this;
        const items = r[field];
        lists.begin();
        for (let k = 0; k < items.length; k++) lists.add(this.thing(items[k]));
        return lists.end();
      }
      case 'timer':
        return this.thing(r.timer);
      case 'fault':
        return r.fault === undefined ? -1 : (this.faultIndex.get(r.fault) ?? -2);
      case 'changed': {
        const { lists } = this;
        const actorIndex = this.interner.actorIndex;
        lists.begin();
        for (let k = 0; k < r.changed.length; k++) lists.add(actorIndex.get(r.changed[k]!) ?? -1);
        return lists.end();
      }
    }
  }

  value(
    slot: number,
    before: Int32Array,
    after: Int32Array | null,
    record: StepRecord | null,
  ): number {
    if (slot >= RECORD) return this.recordValue(RECORD_FIELDS[slot - RECORD]!, record!);
    const raw = slot >= AFTER ? after! : before;
    const i = slot >= AFTER ? slot - AFTER : slot;
    if (i === BUSY) return this.busyOf(raw);
    return i < raw.length ? raw[i]! : 0;
  }

  // Views are made of class instances and proxies with shared traps: a new path's evaluation
  // makes no closures (each view still stands for its own copies, should an invariant keep it).
  world(raw: Int32Array, side: number, read: (slot: number) => void): World {
    const reader = new WorldReader(this.shared, raw, side, read);
    const source = this.source;
    return {
      get clock() {
        return reader.at(0);
      },
      get timers() {
        return source.timers(reader.at(1));
      },
      actors: new Proxy({}, new ActorEntries(reader)),
      channels: new Proxy({}, new ChannelEntries(reader)),
      faultsUsed: new Proxy({}, new FaultEntries(reader)),
      sent: NO_SENT,
    };
  }

  record(r: StepRecord, read: (slot: number) => void): StepRecord {
    return new Proxy({}, new RecordEntries(r, read)) as unknown as StepRecord;
  }
}

const NO_SENT: Readonly<Record<string, number>> = Object.freeze({});

/** What every view of one search shares. */
interface Shared {
  readonly interner: Interner;
  readonly source: ViewSource;
  readonly actorBase: number;
  readonly channelBase: number;
  readonly faultIds: readonly string[];
  readonly faultIndex: ReadonlyMap<string, number>;
}

/** Reads one world's vector for one evaluation, reporting each slot read. */
class WorldReader {
  constructor(
    readonly shared: Shared,
    readonly raw: Int32Array,
    readonly side: number,
    readonly read: (slot: number) => void,
  ) {}

  at(i: number): number {
    this.read(this.side + i);
    return i < this.raw.length ? this.raw[i]! : 0;
  }

  actor(id: string | symbol): ActorState | undefined {
    const { interner, actorBase } = this.shared;
    const a = typeof id === 'string' ? interner.actorIndex.get(id) : undefined;
    return a === undefined ? undefined : (interner.objects[this.at(actorBase + a)] as ActorState);
  }

  channel(name: string | symbol): readonly Message[] | undefined {
    if (typeof name !== 'string' || !name.includes('->')) return undefined;
    const c = this.shared.interner.channel(name);
    const q = this.at(this.shared.channelBase + c);
    return q === 0 ? undefined : this.shared.source.queue(c, q);
  }

  busyNames(): string[] {
    const { interner, channelBase } = this.shared;
    const raw = this.raw;
    this.read(this.side + BUSY);
    return interner.sortedChannels
      .filter((c) => channelBase + c < raw.length && raw[channelBase + c] !== 0)
      .map((c) => interner.channelNames[c]!);
  }

  fault(id: string | symbol): number | undefined {
    const i = typeof id === 'string' ? this.shared.faultIndex.get(id) : undefined;
    if (i === undefined) return undefined;
    const used = this.at(2 + i);
    return used === 0 ? undefined : used;
  }

  usedNames(): string[] {
    return this.shared.faultIds.filter((id) => this.fault(id) !== undefined);
  }
}

/** Traps that refuse every write. */
class ReadOnly {
  set(): boolean {
    return false;
  }
  defineProperty(): boolean {
    return false;
  }
  deleteProperty(): boolean {
    return false;
  }
}

/**
 * The traps of a read-only record whose entries come from `entry` (absent when it gives
 * undefined) and whose keys are `names()`: a proxy, so that enumerating it reads what it
 * enumerates.
 */
abstract class Entries<T> extends ReadOnly implements ProxyHandler<Record<string, T>> {
  constructor(readonly reader: WorldReader) {
    super();
  }
  abstract entry(key: string | symbol): T | undefined;
  abstract names(): string[];
  get(_: object, key: string | symbol): T | undefined {
    return this.entry(key);
  }
  has(_: object, key: string | symbol): boolean {
    return this.entry(key) !== undefined;
  }
  ownKeys(): string[] {
    return this.names();
  }
  getOwnPropertyDescriptor(_: object, key: string | symbol): PropertyDescriptor | undefined {
    const value = this.entry(key);
    return value === undefined
      ? undefined
      : { value, enumerable: true, configurable: true, writable: false };
  }
}

class ActorEntries extends Entries<ActorState> {
  entry(key: string | symbol): ActorState | undefined {
    return this.reader.actor(key);
  }
  names(): string[] {
    return [...this.reader.shared.interner.actorIds];
  }
}

class ChannelEntries extends Entries<readonly Message[]> {
  entry(key: string | symbol): readonly Message[] | undefined {
    return this.reader.channel(key);
  }
  names(): string[] {
    return this.reader.busyNames();
  }
}

class FaultEntries extends Entries<number> {
  entry(key: string | symbol): number | undefined {
    return this.reader.fault(key);
  }
  names(): string[] {
    return this.reader.usedNames();
  }
}

const FIELD_INDEX = new Map<string | symbol, number>(RECORD_FIELDS.map((f, k) => [f, k]));

/**
 * The traps of a step record's view: each field read is reported (the optional `timer` and
 * `fault` are enumerable only when set); anything else is the plain object's.
 */
class RecordEntries extends ReadOnly implements ProxyHandler<object> {
  constructor(
    readonly r: StepRecord,
    readonly read: (slot: number) => void,
  ) {
    super();
  }
  get(target: object, key: string | symbol): unknown {
    const k = FIELD_INDEX.get(key);
    if (k === undefined) return Reflect.get(target, key);
    this.read(RECORD + k);
    return this.r[key as RecordField];
  }
  has(target: object, key: string | symbol): boolean {
    return FIELD_INDEX.has(key) || Reflect.has(target, key);
  }
  ownKeys(): string[] {
    return [...RECORD_FIELDS];
  }
  getOwnPropertyDescriptor(target: object, key: string | symbol): PropertyDescriptor | undefined {
    if (!FIELD_INDEX.has(key)) return undefined;
    const field = key as RecordField;
    const enumerable = field !== 'timer' && field !== 'fault' ? true : this.r[field] !== undefined;
    return { get: () => this.get(target, key), enumerable, configurable: true };
  }
}

export { layoutOf };
