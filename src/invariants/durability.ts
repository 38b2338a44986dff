/**
 * Durability detectors: a write a client was told is saved must reach the database, even when
 * the node that acknowledged it dies first. Pure functions of worlds and step records.
 */
import type { DurableLogContext } from '../actors/durableLog';
import type { RecordStoreContext } from '../actors/recordStore';
import type { WriteClientContext } from '../actors/writeClient';
import type { Invariant, World } from '../engine/types';

export interface DurabilityIds {
  readonly clients: readonly string[];
  readonly cache: string;
  readonly db: string;
  /** The durable log, when the model has one. */
  readonly log: string | null;
}

function clientOf(world: World, id: string): WriteClientContext | null {
  return (world.actors[id]?.context as unknown as WriteClientContext | undefined) ?? null;
}

function stored(world: World, db: string, key: string): number {
  const context = world.actors[db]?.context as unknown as RecordStoreContext;
  return context.rows[key]?.version ?? 0;
}

/** Whether a PUT of `version` (or newer) is already on its way to the database. */
function flushing(world: World, ids: DurabilityIds, key: string, version: number): boolean {
  return (world.channels[`${ids.cache}->${ids.db}`] ?? []).some(
    (m) => m.type === 'PUT' && m.payload.key === key && Number(m.payload.version) >= version,
  );
}

function logged(world: World, log: string | null, key: string, version: number): boolean {
  if (log === null) return false;
  const context = world.actors[log]?.context as unknown as DurableLogContext;
  return context.entries.some((e) => e.key === key && e.version >= version);
}

/** Acknowledged: the client has the ACK, or the node sent it and it is on its way. */
function acknowledged(world: World, ids: DurabilityIds, client: string): boolean {
  if (clientOf(world, client)?.ackedAt != null) return true;
  return (world.channels[`${ids.cache}->${client}`] ?? []).some((m) => m.type === 'ACK');
}

/**
 * The node crashes while an acknowledged write is only in its memory: not in the database, not
 * on its way there, not in a durable log. Nothing can bring it back (marked at the crash).
 */
export function ackedWriteLostAtCrash(ids: DurabilityIds): Invariant {
  return {
    id: 'acked-write-lost',
    title: 'Acknowledged write lost in the crash',
    onStep: ({ after, record }) => {
      if (record.kind !== 'fault' || !record.changed.includes(ids.cache)) return null;
      if (after.actors[ids.cache]?.value !== 'down') return null;
      for (const id of ids.clients) {
        const c = clientOf(after, id);
        if (!c || !acknowledged(after, ids, id)) continue;
        if (stored(after, ids.db, c.key) >= c.version) continue;
        if (flushing(after, ids, c.key, c.version)) continue;
        if (logged(after, ids.log, c.key, c.version)) continue;
        return `the node dies at t=${after.clock} with ${c.value} of ${c.key} only in its memory: ${id} was told it is saved, and it is gone`;
      }
      return null;
    },
  };
}

/** At quiescence the database lacks a write whose client got an ACK. */
export function ackedWriteMissing(ids: DurabilityIds): Invariant {
  return {
    id: 'acked-write-missing',
    title: 'Database lacks an acknowledged write',
    atEnd: (world) => {
      for (const id of ids.clients) {
        const c = clientOf(world, id);
        if (!c || c.ackedAt === null) continue;
        const v = stored(world, ids.db, c.key);
        if (v < c.version) {
          return `${id} was told ${c.value} of ${c.key} was saved at t=${c.ackedAt}, but the database still has v${v}`;
        }
      }
      return null;
    },
  };
}
