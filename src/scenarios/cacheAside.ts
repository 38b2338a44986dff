/**
 * cache-aside-set-after-delete: a reader misses, reads v1 from the database, and writes it back
 * to the cache after a writer has committed v2 and deleted the key. The cache now serves v1
 * until something removes it. Source: the cache invalidation write-up (seed 001).
 */
import { cacheMachine } from '../actors/cache';
import { databaseMachine } from '../actors/database';
import { readerMachine, type FillMode, type ReaderInput } from '../actors/reader';
import { writerMachine, type WriteMode, type WriterInput } from '../actors/writer';
import type { ActorSpec, FaultSpec, Model } from '../engine/types';
import { invalidatedVersion, WRITER_STATES } from '../invariants/invalidation';
import { staleAtQuiescence, staleEntryInstalled, staleForever } from '../invariants/staleness';
import { cachePhrases } from './phrases';
import type { ScenarioConfig, ScenarioDef } from './types';
import { range } from './range';
import { CACHE_ASIDE_INFO } from './info';

const KEY = 'user:1';
const PAIR = { cache: 'cache', db: 'db' };

interface FixPlan {
  readonly fill: FillMode;
  readonly write: WriteMode;
  readonly ttl: boolean;
}

const FIX_PLANS: Readonly<Record<string, FixPlan>> = {
  none: { fill: 'set', write: 'delete', ttl: false },
  'double-delete': { fill: 'set', write: 'double-delete', ttl: false },
  leases: { fill: 'lease', write: 'delete', ttl: false },
  'versioned-cas': { fill: 'cas', write: 'invalidate-versioned', ttl: false },
  'write-through': { fill: 'add', write: 'write-through', ttl: false },
  'ttl-backstop': { fill: 'set', write: 'delete', ttl: true },
};

function numbered(label: string, i: number, count: number): string {
  return count > 1 ? `${label} ${i + 1}` : label;
}

function build(config: ScenarioConfig): Model {
  const plan = FIX_PLANS[config.fix];
  if (!plan) throw new Error(`unknown fix "${config.fix}"`);
  const p = (id: string, fallback: number): number => config.params[id] ?? fallback;
  const readers = p('readers', 1);
  const writers = p('writers', 1);
  const ttl = plan.ttl ? p('ttl', 12) : null;
  const actors: ActorSpec[] = [];
  for (let i = 0; i < readers; i++) {
    const input: ReaderInput = { key: KEY, mode: plan.fill, ttl, cache: 'cache', db: 'db' };
    const id = readers > 1 ? `reader${i + 1}` : 'reader';
    actors.push({
      id,
      label: numbered('Reader', i, readers),
      role: 'process',
      machine: readerMachine,
      input: { ...input },
    });
  }
  for (let i = 0; i < writers; i++) {
    const input: WriterInput = {
      key: KEY,
      mode: plan.write,
      delay: p('delay', 3),
      ttl,
      cache: 'cache',
      db: 'db',
    };
    const id = writers > 1 ? `writer${i + 1}` : 'writer';
    actors.push({
      id,
      label: numbered('Writer', i, writers),
      role: 'process',
      machine: writerMachine,
      input: { ...input },
    });
  }
  actors.push({ id: 'cache', label: 'Cache', role: 'server', machine: cacheMachine, input: null });
  actors.push({
    id: 'db',
    label: 'Database',
    role: 'server',
    machine: databaseMachine,
    input: { rows: { [KEY]: { value: 'v1', version: 1 } } },
  });
  const faults: FaultSpec[] = [];
  const pause = p('pause', 5);
  if (pause > 0) {
    const reader = actors[0]?.id ?? 'reader';
    faults.push({
      kind: 'inject',
      id: 'reader-stalls',
      actor: reader,
      event: 'PAUSE',
      max: 1,
      whenIn: ['filling'],
      duration: pause,
      label: `${actors[0]?.label ?? 'Reader'} stalls for ${pause} ticks before its write lands (GC pause, slow network)`,
    });
  }
  return {
    actors,
    faults,
    invariants: [
      staleEntryInstalled(
        PAIR,
        invalidatedVersion({
          writers: actors.filter((a) => a.machine === writerMachine).map((a) => a.id),
          cache: 'cache',
          ...WRITER_STATES,
        }),
      ),
      staleAtQuiescence(PAIR),
      staleForever(PAIR),
    ],
    granularity: config.granularity,
  };
}

export const cacheAside: ScenarioDef = {
  ...CACHE_ASIDE_INFO,
  source: 'Cache invalidation: reproduce and close the race (set-after-delete)',
  fixes: [
    {
      id: 'none',
      label: 'No fix',
      summary: 'Reader: GET, on miss SELECT then SET. Writer: UPDATE then DEL.',
    },
    {
      id: 'double-delete',
      label: 'Delayed double-delete',
      summary:
        'Writer deletes again after a delay, removing a stale value set in between. Narrows the window; closes it only if the delay outlasts every reader.',
      defuses: {
        'stale-set': 'the delayed second DEL removes the stale value before the run settles',
      },
    },
    {
      id: 'leases',
      label: 'Leases',
      summary: 'A miss hands out a lease; DEL voids it; a SET without a valid lease is refused.',
    },
    {
      id: 'versioned-cas',
      label: 'Versioned compare-and-set',
      summary:
        'Writer leaves a versioned tombstone; a reader installs only a version newer than what the cache holds.',
    },
    {
      id: 'write-through',
      label: 'Write-through',
      summary:
        'Writer SETs the new value; readers only ADD. Closes reader–writer races, but two writers still race.',
    },
    {
      id: 'ttl-backstop',
      label: 'TTL backstop',
      summary:
        'Every entry expires: a stale value is still installed, but its window is bounded by the TTL.',
    },
  ],
  params: [
    { id: 'readers', label: 'Readers', defaultValue: 1, min: 1, max: 3 },
    { id: 'writers', label: 'Writers', defaultValue: 1, min: 1, max: 3 },
    { id: 'delay', label: 'Double-delete delay (ticks)', defaultValue: 3, min: 1, max: 50 },
    {
      id: 'pause',
      label: 'Reader stall (ticks, 0 = never)',
      defaultValue: 5,
      min: 0,
      max: 50,
    },
    { id: 'ttl', label: 'TTL (ticks)', defaultValue: 12, min: 1, max: 100 },
  ],
  // The harm: once every request has finished, the cache still serves a value older than the database.
  harm: ['stale-at-quiescence'],
  sweep: [
    { param: 'readers', actors: true, values: () => [1, 2] },
    { param: 'writers', actors: true, values: () => [1, 2] },
    // The reader's stall, from none up to the stall set (by default longer than the delay).
    { param: 'pause', values: (p) => range(0, p['pause'] ?? 0) },
  ],
  build,
  phrases: cachePhrases,
};
