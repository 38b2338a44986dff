/**
 * Staleness detectors for a cache in front of a database. Pure functions of worlds and steps.
 */
import type { CacheContext, CacheEntry } from '../actors/cache';
import { liveEntry } from '../actors/cache';
import type { DatabaseContext } from '../actors/database';
import type { Invariant, World } from '../engine/types';

export interface CachePair {
  readonly cache: string;
  readonly db: string;
}

function cacheOf(world: World, id: string): CacheContext {
  return world.actors[id]?.context as unknown as CacheContext;
}

function dbOf(world: World, id: string): DatabaseContext {
  return world.actors[id]?.context as unknown as DatabaseContext;
}

/** Returns, per key, the live entry that differs from the database at the world's clock. Pure. */
export function staleEntries(
  world: World,
  pair: CachePair,
): { key: string; entry: CacheEntry; committed: number }[] {
  const cache = cacheOf(world, pair.cache);
  const db = dbOf(world, pair.db);
  const stale = [];
  for (const key of Object.keys(db.rows).sort()) {
    const entry = liveEntry(cache, key, () => world.clock);
    const committed = db.rows[key]?.version ?? 0;
    if (entry && entry.version !== committed) stale.push({ key, entry, committed });
  }
  return stale;
}

/**
 * Compares entries by value: worlds reached along different paths share state objects through
 * memoized transitions, so identity says nothing about whether this step wrote the entry.
 */
function sameEntry(a: CacheEntry, b: CacheEntry | undefined): boolean {
  return (
    b !== undefined &&
    a.value === b.value &&
    a.version === b.version &&
    a.expiresAt === b.expiresAt &&
    a.tombstone === b.tombstone
  );
}

/**
 * A write installs a value older than a version whose invalidation has already reached the
 * cache: the set-after-delete shape (marked at that step). `invalidated` returns, for a world,
 * the newest committed version whose invalidation (DEL, tombstone or write-through) was
 * delivered; the inherent window between a commit and its own invalidation is not a violation.
 */
export function staleEntryInstalled(
  pair: CachePair,
  invalidated: (world: World) => number,
): Invariant {
  return {
    id: 'stale-set',
    title: 'Stale entry installed',
    onStep: ({ before, after, record }) => {
      if (!record.changed.includes(pair.cache)) return null;
      const was = cacheOf(before, pair.cache).entries;
      const now = cacheOf(after, pair.cache).entries;
      const rows = dbOf(after, pair.db).rows;
      for (const key of Object.keys(now).sort()) {
        const entry = now[key];
        if (!entry || entry.tombstone || sameEntry(entry, was[key])) continue;
        const committed = rows[key]?.version ?? 0;
        if (entry.version < committed && entry.version < invalidated(after)) {
          return `stale ${entry.value} installed after v${committed} committed and invalidated`;
        }
      }
      return null;
    },
  };
}

function describeStale(world: World, pair: CachePair, onlyForever: boolean): string | null {
  const stale = staleEntries(world, pair).filter((s) => !onlyForever || s.entry.expiresAt === null);
  const first = stale[0];
  if (!first) return null;
  const base = `cache holds ${first.entry.value} for ${first.key} but the database has v${first.committed}`;
  if (first.entry.expiresAt === null) return `${base}, with no TTL: stale forever`;
  const left = first.entry.expiresAt - world.clock;
  return `${base} until its TTL ends at t=${first.entry.expiresAt} (stale window bounded: ${left} more ticks)`;
}

/** When everything is done, the cache still differs from the database. */
export function staleAtQuiescence(pair: CachePair): Invariant {
  return {
    id: 'stale-at-quiescence',
    title: 'Stale at quiescence',
    atEnd: (world) => describeStale(world, pair, false),
  };
}

/** When everything is done, the cache differs from the database and nothing will ever heal it. */
export function staleForever(pair: CachePair): Invariant {
  return {
    id: 'stale-forever',
    title: 'Stale forever (no TTL)',
    atEnd: (world) => describeStale(world, pair, true),
  };
}
