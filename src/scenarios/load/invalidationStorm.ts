/**
 * Load scenario `invalidation-storm` (seed 004, cacheops EVALSHA storms): Edit-UI saves make
 * a Lua script delete K cached resultsets at once, and single-threaded Redis serves nothing
 * else until it ends. Other reads queue behind it. Fixes from the write-up: a bigger instance
 * (faster per key, still one script), precise matching (fewer keys), client-side batches
 * (never blocks long), an async worker queue (the editor's reload may read a resultset not yet
 * invalidated) and sharding by table. Reads are the cache-aside reader machine; every delete
 * is the cache machine's DEL. Pure given the seed.
 */
import type { MachineEvent } from '../../engine/machines';
import { closedLoop, openLoop } from '../../engine/load/sources';
import { LoadSim, type LoadActor } from '../../engine/load/sim';
import { Series } from '../../engine/load/stats';
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
  originSeries,
  p99Series,
  warmEntries,
  databaseParams,
} from './common';
import type { LoadRun, LoadRunConfig, LoadScenarioDef } from './types';

const HOP = 0.1;
const EDITOR = 1;
const FIXES = ['none', 'bigger-instance', 'precise', 'batches', 'async', 'sharding'];

function run(config: LoadRunConfig): LoadRun {
  const { params, seed, fix } = config;
  if (!FIXES.includes(fix)) throw new Error(`unknown fix "${fix}"`);
  const until = p(params, 'seconds') * 1000;
  const tables = p(params, 'tables');
  const resultsets = p(params, 'resultsets');
  const speed = fix === 'bigger-instance' ? p(params, 'speedup') : 1;
  const perKey = p(params, 'perKey') / 1000 / speed;
  const k = Math.min(resultsets, p(params, 'k'));
  const matched = fix === 'precise' ? Math.max(1, Math.round((k * p(params, 'precise')) / 100)) : k;
  const batch = Math.max(1, p(params, 'batch'));
  const ttl = p(params, 'ttl');
  const serverOf = (table: number): string => (fix === 'sharding' ? `cache${table}` : 'cache');
  const servers =
    fix === 'sharding' ? Array.from({ length: tables }, (_, t) => `cache${t}`) : ['cache'];

  const names = keyNames((i) => `rs:${Math.floor(i / resultsets)}:${i % resultsets}`);
  const resultset = (table: number, record: number): string => names(table * resultsets + record);
  const latencies = new Latencies();
  const depth = new Series(1000, until);
  const origin = new Series(1000, until);
  const stale = new Series(1000, until);
  let reloads = 0;
  let staleReads = 0;
  let saves = 0;
  let invalidationTime = 0;

  const sim = new LoadSim({
    behaviour: config.behaviour,
    hop: HOP,
    caches: servers.map((id) => ({
      id,
      kind: 'cache',
      service: (event: MachineEvent) => (event.type === 'GET' ? 0.01 : 0.015) / speed,
      ...warmEntries({ value: 'v1', version: 1, expiresAt: null, tombstone: false }),
    })),
    database: rowDatabase(
      p(params, 'connections'),
      latencyDraw(rngFor(seed, 'db'), p(params, 'db'), p(params, 'db') / 4),
    ),
    observer: {
      onStep(actor, now) {
        if (actor.returned || !answered(actor)) return;
        if (actor.flags & EDITOR) reloaded(actor, now);
        else latencies.record(actor, now);
      },
      onCache(_, __, slot) {
        depth.add(slot.start - slot.waited, slot.depth);
      },
      onDatabase(event, slot) {
        if (event.type === 'SELECT') origin.add(slot.start - slot.waited);
      },
    },
  });

  /** Deletes `keys` on `server` in scripts of `size` keys, one after another; then `done`. */
  const invalidate = (server: string, keys: string[], size: number, done: () => void): void => {
    const chunk = keys.splice(0, size);
    const commands = chunk.map(
      (key) => ({ type: 'DEL', key, from: 'invalidator' }) as MachineEvent,
    );
    sim.script(server, commands, chunk.length * perKey, () =>
      keys.length > 0 ? invalidate(server, keys, size, done) : done(),
    );
  };

  // The asynchronous fix: one worker takes jobs in order, each after a pickup delay.
  const jobs: { server: string; keys: string[]; done: () => void }[] = [];
  let workerBusy = false;
  const work = (): void => {
    const job = jobs.shift();
    if (!job) return void (workerBusy = false);
    workerBusy = true;
    sim.at(sim.now + p(params, 'workerDelay'), () =>
      invalidate(job.server, job.keys, batch, () => {
        job.done();
        work();
      }),
    );
  };

  const editorDraws = rngFor(seed, 'editors');
  const reloadClient = new Map<string, number>();
  const editors: { table: number; record: number; version: number }[] = [];
  const reloaded = (actor: LoadActor, now: number): void => {
    actor.returned = true;
    reloads++;
    const version = (actor.state.context as { version: number }).version;
    if (version < actor.tag) {
      staleReads++;
      stale.add(now);
    }
    const client = reloadClient.get(actor.id);
    reloadClient.delete(actor.id);
    if (client !== undefined) finish(client);
  };
  const reload = (client: number): void => {
    const editor = editors[client];
    if (!editor) return;
    const key = resultset(editor.table, editor.record);
    const input = { key, mode: 'set', ttl, cache: serverOf(editor.table), db: 'db' };
    const actor = sim.spawn('reader', input, editor.version);
    actor.flags |= EDITOR;
    reloadClient.set(actor.id, client);
  };
  const save = (client: number): void => {
    const table = editorDraws.int(0, tables - 1);
    const record = editorDraws.int(0, k - 1);
    saves++;
    sim.query(
      { type: 'UPDATE', key: resultset(table, record), from: 'editor', now: 0 },
      (reply) => {
        const version = (reply as { version: number }).version;
        editors[client] = { table, record, version };
        const keys = Array.from({ length: matched }, (_, j) =>
          resultset(table, (record + j) % resultsets),
        );
        const started = sim.now;
        const done = (): void => {
          invalidationTime += sim.now - started;
        };
        if (fix === 'async') {
          jobs.push({ server: serverOf(table), keys, done });
          if (!workerBusy) work();
          reload(client);
          return;
        }
        invalidate(serverOf(table), keys, fix === 'batches' ? batch : keys.length, () => {
          done();
          reload(client);
        });
      },
    );
  };
  const finish = closedLoop(
    sim,
    editorDraws,
    p(params, 'editors'),
    p(params, 'think'),
    until,
    save,
  );

  const keys = zipf(resultsets, p(params, 'zipf') / 100);
  const readDraws = rngFor(seed, 'read-keys');
  let reads = 0;
  openLoop(sim, rngFor(seed, 'reads'), p(params, 'rate'), until, () => {
    const table = readDraws.int(0, tables - 1);
    const key = resultset(table, keys.index(readDraws.float()));
    reads++;
    sim.spawn('reader', { key, mode: 'set', ttl, cache: serverOf(table), db: 'db' });
  });
  drive(sim, until, config.progress);

  const { p50, p99, max } = latencies.summary();
  const threads = [...sim.servers.values()].map((s) => s.thread);
  return {
    fix,
    requests: reads + saves + reloads,
    events: sim.events,
    figures: [
      figure('p50', 'p50 latency of other reads', 'ms', p50),
      figure('p99', 'p99 latency of other reads', 'ms', p99),
      figure('max', 'max latency of other reads', 'ms', max),
      figure(
        'blocked',
        'longest blocked interval',
        'ms',
        Math.max(...threads.map((t) => t.longestCommand)),
      ),
      figure(
        'queueDepth',
        'max queue depth',
        'commands',
        Math.max(...threads.map((t) => t.maxDepth)),
      ),
      figure('staleReads', 'stale reloads after a save', 'reads', staleReads),
      figure('staleRate', 'stale reload rate', '%', reloads ? (100 * staleReads) / reloads : 0),
      figure('saves', 'saves', 'saves', saves),
      figure(
        'invalidation',
        'mean time to invalidate a save',
        'ms',
        saves ? invalidationTime / saves : 0,
      ),
    ],
    series: [
      p99Series(latencies, until, 'p99 latency of other reads'),
      series('queueDepth', 'queue depth (peak)', 'commands', 1000, Array.from(depth.peaks)),
      series('staleReads', 'stale reloads', 'reads/s', 1000, stale.rates()),
      originSeries(origin),
    ],
  };
}

