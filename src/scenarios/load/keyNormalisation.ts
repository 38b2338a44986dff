/**
 * Load scenario `key-normalisation` (seed 001's stretch): page requests carry noisy query
 * params (utm_* tags, click ids, any order). Keyed on the raw URL, every variant is its own
 * entry and the hit rate collapses; keyed on the path plus only the response-affecting params,
 * sorted, it recovers. Readers are the cache-aside reader machine. Pure given the seed.
 */
import { openLoop } from '../../engine/load/sources';
import { LoadSim } from '../../engine/load/sim';
import { Series } from '../../engine/load/stats';
import { zipf } from '../../engine/load/zipf';
import { rngFor } from '../../engine/rng';
import {
  answered,
  drive,
  figure,
  latencyDraw,
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
import type { LoadRun, LoadRunConfig, LoadScenarioDef } from './types';
import { normaliseKey, UrlDraw } from './urls';

const SELECTED = 1;

function run(config: LoadRunConfig): LoadRun {
  const { params, seed } = config;
  if (config.fix !== 'raw' && config.fix !== 'normalised') {
    throw new Error(`unknown fix "${config.fix}"`);
  }
  const until = p(params, 'seconds') * 1000;
  const ttl = p(params, 'ttl');
  const pages = zipf(p(params, 'pages'), p(params, 'zipf') / 100);
  const latencies = new Latencies();
  const origin = new Series(1000, until);
  const reads = new Series(1000, until);
  const hits = new Series(1000, until);
  let distinctKeys = 0;

  const sim = new LoadSim({
    behaviour: config.behaviour,
    hop: 0.1,
    caches: [
      {
        id: 'cache',
        kind: 'cache',
        service: () => 0.01,
        // Called once per key, when the cache first sees it (every read's GET runs during the
        // run): counting here counts the distinct keys without a set of every key string.
        input: () => {
          distinctKeys++;
          return null;
        },
      },
    ],
    database: rowDatabase(
      p(params, 'connections'),
      latencyDraw(rngFor(seed, 'db'), p(params, 'db'), p(params, 'db') / 4),
    ),
    observer: {
      onStep(actor, now) {
        if (actor.state.value === 'selecting') actor.flags |= SELECTED;
        if (actor.returned || !answered(actor)) return;
        latencies.record(actor, now);
        reads.add(actor.started);
        if (!(actor.flags & SELECTED)) hits.add(actor.started);
      },
      onDatabase(event, slot) {
        if (event.type === 'SELECT') origin.add(slot.start - slot.waited);
      },
    },
  });

  const draws = rngFor(seed, 'urls');
  const noise = p(params, 'noise') / 100;
  const raw = config.fix === 'raw';
  const drawn = new UrlDraw();
  // Keys coded by the draws' own number for the URL (raw) or the key (normalised): a repeated
  // key is known from its draws, without building its text or looking it up by name. A new raw
  // key is named by that number (one to one with the URL's text, as tested; never a text, which
  // starts with '/'), so its text is not built at all: only the key's identity counts.
  const keyOf = (): number => {
    const code = raw ? drawn.urlNumber(pages.n) : drawn.keyNumber();
    if (code === undefined) return sim.keys.number(drawn.url());
    const key = sim.keys.coded(code);
    if (key >= 0) return key;
    return sim.keys.addCoded(code, raw ? String(code) : normaliseKey(drawn.url()));
  };
  openLoop(sim, rngFor(seed, 'arrivals'), p(params, 'rate'), until, () => {
    drawn.draw(pages.index(draws.float()), draws, noise);
    const key = keyOf();
    const input = { key: sim.keys.name(key), mode: 'set', ttl, cache: 'cache', db: 'db' };
    sim.spawn('reader', input, 0, key);
  });
  drive(sim, until, config.progress);

  const readCount = latencies.latency.length;
  const hitCount = hits.sums.reduce((a, b) => a + b, 0);
  const { p50, p99 } = latencies.summary();
  const originCount = origin.sums.reduce((a, b) => a + b, 0);
  return {
    fix: config.fix,
    requests: readCount,
    events: sim.events,
    figures: [
      figure('hitRate', 'hit rate', '%', readCount ? (100 * hitCount) / readCount : 0),
      figure('originQps', 'mean origin QPS', 'q/s', (originCount * 1000) / until),
      figure('peakOriginQps', 'peak origin QPS (1 s window)', 'q/s', peakRate(origin)),
      figure('distinctKeys', 'distinct cache keys', 'keys', distinctKeys),
      ...latencyFigures(p50, p99),
    ],
    series: [
      shareSeries('hitRate', 'hit rate', hits, reads),
      originSeries(origin),
      p99Series(latencies, until),
    ],
  };
}

export const keyNormalisation: LoadScenarioDef = {
  id: 'key-normalisation',
  title: 'Cache-key normalisation',
  story:
    'Marketing links add utm_* tags and click ids in any order; keyed on the raw URL, every variant misses.',
  source: 'seed 001: cache invalidation, senior stretch (cache-key normalisation)',
  fixes: [
    { id: 'raw', label: 'Raw URL key', summary: 'the key is the URL as requested' },
    {
      id: 'normalised',
      label: 'Normalised key',
      summary: 'the key is the path plus only response-affecting params, sorted',
    },
  ],
  params: [
    SECONDS,
    param('rate', 'requests per second', 2000, 1, 100000),
    param('pages', 'pages', 500, 1, 1000000),
    ZIPF,
    param('noise', 'requests with tracking params (%)', 60, 0, 100),
    param('ttl', 'TTL (ms)', 30000, 1, 600000),
    ...databaseParams('origin', 20, 64),
  ],
  run,
};
