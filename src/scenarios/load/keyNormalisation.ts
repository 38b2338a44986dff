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
import { rngFor, type Rng } from '../../engine/rng';
import {
  answered,
  drive,
  figure,
  latencyDraw,
  one,
  Latencies,
  p,
  param,
  peakRate,
  series,
} from './common';
import type { LoadRun, LoadRunConfig, LoadScenarioDef } from './types';

const SELECTED = 1;

/** Params that change the response; every other param is noise. */
const RESPONSE_PARAMS: readonly string[] = ['lang', 'page'];

/** Whether the param in `text` from `start` to `end` (a `name` or `name=value`) is kept. */
function responseParam(text: string, start: number, end: number): boolean {
  for (const name of RESPONSE_PARAMS) {
    const after = start + name.length;
    if (after > end || !text.startsWith(name, start)) continue;
    // The name runs to the first '=' (the names themselves have none).
    if (after === end || text.charCodeAt(after) === 61) return true;
  }
  return false;
}

/** Returns a request URL for page `page` with noise at probability `noise`. Pure given rng. */
export function noisyUrl(page: number, rng: Rng, noise: number): string {
  const params: string[] = [`lang=${rng.float() < 0.8 ? 'en' : 'de'}`];
  if (rng.float() < 0.3) params.push(`page=${rng.int(1, 3)}`);
  if (rng.float() < noise) {
    params.push(`utm_source=s${rng.int(1, 10)}`, `utm_campaign=c${rng.int(1, 30)}`);
    if (rng.float() < 0.3) params.push(`gclid=${rng.int(1, 1_000_000)}`);
  }
  for (let i = params.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [params[i], params[j]] = [params[j] as string, params[i] as string];
  }
  return `/p/${page}?${params.join('&')}`;
}

/**
 * Returns the cache key of `url`: its path and response-affecting params, sorted. Reads the
 * query (up to a second '?', if any) by index, without splitting it into arrays. Pure.
 */
export function normaliseKey(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const second = url.indexOf('?', q + 1);
  const end = second < 0 ? url.length : second;
  const kept: string[] = [];
  for (let start = q + 1; ;) {
    const amp = url.indexOf('&', start);
    const stop = amp < 0 || amp > end ? end : amp;
    if (responseParam(url, start, stop)) kept.push(url.slice(start, stop));
    if (stop === end) break;
    start = stop + 1;
  }
  if (kept.length === 0) return url.slice(0, q);
  if (kept.length > 1) kept.sort();
  return `${url.slice(0, q)}?${kept.join('&')}`;
}

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
    database: {
      id: 'db',
      kind: 'database',
      connections: p(params, 'connections'),
      input: (key) => ({ rows: one(key, { value: 'v1', version: 1 }) }),
      latency: latencyDraw(rngFor(seed, 'db'), p(params, 'db'), p(params, 'db') / 4),
    },
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
  openLoop(sim, rngFor(seed, 'arrivals'), p(params, 'rate'), until, () => {
    const url = noisyUrl(pages.index(draws.float()), draws, noise);
    const key = config.fix === 'raw' ? url : normaliseKey(url);
    sim.spawn('reader', { key, mode: 'set', ttl, cache: 'cache', db: 'db' });
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
      figure('p50', 'p50 read latency', 'ms', p50),
      figure('p99', 'p99 read latency', 'ms', p99),
    ],
    series: [
      series(
        'hitRate',
        'hit rate',
        '%',
        1000,
        hits.shareOf(reads).map((s) => 100 * s),
      ),
      series('originQps', 'origin QPS', 'q/s', 1000, origin.rates()),
      series('p99', 'p99 read latency', 'ms', 1000, latencies.p99Series(1000, until)),
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
    param('seconds', 'simulated seconds', 60, 1, 600),
    param('rate', 'requests per second', 2000, 1, 100000),
    param('pages', 'pages', 500, 1, 1000000),
    param('zipf', 'Zipf exponent (×100)', 100, 0, 300),
    param('noise', 'requests with tracking params (%)', 60, 0, 100),
    param('ttl', 'TTL (ms)', 30000, 1, 600000),
    param('db', 'origin latency, mean (ms)', 20, 1, 10000),
    param('connections', 'origin connections', 64, 1, 1000),
  ],
  run,
};