export const invalidationStorm: LoadScenarioDef = {
  id: 'invalidation-storm',
  title: 'Invalidation storm: a Lua script blocks Redis',
  story:
    'Each Edit-UI save makes cacheops delete thousands of cached resultsets in one script; single-threaded Redis serves nothing else meanwhile.',
  source: 'seed 004: cacheops EVALSHA storms, causes and fixes',
  fixes: [
    {
      id: 'none',
      label: 'One Lua script',
      summary: 'each save deletes its K resultsets in one script',
    },
    {
      id: 'bigger-instance',
      label: 'Bigger instance',
      summary: 'every command runs `speedup` times faster; the script still blocks',
    },
    {
      id: 'precise',
      label: 'Precise matching',
      summary: 'fixed query analysis matches only `precise` % of the K resultsets',
    },
    {
      id: 'batches',
      label: 'Client-side batches',
      summary: 'the client deletes `batch` keys per command; other commands run in between',
    },
    {
      id: 'async',
      label: 'Async worker queue',
      summary: 'a worker deletes in batches later; the save returns at once',
    },
    {
      id: 'sharding',
      label: 'Shard by table',
      summary: 'one Redis per table: a script blocks only its own table',
    },
  ],
  params: [
    SECONDS,
    param('rate', 'other reads per second', 4000, 1, 100000),
    param('tables', 'tables', 4, 1, 64),
    param('resultsets', 'cached resultsets per table', 5000, 1, 1000000),
    param('k', 'resultsets matched per save (K)', 2000, 1, 1000000),
    param('perKey', 'delete cost per key (µs)', 200, 1, 100000),
    param('speedup', 'bigger instance speed-up (×)', 2, 1, 100),
    param('precise', 'precise matching keeps (% of K)', 5, 1, 100),
    param('batch', 'batch size (keys)', 50, 1, 100000),
    param('editors', 'Edit-UI users', 4, 0, 1000),
    param('think', 'editor think time (ms)', 3000, 1, 600000),
    param('workerDelay', 'worker pickup delay (ms)', 200, 0, 600000),
    ZIPF,
    param('ttl', 'resultset TTL (ms)', 60000, 1, 6000000),
    ...databaseParams('database', 10, 64),
  ],
  run,
};
