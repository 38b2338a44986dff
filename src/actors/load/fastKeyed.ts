/**
 * Per-key stores of the load simulation's cache and database actors for the fast behaviour:
 * a server holds one actor per key, sent commands on that key only, so each key's state is a
 * few slots of arrays by key number, updated in place (no object per key, no context object
 * per command). Replies are
 * the plans the kernels (fastCache.ts, fastActors.ts) and the machines give, and `state(key)`
 * rebuilds the machine's state (tested against the machines on the same schedules).
 */
import type { KeyedActors, KeyedInput } from '../../engine/load/behaviour';
import type { MachineEvent } from '../../engine/machines';
import type { ActorState, Json, Plan } from '../../engine/types';
import type { CacheEntry, CacheInput } from '../cache';
import type { Row } from '../database';
import { refusal } from './fastCache';
import { NO_PLANS, send, type Ctx, type Ev } from './kernel';

type Entries = { readonly [key: string]: CacheEntry };
type Rows = { readonly [key: string]: Row };

/** Whether `record` has a key other than `key` (most inputs hold their own key only). */
function hasOthers(record: object, key: string): boolean {
  for (const name in record) if (name !== key) return true;
  return false;
}

/** `record` without `key`, as a new object. */
function others<T>(
  record: { readonly [key: string]: T } | undefined,
  key: string,
): { [key: string]: T } {
  const rest: { [key: string]: T } = {};
  if (record)
    for (const name of Object.keys(record)) if (name !== key) rest[name] = record[name] as T;
  return rest;
}

/** A key's record in the machine's shape: its input's other keys, then its own part if any. */
function record<T>(
  key: string,
  own: T | undefined,
  input: { readonly [key: string]: T } | undefined,
): { [key: string]: T } {
  const rest = others(input, key);
  if (own !== undefined) rest[key] = own;
  return rest;
}

/** Returns `array` with room for index `id` (doubled when full). */
function room<T extends Float64Array | Uint8Array>(
  array: T,
  id: number,
  make: (n: number) => T,
): T {
  if (id < array.length) return array;
  const grown = make(Math.max(id + 1, array.length * 2));
  grown.set(array);
  return grown;
}

// Module-level, not made per key: a closure per call is an allocation (and a name to set).
const float64s = (n: number): Float64Array<ArrayBuffer> => new Float64Array(n);
const bytes = (n: number): Uint8Array<ArrayBuffer> => new Uint8Array(n);
const entriesOf = (input: Json): Entries | undefined => (input as CacheInput | null)?.entries;
const rowsOf = (input: Json): Rows => (input as unknown as { rows: Rows }).rows;

/**
 * Starts key number `id` named `key` in a store: names it, and returns its own part (an entry
 * or a row) from `start.own`, else from its input's record `of(input)`, keeping that record
 * aside in `inputs` when it holds other keys too. An input without the record (a cold cache)
 * has nothing for the key: no lookup by a new name.
 */
function begin<T>(
  start: KeyedInput,
  id: number,
  key: string,
  names: string[],
  of: (input: Json) => { readonly [key: string]: T } | undefined,
  inputs: Map<number, { readonly [key: string]: T }>,
): T | undefined {
  while (names.length <= id) names.push('');
  names[id] = key;
  if (start.own) return (start.own(key) ?? undefined) as T | undefined;
  const record = of(start.input(key));
  if (record === undefined) return undefined;
  if (hasOthers(record, key)) inputs.set(id, record);
  return record[key];
}

const TOUCHED = 1;
/** The context has its `waiters` record (from the first WAIT that parked on the key). */
const PARKED = 2;
/** The key holds an entry (its value, version and expiry are set). */
const HELD = 4;
/** The entry held is a tombstone. */
const TOMBSTONE = 8;

/**
 * A cache server's per-key actors: by key number, each key's entry field by field (value,
 * version, expiry; Infinity for none), outstanding lease, leases issued and parked clients;
 * the input's entries of other keys are kept aside for the few keys whose input has any.
 */
class CacheStore implements KeyedActors {
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private versions = new Float64Array(1024);
  /** When each key's entry expires (Infinity: never, an entry without TTL). */
  private expiries = new Float64Array(1024);
  /** The outstanding lease of each key (NaN: none, which no presented lease equals). */
  private leases = new Float64Array(1024);
  /** How many leases each key has issued (its next lease is one more). */
  private issued = new Float64Array(1024);
  private flags = new Uint8Array(1024);
  private readonly waiters = new Map<number, readonly string[]>();
  private readonly inputs = new Map<number, Entries>();

