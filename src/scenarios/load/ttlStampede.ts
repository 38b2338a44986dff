/**
 * Load scenario `ttl-stampede` (seed 001): N hot keys are warmed with the same TTL and expire
 * together under Poisson load; every reader that misses goes to the origin. Fixes: TTL jitter,
 * single-flight (one lock holder fetches, the rest wait for its fill), both, probabilistic early refresh
 * (XFetch, on top of jitter) and stale-while-revalidate. Figures: peak origin QPS, origin
 * queries per expiry, read latency. Readers are the hot-reader machine; the cache is the
 * cache machine. Pure given the seed.
 */
import type { RefreshPolicy } from '../../actors/hotReader';
import { encodeHot } from '../../actors/hotReader';
import { arrivals, openLoop } from '../../engine/load/sources';
import { LoadSim } from '../../engine/load/sim';
import { Series } from '../../engine/load/stats';
import { zipf } from '../../engine/load/zipf';
import { rngFor, type Rng } from '../../engine/rng';
import {
  answered,
  drive,
  figure,
  keyNames,
  latencyDraw,
  one,
  Latencies,
  p,
  param,
  peakRate,
  rowDatabase,
  SECONDS,
  ZIPF,
  shareSeries,
  originSeries,
  p99Series,
  latencyFigures,
  databaseParams,
} from './common';
import type { LoadRunConfig, LoadRun, LoadScenarioDef } from './types';

const HOP = 0.1;
const SELECTED = 1;

interface Policy {
  readonly policy: RefreshPolicy;
  readonly jitter: boolean;
}

const POLICIES: Readonly<Record<string, Policy>> = {
  none: { policy: 'plain', jitter: false },
  jitter: { policy: 'plain', jitter: true },
  'single-flight': { policy: 'single-flight', jitter: false },
  'jitter-single-flight': { policy: 'single-flight', jitter: true },
  'early-refresh': { policy: 'early-refresh', jitter: true },
  'stale-while-revalidate': { policy: 'stale-while-revalidate', jitter: false },
};

