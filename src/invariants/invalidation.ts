/**
 * When a writer's invalidation has reached the cache: the version oracle `staleEntryInstalled`
 * uses to tell a stale write from the inherent window between a commit and its own DEL. Pure.
 */
import type { WriterContext } from '../actors/writer';
import { stateName } from '../engine/steps';
import type { World } from '../engine/types';

export interface InvalidationSpec {
  /** The writer actors' ids. */
  readonly writers: readonly string[];
  readonly cache: string;
  /** Writer states before the commit: nothing to invalidate yet. */
  readonly uncommitted: readonly string[];
  /** Writer states in which its invalidation may still be in flight to the cache. */
  readonly sending: readonly string[];
}

/** The writer states of the library's writer actor, as `InvalidationSpec` expects them. */
export const WRITER_STATES = {
  uncommitted: ['updating'],
  sending: ['deleting', 'invalidating', 'writingThrough'],
} as const;

/**
 * Returns, for a world, the newest version whose writer's invalidation has reached the cache:
 * the writer committed, and its first DEL / tombstone / write-through is no longer in its
 * channel. Pure.
 */
export function invalidatedVersion(spec: InvalidationSpec): (world: World) => number {
  const uncommitted = new Set(spec.uncommitted);
  const sending = new Set(spec.sending);
  return (world) => {
    let newest = 0;
    // Only the writers are read: what other actors hold does not bear on the answer.
    for (const id of spec.writers) {
      const actor = world.actors[id];
      if (!actor || uncommitted.has(stateName(actor))) continue;
      const context = actor.context as unknown as WriterContext;
      const inFlight = (world.channels[`${id}->${spec.cache}`]?.length ?? 0) > 0;
      if (sending.has(stateName(actor)) && inFlight) continue;
      newest = Math.max(newest, context.version);
    }
    return newest;
  };
}
