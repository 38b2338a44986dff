/**
 * Detectors for a proxy's metadata cache of EXPLAIN verdicts going stale against the schema:
 * the CREATE CACHE retry loop that would never end (the incident's harm), and as diagnostics a
 * stale "supported" stored and a stale verdict still trusted when all is done. Pure functions
 * of worlds and steps.
 */
import type { DatabaseContext } from '../actors/database';
import { storedVerdict, type ProxyContext } from '../actors/proxy';
import type { SidecarContext } from '../actors/sidecar';
import type { Invariant, World } from '../engine/types';

export interface VerdictParties {
  readonly proxy: string;
  readonly sidecar: string;
  readonly db: string;
}

function contextOf<T>(world: World, id: string): T {
  return world.actors[id]?.context as unknown as T;
}

/**
 * The proxy stores "supported" for a query whose table the sidecar has already dropped: the
 * set-after-delete shape, marked at the storing step. The window between the DROP reaching the
 * database and the sidecar applying it is not counted: no one could know yet.
 */
export function staleVerdictStored(parties: VerdictParties): Invariant {
  return {
    id: 'stale-verdict-stored',
    title: 'Stale verdict stored',
    onStep: ({ after, record }) => {
      // Judged by the STORE delivered in this step, not by object identity: worlds reached by
      // different paths share states but not their objects.
      const store = record.delivered.find(
        (m) => m.to === parties.proxy && m.type === 'STORE_VERDICT',
      );
      if (store?.payload['verdict'] !== 'supported') return null;
      const proxy = contextOf<ProxyContext>(after, parties.proxy);
      const now = storedVerdict(proxy);
      if (now?.verdict !== 'supported' || now.epoch !== store.payload['epoch']) return null;
      const sidecar = contextOf<SidecarContext>(after, parties.sidecar);
      if (sidecar.tables.includes(proxy.table)) return null;
      return `"supported" (epoch ${now.epoch}) stored after the sidecar dropped ${proxy.table} (epoch ${sidecar.epoch})`;
    },
  };
}

/**
 * When everything is done, the metadata still says "supported" for a query on a table the
 * database no longer has, and the proxy would act on it as it stands. A verdict tagged with an
 * older epoch under a proxy that checks epochs on use is outdated but not trusted, so it passes.
 * So does a proxy whose CREATE CACHE succeeded: the verdict was true when used, and the table
 * went away only afterwards.
 */
export function staleVerdictForever(parties: VerdictParties): Invariant {
  return {
    id: 'stale-verdict-forever',
    title: 'Permanently stale verdict',
    atEnd: (world) => {
      if (world.actors[parties.proxy]?.value === 'cached') return null;
      const proxy = contextOf<ProxyContext>(world, parties.proxy);
      const entry = storedVerdict(proxy);
      const tables = contextOf<DatabaseContext>(world, parties.db).tables ?? [];
      if (entry?.verdict !== 'supported' || tables.includes(proxy.table)) return null;
      const epoch = contextOf<SidecarContext>(world, parties.sidecar).epoch;
      if (proxy.epochOnUse && entry.epoch < epoch) return null;
      return `metadata says "supported" for ${proxy.query}, but ${proxy.table} is gone: stale forever`;
    },
  };
}

/**
 * The proxy ran out of CREATE CACHE attempts with "supported" still stored: an endless loop, the
 * symptom the incident was noticed by.
 */
export function retryForever(parties: VerdictParties): Invariant {
  return {
    id: 'retry-forever',
    title: 'Endless CREATE CACHE retries',
    onStep: ({ before, after }) => {
      const was = before.actors[parties.proxy]?.value;
      const now = after.actors[parties.proxy]?.value;
      if (now !== 'retryingForever' || was === now) return null;
      const proxy = contextOf<ProxyContext>(after, parties.proxy);
      return `CREATE CACHE failed ${proxy.attempts} times (${proxy.lastError ?? 'error'}) and the metadata still says "supported": it would retry forever`;
    },
  };
}
