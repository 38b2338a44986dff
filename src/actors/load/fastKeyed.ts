/**
 * Per-key stores of the load simulation's cache and database actors for the fast behaviour:
 * a server holds one actor per key, sent commands on that key only, so each key's state is
 * one small record updated in place instead of a new context object per command. Replies are
 * the plans the kernels (fastCache.ts, fastActors.ts) and the machines give, and `state(key)`
 * rebuilds the machine's state (tested against the machines on the same schedules).
 */
import type { KeyedActors } from '../../engine/load/behaviour';
import type { ActorState, Json, Plan } from '../../engine/types';
import type { CacheEntry, CacheInput } from '../cache';
import type { Row } from '../database';
import { NO_PLANS, send, type Ctx, type Ev } from './kernel';

type Entries = { readonly [key: string]: CacheEntry };

/** The entries of a cold cache's input. */
const NONE: Entries = Object.freeze({});
const NONE_ROWS: Rows = Object.freeze({});
type Rows = { readonly [key: string]: Row };

/** Whether `record` has a key other than `key` (most inputs hold their own key only). */
function hasOthers(record: object, key: string): boolean {
  for (const name in record) if (name !== key) return true;
  return false;
}

/** `record` without `key`, as a new object. */
function others<T>(record: { readonly [key: string]: T }, key: string): { [key: string]: T } {
  const rest: { [key: string]: T } = {};
  for (const name of Object.keys(record)) if (name !== key) rest[name] = record[name] as T;
  return rest;
}

/** One key's cache actor: its entry, lease and parked clients (the rest of its input aside). */
class CacheKey {
  /** The entry held for the key (undefined: none). Entries are never mutated. */
  entry: CacheEntry | undefined;
  /** The outstanding lease on the key, if any. */
  lease: number | undefined = undefined;
  nextLease = 1;
  /** Clients parked by WAIT on the key, in order. */
  waiters: string[] | undefined = undefined;
  /** Whether the context has its `waiters` record (from the first WAIT that parked on). */
  parked = false;

  /** The entries of the input for other keys (kept only when there are any). */
  readonly input: Entries;

  constructor(
    readonly key: string,
    input: Entries,
  ) {
    // An input without entries (a cold cache) has nothing for the key: no lookup by a new name.
    this.entry = input === NONE ? undefined : input[key];
    this.input = input !== NONE && hasOthers(input, key) ? input : NONE;
  }

  live(now: number): CacheEntry | undefined {
    const entry = this.entry;
    if (entry === undefined || entry.tombstone) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= now) return undefined;
    return entry;
  }

  /** Whether a SET, ADD or CAS of `event` is accepted at `now`, as the cache machine decides. */
  accepts(event: Ev, now: number): boolean {
    switch (event.type) {
      case 'SET':
        return event.lease == null || this.lease === event.lease;
      case 'ADD':
        return this.live(now) === undefined;
      default: {
        const held = this.entry;
        if (!held || (held.expiresAt !== null && held.expiresAt <= now)) return true;
        const version = event.version as number;
        return held.tombstone ? version >= held.version : version > held.version;
      }
    }
  }

  /** The cache machine's state for this key's actor. */
  state(): ActorState {
    const entries = others(this.input, this.key);
    if (this.entry !== undefined) entries[this.key] = this.entry;
    const leases: { [key: string]: number } = {};
    if (this.lease !== undefined) leases[this.key] = this.lease;
    const waiters: { [key: string]: readonly string[] } = {};
    if (this.waiters !== undefined) waiters[this.key] = [...this.waiters];
    const context = this.parked
      ? { entries, leases, nextLease: this.nextLease, waiters }
      : { entries, leases, nextLease: this.nextLease };
    return { value: 'up', context: context as unknown as Ctx, status: 'active' };
  }
}

const hit = (from: string, key: string, entry: CacheEntry): Plan =>
  send(from, 'HIT', { key, value: entry.value, version: entry.version }, true);

/**
 * Steps key `slot`'s cache actor by `event` at `now`, in place; returns the reply plans (none
 * for a DEL or INVALIDATE whose reply nobody reads).
 */
