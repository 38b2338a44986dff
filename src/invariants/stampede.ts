/**
 * Detectors for a cache stampede on one hot key: more than one origin fetch for one expiry
 * (the harm), and as diagnostics a reader missing while another is already refreshing the key
 * (the stampede window opened) and a value served past its freshness (stale-while-revalidate
 * by design). Pure functions of worlds and steps.
 */
import type { HotReaderContext } from '../actors/hotReader';
import type { Invariant, World } from '../engine/types';

/** A reader of the hot key, with its display label. */
export interface HotReaderRef {
  readonly id: string;
  readonly label: string;
}

/** States of a hot reader that is refreshing the key (it missed or found it stale). */
const REFRESHING = new Set(['locking', 'rechecking', 'waiting', 'selecting', 'filling']);

/**
 * Returns the readers whose SELECT has reached the database: it answered (the reader holds the
 * row), or the reader is selecting and its SELECT is no longer in flight. Read from states and
 * channel contents only, as the explorer's de-duplication keeps nothing else. Pure.
 */
export function originFetches(
  world: World,
  readers: readonly HotReaderRef[],
  db: string,
): HotReaderRef[] {
  return readers.filter((reader) => {
    const actor = world.actors[reader.id];
    if ((actor?.context as unknown as HotReaderContext | undefined)?.value != null) return true;
    // A hot reader sends the database nothing but its one SELECT.
    return actor?.value === 'selecting' && !world.channels[`${reader.id}->${db}`]?.length;
  });
}

/** Returns `a`, `a and b`, `a, b and c`. Pure. */
function all(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A second SELECT of the key reached the database in a run with one expiry (marked at that
 * step): the origin did the same work twice. The models' fills live far longer than any run,
 * so every fetch of a run answers the same expiry.
 */
export function originStampede(
  readers: readonly HotReaderRef[],
  db: string,
  key: string,
): Invariant {
  return {
    id: 'origin-stampede',
    title: 'More than one origin fetch for one expiry',
    onStep: ({ before, after }) => {
      const was = originFetches(before, readers, db).length;
      const now = originFetches(after, readers, db);
      if (was >= 2 || now.length < 2) return null;
      const who = all(now.map((r) => r.label));
      return `${now.length} SELECTs of ${key} reached the database for one expiry (${who}): the origin does the same work again`;
    },
  };
}

function contextOf(world: World, id: string): HotReaderContext | null {
  return (world.actors[id]?.context as unknown as HotReaderContext | undefined) ?? null;
}

/**
 * A reader's GET missed the expired key while another reader, which missed it too, had not yet
 * refilled it (marked at that miss): the stampede window is open.
 */
export function concurrentMiss(readers: readonly HotReaderRef[], key: string): Invariant {
  return {
    id: 'concurrent-miss',
    title: 'A second reader missed the expired key',
    onStep: ({ before, after, record }) => {
      for (const miss of record.delivered) {
        if (miss.type !== 'MISS' || before.actors[miss.to]?.value !== 'getting') continue;
        const reader = readers.find((r) => r.id === miss.to);
        const busy = readers.find(
          (r) => r.id !== miss.to && REFRESHING.has(String(after.actors[r.id]?.value)),
        );
        if (reader && busy)
          return `${reader.label} also missed ${key} before ${busy.label} could refill it: the stampede window is open`;
      }
      return null;
    },
  };
}

/** A reader was answered with the value past its freshness (stale-while-revalidate's hit). */
export function staleServed(readers: readonly HotReaderRef[], key: string): Invariant {
  return {
    id: 'stale-served',
    title: 'A value past its freshness was served',
    onStep: ({ before, after }) => {
      for (const reader of readers) {
        const was = before.actors[reader.id];
        const now = after.actors[reader.id];
        if (was?.value !== 'getting' || now?.value !== 'locking') continue;
        const result = contextOf(after, reader.id)?.result;
        if (result != null)
          return `${reader.label} was served ${result} for ${key} past its freshness: it returns at once and tries to refresh it behind`;
      }
      return null;
    },
  };
}
