/**
 * Load scenario `set-after-delete` (seed 001): cache-aside readers and writers on shared keys
 * under Poisson load. A reader that SELECTs before a write commits and SETs after the writer's
 * DEL leaves the old value cached. Fixes: delayed double-delete, memcache-style leases,
 * versioned tombstones with CAS fills, and a TTL backstop. Figures: inconsistency rate (reads
 * that return a version older than one whose write was acknowledged before the read began)
 * and the stale window. Readers, writers, cache and database are the project's machines.
 */
import type { FillMode } from '../../actors/reader';
import type { WriteMode } from '../../actors/writer';
import { openLoop } from '../../engine/load/sources';
import { LoadSim, type LoadActor } from '../../engine/load/sim';
import { Samples, Series } from '../../engine/load/stats';
import { zipf } from '../../engine/load/zipf';
import { rngFor } from '../../engine/rng';
import {
  answered,
  drive,
  figure,
  keyNames,
  latencyDraw,
  Latencies,
  p,
  param,
  series,
  rowDatabase,
  SECONDS,
  ZIPF,
  shareSeries,
  originSeries,
  p99Series,
  warmEntries,
  latencyFigures,
  databaseParams,
} from './common';
import type { LoadRun, LoadRunConfig, LoadScenarioDef } from './types';

const ACKED = 1;
/** Writer states after which its write is acknowledged to the user. */
const BEFORE_ACK = new Set(['updating', 'deleting', 'invalidating', 'writingThrough']);

interface Modes {
  readonly fill: FillMode;
  readonly write: WriteMode;
  readonly ttl: boolean;
}

const MODES: Readonly<Record<string, Modes>> = {
  none: { fill: 'set', write: 'delete', ttl: false },
  'double-delete': { fill: 'set', write: 'double-delete', ttl: false },
  leases: { fill: 'lease', write: 'delete', ttl: false },
  'versioned-cas': { fill: 'cas', write: 'invalidate-versioned', ttl: false },
  'ttl-backstop': { fill: 'set', write: 'delete', ttl: true },
};

const keyOf = (actor: LoadActor): string => (actor.state.context as { key: string }).key;
const versionOf = (actor: LoadActor): number =>
  (actor.state.context as { version: number }).version;

