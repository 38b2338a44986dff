/**
 * hot-key-stampede: three readers reach a hot key that has just expired. Each misses, each
 * SELECTs it from the database and SETs it back: one expiry, several origin fetches (the TTL
 * stampede). Jitter spreads the expiries of keys set together, but this one key still expires
 * at one instant; single-flight lets only the holder of a lock fetch while the others wait for
 * its fill; stale-while-revalidate serves the old value while one lock holder refreshes it.
 * The readers are the load lab's hot-reader machine. Source: the cache invalidation write-up
 * (seed 001, TTL stampede).
 */
import { cacheMachine, type CacheInput } from '../actors/cache';
import { databaseMachine } from '../actors/database';
import {
  encodeHot,
  hotReaderMachine,
  type HotReaderInput,
  type RefreshPolicy,
} from '../actors/hotReader';
import type { CacheContext } from '../actors/cache';
import type { ActorSpec, Model, StepRecord, World } from '../engine/types';
import {
  concurrentMiss,
  originStampede,
  staleServed,
  type HotReaderRef,
} from '../invariants/stampede';
import { hotKeyPhrases } from './hotKeyPhrases';
import { range } from './range';
import type { ScenarioConfig, ScenarioDef } from './types';
import { HOT_KEY_STAMPEDE_INFO } from './info';

const KEY = 'home:feed';
/** The freshness a fill installs, in ticks: far past any run, so a run sees one expiry. */
const FRESH = 1000;
/** How long stale-while-revalidate keeps a value past its freshness, in ticks. */
const STALE = 500;
const JITTER = 0.2;

interface FixPlan {
  readonly policy: RefreshPolicy;
  readonly jitter: boolean;
}

const FIX_PLANS: Readonly<Record<string, FixPlan>> = {
  none: { policy: 'plain', jitter: false },
  jitter: { policy: 'plain', jitter: true },
  'single-flight': { policy: 'single-flight', jitter: false },
  'stale-while-revalidate': { policy: 'stale-while-revalidate', jitter: false },
};

function build(config: ScenarioConfig): Model {
  const plan = FIX_PLANS[config.fix];
  if (!plan) throw new Error(`unknown fix "${config.fix}"`);
  const count = config.params['readers'] ?? 3;
  const swr = plan.policy === 'stale-while-revalidate';
  const refs: HotReaderRef[] = [];
  const actors: ActorSpec[] = [];
  for (let i = 0; i < count; i++) {
    // Jitter: the fill lives FRESH + 10 % (one draw of ±20 %). It only moves the next expiry,
    // which no run reaches; one draw for all keeps the readers interchangeable.
    const spread = plan.jitter ? JITTER / 2 : 0;
    const input: HotReaderInput = {
      key: KEY,
      policy: plan.policy,
      ttl: Math.round(FRESH * (1 + spread)),
      stale: swr ? STALE : 0,
      beta: 1,
      uniform: 1,
      lockTtl: config.params['lockTtl'] ?? 50,
      cache: 'cache',
      db: 'db',
    };
    const ref = { id: `reader${i + 1}`, label: `Reader ${i + 1}` };
    refs.push(ref);
    actors.push({ ...ref, role: 'process', machine: hotReaderMachine, input: { ...input } });
  }
  // The cache still holds v1, fresh until t=0: expired for good, or (stale-while-revalidate)
  // kept for the stale window past it.
  const held = encodeHot({ value: 'v1', expiry: 0, delta: 1 });
  const warm = {
    entries: { [KEY]: { value: held, version: 1, expiresAt: swr ? STALE : 0, tombstone: false } },
  } satisfies CacheInput;
  actors.push({ id: 'cache', label: 'Cache', role: 'server', machine: cacheMachine, input: warm });
  actors.push({
    id: 'db',
    label: 'Database',
    role: 'server',
    machine: databaseMachine,
    // The feed changed since it was cached: a refresh brings v2.
    input: { rows: { [KEY]: { value: 'v2', version: 2 } } },
  });
  return {
    actors,
    faults: [],
    invariants: [
      originStampede(refs, 'db', KEY),
      concurrentMiss(refs, KEY),
      staleServed(refs, KEY),
    ],
    granularity: config.granularity,
  };
}

/** The words for the messages a step delivered, a reply as what came back. */
function said(record: StepRecord, label: (actor: string) => string): string {
  return record.delivered.map((m) => hotKeyPhrases[m.type]?.(m, label) ?? m.type).join(': ');
}

/**
 * Says when a WAIT parks its reader (the cache answers it only once the key is filled), and
 * when a lock is taken because the previous holder's lock ran out of TTL.
 */
function describe(
  record: StepRecord,
  before: World,
  after: World,
  label: (actor: string) => string,
): string | null {
  const first = record.delivered[0];
  if (!first) return null;
  const cacheOf = (world: World) =>
    world.actors[first.to]?.context as unknown as CacheContext | undefined;
  if (first.to !== 'cache') return null;
  if (first.type === 'WAIT' && record.delivered.length === 1) {
    if (!cacheOf(after)?.waiters?.[KEY]?.includes(first.from)) return null;
    return `${said(record, label)}: not filled yet, so ${label(first.from)} is parked until it is`;
  }
  const lock = `lock:${KEY}`;
  const held = cacheOf(before)?.entries?.[lock];
  if (first.type !== 'ADD' || first.payload['key'] !== lock || !held) return null;
  if (held.expiresAt === null || held.expiresAt > record.clockAfter) return null;
  return `${said(record, label)} — the lock taken before expired at t=${held.expiresAt} (its TTL ran out before the fill)`;
}

export const hotKeyStampede: ScenarioDef = {
  ...HOT_KEY_STAMPEDE_INFO,
  source: 'Cache invalidation: reproduce and close the race (TTL stampede)',
  fixes: [
    {
      id: 'none',
      label: 'No fix (fixed TTL)',
      summary: 'Every reader that misses SELECTs the key from the database and SETs it back.',
    },
    {
      id: 'jitter',
      label: 'TTL jitter',
      summary:
        'Each fill lives its TTL ± 20 %, so keys set together expire apart. It does not help one key: this key still expires at one instant, and every reader that comes after it misses.',
    },
    {
      id: 'single-flight',
      label: 'Single-flight (lock + wait for the fill)',
      summary:
        'On a miss a reader ADDs lock:home:feed; only the holder re-checks the key and fetches it. A reader refused the lock WAITs: the cache parks it until the fill lands.',
      defuses: {
        'concurrent-miss':
          'only the lock holder fetches; the others wait, parked on the cache, and return its fill',
      },
    },
    {
      id: 'stale-while-revalidate',
      label: 'Stale-while-revalidate',
      summary:
        'The value outlives its freshness by a stale window: past it, readers get the old value at once, and only the lock holder refreshes it behind them.',
      defuses: {
        'stale-served':
          'by design: inside the stale window the old value is served at once while one lock holder refreshes it',
      },
    },
  ],
  params: [
    { id: 'readers', label: 'Readers', defaultValue: 3, min: 2, max: 4 },
    { id: 'lockTtl', label: 'Lock TTL (ticks)', defaultValue: 50, min: 1, max: 100 },
  ],
  // The harm: one expiry made the origin serve the same key more than once.
  harm: ['origin-stampede'],
  sweep: [{ param: 'readers', actors: true, values: (p) => range(2, p['readers'] ?? 3) }],
  build,
  phrases: hotKeyPhrases,
  describe,
};