function cacheCommand(slot: CacheKey, event: Ev, now: number, reply: boolean): readonly Plan[] {
  const key = event.key as string;
  const from = event.from as string;
  switch (event.type) {
    case 'GET': {
      const entry = slot.live(now);
      if (entry) return [hit(from, key, entry)];
      if (event.lease === true && slot.lease === undefined) {
        const lease = slot.nextLease;
        slot.lease = lease;
        slot.nextLease = lease + 1;
        return [send(from, 'MISS', { key, lease }, true)];
      }
      const lease = event.lease === true ? -1 : null;
      return [send(from, 'MISS', { key, lease }, true)];
    }
    case 'WAIT': {
      const entry = slot.live(now);
      if (entry) return [hit(from, key, entry)];
      slot.waiters = slot.waiters === undefined ? [from] : [...slot.waiters, from];
      slot.parked = true;
      return [];
    }
    case 'SET':
    case 'ADD':
    case 'CAS': {
      if (!slot.accepts(event, now)) {
        // The refusal names the command, its version and the lease it presented.
        const lease = event.type === 'SET' && typeof event.lease === 'number' ? event.lease : null;
        const payload = { key, refused: event.type, version: event.version as number, lease };
        return [send(from, 'NOT_STORED', payload, true)];
      }
      const ttl = (event.ttl as number | null | undefined) ?? null;
      const entry: CacheEntry = {
        value: event.value as string,
        version: event.version as number,
        expiresAt: ttl === null ? null : now + ttl,
        tombstone: false,
      };
      slot.entry = entry;
      slot.lease = undefined;
      const parked = slot.waiters;
      if (parked === undefined) return [send(from, 'STORED', { key }, true)];
      // Each parked client hears of the fill, then the writer is answered.
      const payload = { key, value: entry.value, version: entry.version };
      const plans = parked.map((to) => send(to, 'FILLED', payload));
      plans.push(send(from, 'STORED', { key }, true));
      slot.waiters = undefined;
      return plans;
    }
    case 'DEL':
    case 'INVALIDATE': {
      if (event.type === 'DEL') slot.entry = undefined;
      else {
        const version = Math.max(event.version as number, slot.entry?.version ?? 0);
        slot.entry = { value: '', version, expiresAt: null, tombstone: true };
      }
      slot.lease = undefined;
      return reply ? [send(from, 'DELETED', { key }, true)] : NO_PLANS;
    }
    default:
      return NO_PLANS;
  }
}

/** Returns the per-key cache actors made from `input`, stepped in place. */
export function cacheKeys(input: (key: string) => Json): KeyedActors {
  const slots = new Map<string, CacheKey>();
  const slotOf = (key: string): CacheKey => {
    let slot = slots.get(key);
    if (slot === undefined) {
      const entries = (input(key) as CacheInput | null)?.entries ?? NONE;
      slot = new CacheKey(key, entries);
      slots.set(key, slot);
    }
    return slot;
  };
  return {
    deliver: (key, event, now, reply = true) => cacheCommand(slotOf(key), event as Ev, now, reply),
    state: (key) => slots.get(key)?.state(),
  };
}

/** One key's row actor: its row (the rest of its input aside). */
class RowKey {
  row: Row | undefined;
  /** The input's rows of other keys (kept only when there are any). */
  readonly input: Rows;

  constructor(
    readonly key: string,
    input: Rows,
  ) {
    this.row = input[key];
    this.input = hasOthers(input, key) ? input : NONE_ROWS;
  }

  /** The database machine's state for this key's actor. */
  state(): ActorState {
    const rows = others(this.input, this.key);
    if (this.row !== undefined) rows[this.key] = this.row;
    return { value: 'up', context: { rows } as unknown as Ctx, status: 'active' };
  }
}

/** Steps key `slot`'s row actor by `event`, in place; returns the reply plans. */
function rowStatement(slot: RowKey, event: Ev): readonly Plan[] {
  const key = event.key as string;
  const from = event.from as string;
  if (event.type === 'SELECT') {
    const row = slot.row;
    const payload = { key, value: row?.value ?? null, version: row?.version ?? 0 };
    return [send(from, 'ROW', payload, true)];
  }
  if (event.type === 'UPDATE') {
    const version = (slot.row?.version ?? 0) + 1;
    const row = { value: `v${version}`, version };
    slot.row = row;
    return [send(from, 'UPDATED', { key, value: row.value, version }, true)];
  }
  return NO_PLANS;
}

/** Returns the per-key row actors of a database made from `input`, stepped in place. */
export function rowKeys(input: (key: string) => Json): KeyedActors {
  const slots = new Map<string, RowKey>();
  const slotOf = (key: string): RowKey => {
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = new RowKey(key, (input(key) as unknown as { rows: Rows }).rows);
      slots.set(key, slot);
    }
    return slot;
  };
  return {
    deliver: (key, event) => rowStatement(slotOf(key), event as Ev),
    state: (key) => slots.get(key)?.state(),
  };
}
