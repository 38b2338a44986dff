/**
 * Detectors and a measure for an invalidation that never arrives: the writer's DEL is lost, so
 * the cache keeps serving the old value until its TTL ends, or forever without one. Pure
 * functions of worlds and step records; time is the world clock, in ticks.
 */
import { liveEntry, type CacheContext, type CacheEntry } from '../actors/cache';
import type { DatabaseContext } from '../actors/database';
import type { Invariant, StepRecord, World } from '../engine/types';
import type { CachePair } from './staleness';

function cacheOf(world: World, id: string): CacheContext {
  return world.actors[id]?.context as unknown as CacheContext;
}

function committed(world: World, db: string, key: string): number {
  const context = world.actors[db]?.context as unknown as DatabaseContext;
  return context.rows[key]?.version ?? 0;
}

/** Returns the live entry of `key` when it is older than the database's row, else null. Pure. */
export function staleEntry(world: World, pair: CachePair, key: string): CacheEntry | null {
  const entry = liveEntry(cacheOf(world, pair.cache), key, () => world.clock);
  return entry && entry.version < committed(world, pair.db, key) ? entry : null;
}

function until(entry: CacheEntry, now: number): string {
  if (entry.expiresAt === null) return 'with no TTL: stale forever';
  return `stale for ${entry.expiresAt - now} more ticks (until t=${entry.expiresAt}, when its TTL ends)`;
}

/** A DEL of `key` is dropped while the cache holds an older value (marked at the drop). */
export function staleAfterLostDelete(pair: CachePair, key: string): Invariant {
  return {
    id: 'lost-delete-stale',
    title: 'DEL lost: cache left stale',
    onStep: ({ after, record }) => {
      if (!record.dropped.some((m) => m.type === 'DEL' && m.to === pair.cache)) return null;
      const entry = staleEntry(after, pair, key);
      if (!entry) return null;
      const v = committed(after, pair.db, key);
      return `the DEL of ${key} is lost at t=${after.clock}: the cache keeps ${entry.value} while the database has v${v}, ${until(entry, after.clock)}`;
    },
  };
}

/** A reader is served an older value after the invalidation meant to remove it was lost. */
export function staleReadAfterLostDelete(pair: CachePair, faultId: string): Invariant {
  return {
    id: 'stale-read',
    title: 'Reader served stale data',
    onStep: ({ before, after, record }) => {
      if ((before.faultsUsed[faultId] ?? 0) === 0) return null;
      for (const hit of record.sent) {
        if (hit.from !== pair.cache || hit.type !== 'HIT') continue;
        const key = String(hit.payload.key);
        const v = committed(after, pair.db, key);
        if (Number(hit.payload.version) < v) {
          return `${hit.to} is served ${String(hit.payload.value)} at t=${after.clock}, but v${v} was committed and its DEL lost`;
        }
      }
      return null;
    },
  };
}

/** How long the cache served a value older than the database, over one run. */
export interface StaleWindow {
  /** Tick at which the entry first became stale (the newer version committed); null if never. */
  readonly from: number | null;
  /** Tick at which it stopped (TTL end or removal); null when it never stops. */
  readonly until: number | null;
  /** What ended it: the TTL, a removal or overwrite, or nothing. */
  readonly end: 'ttl' | 'removed' | 'never' | null;
}

/**
 * Returns the first stale window of `key` in a run: from the step that made the cached entry
 * older than the database to the tick its TTL ends or the step that replaced it. Still stale at
 * the last world with a TTL: it ends at expiry; without one it never ends. Pure.
 */
export function staleWindow(
  worlds: readonly World[],
  records: readonly StepRecord[],
  pair: CachePair,
  key: string,
): StaleWindow {
  let from: number | null = null;
  let previous: CacheEntry | null = null;
  for (let i = 1; i < worlds.length; i++) {
    const world = worlds[i] as World;
    const entry = staleEntry(world, pair, key);
    if (from === null) {
      if (entry) from = records[i - 1]?.clockAfter ?? world.clock;
    } else if (!entry && previous) {
      const expired = previous.expiresAt !== null && previous.expiresAt <= world.clock;
      const end = expired ? (previous.expiresAt as number) : world.clock;
      return { from, until: end, end: expired ? 'ttl' : 'removed' };
    }
    previous = entry;
  }
  if (from === null || !previous) return { from: null, until: null, end: null };
  return previous.expiresAt === null
    ? { from, until: null, end: 'never' }
    : { from, until: previous.expiresAt, end: 'ttl' };
}
