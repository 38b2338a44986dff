/**
 * Fast kernel of the Redis-like cache machine (src/actors/cache.ts) for the load simulation:
 * the same states and plans for GET (hit, lease, miss), WAIT (hit or parked), SET, ADD, CAS
 * (waking the parked), DEL and INVALIDATE, without xstate's interpretation. Must stay equal to the machine (tested on the same
 * schedules). Pure.
 */
import type { TransitionResult } from '../../engine/machines';
import type { ActorState, Json, Plan } from '../../engine/types';
import type { CacheContext, CacheEntry, CacheInput } from '../cache';
import { send, state, stay, type Ev } from './kernel';

type Entries = CacheContext['entries'];

function live(context: CacheContext, key: string, now: number): CacheEntry | null {
  const entry = context.entries[key];
  if (!entry || entry.tombstone) return null;
  if (entry.expiresAt !== null && entry.expiresAt <= now) return null;
  return entry;
}

/** `record` without `key`: the same object when it has no such key (states are never mutated). */
function without<T>(
  record: { readonly [key: string]: T },
  key: string,
): { readonly [key: string]: T } {
  if (!(key in record)) return record;
  const rest: { [key: string]: T } = {};
  for (const name of Object.keys(record)) if (name !== key) rest[name] = record[name] as T;
  return rest;
}

function accepts(context: CacheContext, event: Ev, key: string, now: number): boolean {
  const version = event.version as number;
  switch (event.type) {
    case 'SET':
      return event.lease == null || context.leases[key] === event.lease;
    case 'ADD':
      return live(context, key, now) === null;
    default: {
      const held = context.entries[key];
      if (!held || (held.expiresAt !== null && held.expiresAt <= now)) return true;
      return held.tombstone ? version >= held.version : version > held.version;
    }
  }
}

function next(current: ActorState, context: CacheContext): ActorState {
  return state(current.value as string, context as unknown as Ev);
}

/** The context with `fields` replaced, keeping the parked clients when there are any. */
function withFields(
  context: CacheContext,
  entries: Entries,
  leases: CacheContext['leases'],
  nextLease: number,
  waiters = context.waiters,
): CacheContext {
  return waiters === undefined
    ? { entries, leases, nextLease }
    : { entries, leases, nextLease, waiters };
}

/** The HIT reply with `entry`. */
export function hit(from: string, key: string, entry: CacheEntry): Plan {
  return send(from, 'HIT', { key, value: entry.value, version: entry.version }, true);
}

/** The NOT_STORED reply to a refused write: it names the command, its version and its lease. */
export function refusal(from: string, key: string, event: Ev): Plan {
  const lease = event.type === 'SET' && typeof event.lease === 'number' ? event.lease : null;
  const payload = { key, refused: event.type, version: event.version as number, lease };
  return send(from, 'NOT_STORED', payload, true);
}

/** The entry an accepted SET, ADD or CAS writes at `now`. */
export function written(event: Ev, now: number): CacheEntry {
  const ttl = (event.ttl as number | null | undefined) ?? null;
  return {
    value: event.value as string,
    version: event.version as number,
    expiresAt: ttl === null ? null : now + ttl,
    tombstone: false,
  };
}

/** Returns the cache's initial state for `input`. Pure. */
export function cacheInitial(input: Json): TransitionResult {
  const entries = (input as CacheInput | null)?.entries ?? {};
  const context = { entries, leases: {}, nextLease: 1 };
  return { state: state('up', context as unknown as Ev), plans: [] };
}

/** Returns the cache's state and reply after `event`. Pure. */
export function cacheDeliver(current: ActorState, event: Ev): TransitionResult {
  if (current.status !== 'active') return stay(current);
  const context = current.context as unknown as CacheContext;
  const key = event.key as string;
  const now = event.now as number;
  const from = event.from as string;
  switch (event.type) {
    case 'GET': {
      const entry = live(context, key, now);
      if (entry) return { state: current, plans: [hit(from, key, entry)] };
      if (event.lease === true && context.leases[key] === undefined) {
        const lease = context.nextLease;
        const leases = { ...context.leases, [key]: lease };
        const nextContext = withFields(context, context.entries, leases, lease + 1);
        return {
          state: next(current, nextContext),
          plans: [send(from, 'MISS', { key, lease }, true)],
        };
      }
      const lease = event.lease === true ? -1 : null;
      return { state: current, plans: [send(from, 'MISS', { key, lease }, true)] };
    }
    case 'WAIT': {
      const entry = live(context, key, now);
      if (entry) return { state: current, plans: [hit(from, key, entry)] };
      const waiters = { ...context.waiters, [key]: [...(context.waiters?.[key] ?? []), from] };
      const nextContext = withFields(
        context,
        context.entries,
        context.leases,
        context.nextLease,
        waiters,
      );
      return { state: next(current, nextContext), plans: [] };
    }
    case 'SET':
    case 'ADD':
    case 'CAS': {
      if (!accepts(context, event, key, now)) {
        return { state: current, plans: [refusal(from, key, event)] };
      }
      const entry = written(event, now);
      const entries: Entries = { ...context.entries, [key]: entry };
      const leases = without(context.leases, key);
      const parked = context.waiters?.[key];
      if (!parked || !context.waiters) {
        const nextContext = withFields(context, entries, leases, context.nextLease);
        return { state: next(current, nextContext), plans: [send(from, 'STORED', { key }, true)] };
      }
      // Each parked client hears of the fill, then the writer is answered.
      const payload = { key, value: entry.value, version: entry.version };
      const plans = parked.map((to) => send(to, 'FILLED', payload));
      plans.push(send(from, 'STORED', { key }, true));
      const waiters = without(context.waiters, key);
      const nextContext = withFields(context, entries, leases, context.nextLease, waiters);
      return { state: next(current, nextContext), plans };
    }
    case 'DEL':
    case 'INVALIDATE': {
      const entries: Entries =
        event.type === 'DEL'
          ? without(context.entries, key)
          : {
              ...context.entries,
              [key]: {
                value: '',
                version: Math.max(event.version as number, context.entries[key]?.version ?? 0),
                expiresAt: null,
                tombstone: true,
              },
            };
      const nextContext = withFields(
        context,
        entries,
        without(context.leases, key),
        context.nextLease,
      );
      return { state: next(current, nextContext), plans: [send(from, 'DELETED', { key }, true)] };
    }
    default:
      return stay(current);
  }
}