  constructor(private readonly start: KeyedInput) {}

  /** Starts key number `id` named `key` from its input. */
  private touch(id: number, key: string): void {
    this.versions = room(this.versions, id, float64s);
    this.expiries = room(this.expiries, id, float64s);
    this.leases = room(this.leases, id, float64s);
    this.issued = room(this.issued, id, float64s);
    this.flags = room(this.flags, id, bytes);
    this.flags[id] = TOUCHED;
    this.leases[id] = NaN;
    while (this.values.length <= id) this.values.push('');
    const entry = begin(this.start, id, key, this.names, entriesOf, this.inputs);
    if (entry !== undefined) {
      this.hold(id, entry.value, entry.version, entry.expiresAt ?? Infinity, entry.tombstone);
    }
  }

  /** Sets key `id`'s entry. */
  private hold(id: number, value: string, version: number, expiry: number, tomb: boolean): void {
    this.values[id] = value;
    this.versions[id] = version;
    this.expiries[id] = expiry;
    const flags = (this.flags[id] as number) | HELD;
    this.flags[id] = tomb ? flags | TOMBSTONE : flags & ~TOMBSTONE;
  }

  /** Whether key `id` holds an entry that is live at `now` (not a tombstone, not expired). */
  private live(id: number, now: number): boolean {
    return ((this.flags[id] as number) & (HELD | TOMBSTONE)) === HELD && this.expiries[id]! > now;
  }

  /** The HIT reply with key `id`'s entry. */
  private hit(id: number, from: string, key: string): Plan {
    const payload = { key, value: this.values[id] as string, version: this.versions[id] as number };
    return send(from, 'HIT', payload, true);
  }

  /** Whether a SET, ADD or CAS of `event` on key `id` is accepted at `now`, as the machine decides. */
  private accepts(id: number, event: Ev, now: number): boolean {
    switch (event.type) {
      case 'SET':
        return event.lease == null || this.leases[id] === event.lease;
      case 'ADD':
        return !this.live(id, now);
      default: {
        const flags = this.flags[id] as number;
        if (!(flags & HELD) || this.expiries[id]! <= now) return true;
        const version = event.version as number;
        const held = this.versions[id] as number;
        return flags & TOMBSTONE ? version >= held : version > held;
      }
    }
  }

  /**
   * Steps key `id`'s actor by `event` at `now`, in place; returns the reply plans (none for a
   * DEL or INVALIDATE whose reply nobody reads).
   */
  deliver(
    id: number,
    name: string,
    command: MachineEvent,
    now: number,
    reply = true,
  ): readonly Plan[] {
    if (id >= this.flags.length || this.flags[id] === 0) this.touch(id, name);
    const event = command as Ev;
    const key = event.key as string;
    const from = event.from as string;
    switch (event.type) {
      case 'GET': {
        if (this.live(id, now)) return [this.hit(id, from, key)];
        if (event.lease === true && Number.isNaN(this.leases[id])) {
          const lease = (this.issued[id] as number) + 1;
          this.leases[id] = lease;
          this.issued[id] = lease;
          return [send(from, 'MISS', { key, lease }, true)];
        }
        const lease = event.lease === true ? -1 : null;
        return [send(from, 'MISS', { key, lease }, true)];
      }
      case 'WAIT': {
        if (this.live(id, now)) return [this.hit(id, from, key)];
        this.waiters.set(id, [...(this.waiters.get(id) ?? []), from]);
        this.flags[id] = (this.flags[id] as number) | PARKED;
        return [];
      }
      case 'SET':
      case 'ADD':
      case 'CAS': {
        if (!this.accepts(id, event, now)) {
          return [refusal(from, key, event)];
        }
        const ttl = (event.ttl as number | null | undefined) ?? null;
        const value = event.value as string;
        const version = event.version as number;
        this.hold(id, value, version, ttl === null ? Infinity : now + ttl, false);
        this.leases[id] = NaN;
        const parked = this.waiters.get(id);
        if (parked === undefined) return [send(from, 'STORED', { key }, true)];
        // Each parked client hears of the fill, then the writer is answered.
        const payload = { key, value, version };
        const plans = parked.map((to) => send(to, 'FILLED', payload));
        plans.push(send(from, 'STORED', { key }, true));
        this.waiters.delete(id);
        return plans;
      }
      case 'DEL':
      case 'INVALIDATE': {
        if (event.type === 'DEL') {
          this.flags[id] = (this.flags[id] as number) & ~(HELD | TOMBSTONE);
        } else {
          const held = (this.flags[id] as number) & HELD ? (this.versions[id] as number) : 0;
          this.hold(id, '', Math.max(event.version as number, held), Infinity, true);
        }
        this.leases[id] = NaN;
        return reply ? [send(from, 'DELETED', { key }, true)] : NO_PLANS;
      }
      default:
        return NO_PLANS;
    }
  }