function run(config: LoadRunConfig): LoadRun {
  const { params, seed } = config;
  const policy = POLICIES[config.fix];
  if (!policy) throw new Error(`unknown fix "${config.fix}"`);
  const until = p(params, 'seconds') * 1000;
  const ttl = p(params, 'ttl');
  const jitter = policy.jitter ? p(params, 'jitter') / 100 : 0;
  const stale = policy.policy === 'stale-while-revalidate' ? p(params, 'stale') : 0;
  const keys = zipf(p(params, 'keys'), p(params, 'zipf') / 100);
  const jittered = (u: number): number => ttl * (1 + jitter * (2 * u - 1));
  const dbLatency = latencyDraw(rngFor(seed, 'db'), p(params, 'db'), p(params, 'db') / 4);

  const latencies = new Latencies();
  const origin = new Series(100, until);
  const reads = new Series(1000, until);
  const hits = new Series(1000, until);
  const episodeEnd = new Map<string, number>();
  let episodes = 0;
  let queries = 0;

  const sim = new LoadSim({
    behaviour: config.behaviour,
    hop: HOP,
    caches: [
      {
        id: 'cache',
        kind: 'cache',
        service: (event) => (event.type === 'GET' ? 0.01 : 0.015),
        input: (key) => {
          if (key.startsWith('lock:')) return null;
          const fresh = jittered(rngFor(seed, `warm#${key}`).float());
          const value = encodeHot({ value: 'v1', expiry: fresh, delta: p(params, 'db') });
          const entry = { value, version: 1, expiresAt: fresh + stale, tombstone: false };
          return { entries: one(key, entry) };
        },
      },
    ],
    database: rowDatabase(p(params, 'connections'), dbLatency),
    observer: {
      onStep(actor, now) {
        if (actor.state.value === 'selecting') actor.flags |= SELECTED;
        if (actor.returned || !answered(actor)) return;
        latencies.record(actor, now);
        reads.add(actor.started);
        if (!(actor.flags & SELECTED)) hits.add(actor.started);
      },
      onDatabase(event, slot) {
        if (event.type !== 'SELECT') return;
        const key = String(event.key);
        // Offered load: when the query reached the origin, before any wait for a connection.
        const arrived = slot.start - slot.waited;
        queries++;
        origin.add(arrived);
        if (arrived > (episodeEnd.get(key) ?? -1)) episodes++;
        episodeEnd.set(key, Math.max(episodeEnd.get(key) ?? -1, slot.end + 3 * HOP + 1));
      },
    },
  });

  const keyName = keyNames((i) => `k${i}`);
  const read = (draws: Rng): void => {
    const key = keyName(keys.index(draws.float()));
    const u = draws.float();
    const uniform = 1 - draws.float();
    requests++;
    sim.spawn('hotReader', {
      key,
      policy: policy.policy,
      ttl: jittered(u),
      stale,
      beta: p(params, 'beta') / 100,
      uniform,
      lockTtl: 1000,
      cache: 'cache',
      db: 'db',
    });
  };
  let requests = 0;
  const draws = rngFor(seed, 'draws');
  openLoop(sim, rngFor(seed, 'arrivals'), p(params, 'rate'), until, () => read(draws));
  // An optional burst of extra reads at the instant the warmed keys expire (fixed TTL).
  const burstDraws = rngFor(seed, 'burst');
  const burst = { kind: 'burst', count: p(params, 'burst'), at: ttl } as const;
  arrivals(sim, burst, burstDraws, until, () => read(burstDraws));
  drive(sim, until, config.progress);

  const { p50, p99 } = latencies.summary();
  const p999 = latencies.percentile(99.9);
  const readCount = latencies.latency.length;
  const hitCount = hits.sums.reduce((a, b) => a + b, 0);
  return {
    fix: config.fix,
    requests,
    events: sim.events,
    figures: [
      figure('peakOriginQps', 'peak origin QPS (100 ms window)', 'q/s', peakRate(origin)),
      figure(
        'queriesPerExpiry',
        'origin queries per expiry',
        'q',
        episodes ? queries / episodes : 0,
      ),
      figure('originQueries', 'origin queries', 'q', queries),
      figure('hitRate', 'hit rate', '%', readCount ? (100 * hitCount) / readCount : 0),
      ...latencyFigures(p50, p99),
      figure('p999', 'p99.9 read latency', 'ms', p999),
    ],
    series: [
      originSeries(origin),
      shareSeries('hitRate', 'hit rate', hits, reads),
      p99Series(latencies, until),
    ],
  };
}

export const ttlStampede: LoadScenarioDef = {
  id: 'ttl-stampede',
  title: 'TTL stampede: hot keys expire together',
  story:
    'A deploy warms 50 hot keys with the same TTL; they all expire at once and every reader that misses hits the origin.',
  source: 'seed 001: cache invalidation, reproduce and close the race (TTL stampede)',
  fixes: [
    { id: 'none', label: 'Fixed TTL', summary: 'every key lives exactly ttl ms' },
    { id: 'jitter', label: 'Jitter', summary: 'each TTL is spread by ±jitter %' },
    {
      id: 'single-flight',
      label: 'Single-flight',
      summary: 'on a miss only the holder of lock:<key> fetches; the others wait for its fill',
    },
    {
      id: 'jitter-single-flight',
      label: 'Jitter + single-flight',
      summary: 'spread TTLs and one fetch per key',
    },
    {
      id: 'early-refresh',
      label: 'Early refresh (XFetch) + jitter',
      summary: 'a hit refreshes early with a probability that grows near expiry',
    },
    {
      id: 'stale-while-revalidate',
      label: 'Stale-while-revalidate',
      summary: 'past its TTL a value is still served while one lock holder refreshes it',
    },
  ],
  params: [
    SECONDS,
    param('rate', 'reads per second', 3000, 1, 100000),
    param('keys', 'hot keys', 50, 1, 100000),
    param('ttl', 'TTL (ms)', 10000, 10, 600000),
    param('jitter', 'TTL jitter (%)', 20, 0, 100),
    ZIPF,
    ...databaseParams('origin', 100, 16),
    param('beta', 'XFetch beta (×100)', 100, 1, 1000),
    param('stale', 'stale-while-revalidate window (ms)', 5000, 0, 600000),
    param('burst', 'extra reads arriving at once when the keys expire', 0, 0, 1000000),
  ],
  run,
};