function run(config: LoadRunConfig): LoadRun {
  const { params, seed } = config;
  const modes = MODES[config.fix];
  if (!modes) throw new Error(`unknown fix "${config.fix}"`);
  const until = p(params, 'seconds') * 1000;
  const ttl = modes.ttl ? p(params, 'ttl') : null;
  const keys = zipf(p(params, 'keys'), p(params, 'zipf') / 100);
  const acked = new Map<string, number>();
  const ackTimes = new Map<string, number>();
  const latencies = new Latencies();
  const staleAges = new Samples();
  const origin = new Series(1000, until);
  const reads = new Series(1000, until);
  const stale = new Series(1000, until);
  let writes = 0;

  const onRead = (actor: LoadActor, now: number): void => {
    latencies.record(actor, now);
    reads.add(actor.started);
    const key = keyOf(actor);
    const got = versionOf(actor);
    if (got >= actor.tag) return;
    stale.add(actor.started);
    let since = Number.POSITIVE_INFINITY;
    for (let v = got + 1; v <= actor.tag; v++) {
      since = Math.min(since, ackTimes.get(`${key}#${v}`) ?? Number.POSITIVE_INFINITY);
    }
    staleAges.push(actor.started - since);
  };

  const onWriter = (actor: LoadActor, now: number): void => {
    if (actor.flags & ACKED || BEFORE_ACK.has(actor.state.value as string)) return;
    actor.flags |= ACKED;
    const key = keyOf(actor);
    const version = versionOf(actor);
    acked.set(key, Math.max(acked.get(key) ?? 0, version));
    if (!ackTimes.has(`${key}#${version}`)) ackTimes.set(`${key}#${version}`, now);
  };

  const sim = new LoadSim({
    behaviour: config.behaviour,
    hop: 0.1,
    caches: [
      {
        id: 'cache',
        kind: 'cache',
        service: (event) => (event.type === 'GET' ? 0.01 : 0.015),
        ...warmEntries({ value: 'v1', version: 1, expiresAt: ttl, tombstone: false }),
      },
    ],
    database: rowDatabase(
      p(params, 'connections'),
      latencyDraw(rngFor(seed, 'db'), p(params, 'db'), p(params, 'db') / 5),
    ),
    observer: {
      onStep(actor, now) {
        if (actor.kind === 'writer') onWriter(actor, now);
        else if (!actor.returned && answered(actor)) onRead(actor, now);
      },
      onDatabase(event, slot) {
        if (event.type === 'SELECT') origin.add(slot.start);
      },
    },
  });

  const keyName = keyNames((i) => `k${i}`);
  const readDraws = rngFor(seed, 'read-keys');
  openLoop(sim, rngFor(seed, 'reads'), p(params, 'rate'), until, () => {
    const key = keyName(keys.index(readDraws.float()));
    const input = { key, mode: modes.fill, ttl, cache: 'cache', db: 'db' };
    sim.spawn('reader', input, acked.get(key) ?? 1);
  });
  const writeDraws = rngFor(seed, 'write-keys');
  openLoop(sim, rngFor(seed, 'writes'), p(params, 'writes'), until, () => {
    const key = keyName(keys.index(writeDraws.float()));
    writes++;
    const input = {
      key,
      mode: modes.write,
      delay: p(params, 'delay'),
      ttl: null,
      cache: 'cache',
      db: 'db',
    };
    sim.spawn('writer', input);
  });
  drive(sim, until, config.progress);

  const readCount = latencies.latency.length;
  const staleCount = staleAges.length;
  const ages = staleAges.values();
  const { p50, p99 } = latencies.summary();
  return {
    fix: config.fix,
    requests: readCount + writes,
    events: sim.events,
    figures: [
      figure(
        'inconsistency',
        'inconsistency rate',
        '%',
        readCount ? (100 * staleCount) / readCount : 0,
      ),
      figure('staleReads', 'stale reads', 'reads', staleCount),
      figure('staleWindowMax', 'longest stale window', 'ms', ages.length ? Math.max(...ages) : 0),
      figure(
        'staleWindowMean',
        'mean stale window',
        'ms',
        ages.length ? ages.reduce((a, b) => a + b, 0) / ages.length : 0,
      ),
      ...latencyFigures(p50, p99),
    ],
    series: [
      series('staleReads', 'stale reads', 'reads/s', 1000, stale.rates()),
      shareSeries('inconsistency', 'inconsistency rate', stale, reads),
      originSeries(origin),
      p99Series(latencies, until),
    ],
  };
}

export const setAfterDelete: LoadScenarioDef = {
  id: 'set-after-delete',
  title: 'Set-after-delete under load',
  story:
    'Readers refill the cache from the database while writers update rows and delete keys; a slow refill lands after the delete and pins the old value.',
  source: 'seed 001: cache invalidation, reproduce and close the race (inconsistency rate)',
  fixes: [
    {
      id: 'none',
      label: 'Delete on write',
      summary: 'UPDATE, then DEL; readers SET on a miss; no TTL',
    },
    {
      id: 'double-delete',
      label: 'Double delete',
      summary: 'DEL, wait `delay` ms, DEL again',
    },
    {
      id: 'leases',
      label: 'Leases',
      summary: 'a miss hands out a lease; DEL voids it; only a SET with a live lease is stored',
    },
    {
      id: 'versioned-cas',
      label: 'Versioned tombstone + CAS',
      summary: 'writers leave a versioned tombstone; fills are refused unless newer',
    },
    {
      id: 'ttl-backstop',
      label: 'TTL backstop',
      summary: 'every entry expires after `ttl` ms, bounding any stale window',
    },
  ],
  params: [
    SECONDS,
    param('rate', 'reads per second', 3000, 1, 100000),
    param('writes', 'writes per second', 50, 0, 10000),
    param('keys', 'keys', 1000, 1, 1000000),
    ZIPF,
    ...databaseParams('database', 5, 64),
    param('ttl', 'backstop TTL (ms)', 2000, 1, 600000),
    param('delay', 'double-delete delay (ms)', 50, 0, 60000),
  ],
  run,
};