  /** Key `id`'s entry in the machine's shape, if it holds one. */
  private entry(id: number): CacheEntry | undefined {
    const flags = this.flags[id] as number;
    if (!(flags & HELD)) return undefined;
    const expiry = this.expiries[id] as number;
    return {
      value: this.values[id] as string,
      version: this.versions[id] as number,
      expiresAt: expiry === Infinity ? null : expiry,
      tombstone: (flags & TOMBSTONE) !== 0,
    };
  }

  /** The cache machine's state for key `id`'s actor. */
  state(id: number): ActorState | undefined {
    if (id >= this.flags.length || this.flags[id] === 0) return undefined;
    const key = this.names[id] as string;
    const entries = record(key, this.entry(id), this.inputs.get(id));
    const leases: { [key: string]: number } = {};
    const lease = this.leases[id] as number;
    if (!Number.isNaN(lease)) leases[key] = lease;
    const nextLease = (this.issued[id] as number) + 1;
    const parked = this.waiters.get(id);
    const context =
      (this.flags[id] as number) & PARKED
        ? { entries, leases, nextLease, waiters: parked ? { [key]: [...parked] } : {} }
        : { entries, leases, nextLease };
    return { value: 'up', context: context as unknown as Ctx, status: 'active' };
  }
}

/** Returns the per-key cache actors started from `start`, stepped in place. */
export function cacheKeys(start: KeyedInput): KeyedActors {
  return new CacheStore(start);
}

/**
 * A database's per-key row actors: by key number, each key's row (rows are never mutated);
 * the input's rows of other keys are kept aside for the few keys whose input has any.
 */
class RowStore implements KeyedActors {
  private readonly names: string[] = [];
  private readonly rows: (Row | undefined)[] = [];
  private touched = new Uint8Array(1024);
  private readonly inputs = new Map<number, Rows>();

  constructor(private readonly start: KeyedInput) {}

  private touch(id: number, key: string): void {
    this.touched = room(this.touched, id, bytes);
    this.touched[id] = 1;
    while (this.rows.length <= id) this.rows.push(undefined);
    this.rows[id] = begin(this.start, id, key, this.names, rowsOf, this.inputs);
  }

  /** Steps key `id`'s row actor by `event`, in place; returns the reply plans. */
  deliver(id: number, name: string, statement: MachineEvent): readonly Plan[] {
    if (id >= this.touched.length || this.touched[id] === 0) this.touch(id, name);
    const event = statement as Ev;
    const key = event.key as string;
    const from = event.from as string;
    if (event.type === 'SELECT') {
      const row = this.rows[id];
      const payload = { key, value: row?.value ?? null, version: row?.version ?? 0 };
      return [send(from, 'ROW', payload, true)];
    }
    if (event.type === 'UPDATE') {
      const version = (this.rows[id]?.version ?? 0) + 1;
      const row = { value: `v${version}`, version };
      this.rows[id] = row;
      return [send(from, 'UPDATED', { key, value: row.value, version }, true)];
    }
    return NO_PLANS;
  }

  /** The database machine's state for key `id`'s actor. */
  state(id: number): ActorState | undefined {
    if (id >= this.touched.length || this.touched[id] === 0) return undefined;
    const rows = record(this.names[id] as string, this.rows[id], this.inputs.get(id));
    return { value: 'up', context: { rows } as unknown as Ctx, status: 'active' };
  }
}

/** Returns the per-key row actors of a database started from `start`, stepped in place. */
export function rowKeys(start: KeyedInput): KeyedActors {
  return new RowStore(start);
}
