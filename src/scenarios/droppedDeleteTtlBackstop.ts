/**
 * dropped-delete-ttl-backstop: the cache holds v1; a writer commits v2 and DELetes the key, but
 * the DEL is lost (a fault the scheduler may inject once). Nothing else ever removes v1: with a
 * TTL the stale window ends when the entry expires, without one it never ends. The writer is the
 * ordinary cache-aside writer: it is never answered and nothing retries the DEL, as when a
 * client times out, logs the error and moves on. Source: the cache invalidation write-up (001).
 */
import { cacheMachine, liveEntry, type CacheContext, type CacheInput } from '../actors/cache';
import { databaseMachine } from '../actors/database';
import { readerMachine, type ReaderInput } from '../actors/reader';
import { writerMachine, type WriterInput } from '../actors/writer';
import type { ActorSpec, Model, StepRecord, World } from '../engine/types';
import {
  staleAfterLostDelete,
  staleReadAfterLostDelete,
  staleWindow,
} from '../invariants/lostDelete';
import { staleForever } from '../invariants/staleness';
import { cachePhrases } from './phrases';
import type { Figure, ScenarioConfig, ScenarioDef } from './types';
import { DROPPED_DELETE_TTL_BACKSTOP_INFO } from './info';

const KEY = 'user:1';
const PAIR = { cache: 'cache', db: 'db' };
const DROP = 'drop-del';

function build(config: ScenarioConfig): Model {
  const ttls: Readonly<Record<string, boolean>> = { none: false, 'ttl-backstop': true };
  const withTtl = ttls[config.fix];
  if (withTtl === undefined) throw new Error(`unknown fix "${config.fix}"`);
  const ttl = withTtl ? (config.params.ttl ?? 20) : null;
  const readers = config.params.readers ?? 1;
  const actors: ActorSpec[] = [];
  const writer: WriterInput = { key: KEY, mode: 'delete', delay: 0, ttl, cache: 'cache', db: 'db' };
  actors.push({
    id: 'writer',
    label: 'Writer',
    role: 'process',
    machine: writerMachine,
    input: { ...writer },
  });
  for (let i = 0; i < readers; i++) {
    const reader: ReaderInput = { key: KEY, mode: 'set', ttl, cache: 'cache', db: 'db' };
    actors.push({
      id: readers > 1 ? `reader${i + 1}` : 'reader',
      label: readers > 1 ? `Reader ${i + 1}` : 'Reader',
      role: 'process',
      machine: readerMachine,
      input: { ...reader },
    });
  }
  // Warm at t=0: v1 was read and cached just before the run, with the TTL in force.
  const warm = {
    entries: { [KEY]: { value: 'v1', version: 1, expiresAt: ttl, tombstone: false } },
  } satisfies CacheInput;
  actors.push({ id: 'cache', label: 'Cache', role: 'server', machine: cacheMachine, input: warm });
  actors.push({
    id: 'db',
    label: 'Database',
    role: 'server',
    machine: databaseMachine,
    input: { rows: { [KEY]: { value: 'v1', version: 1 } } },
  });
  return {
    actors,
    faults: [
      {
        kind: 'drop',
        id: DROP,
        channel: 'writer->cache',
        messageType: 'DEL',
        max: 1,
        label: "the Writer's DEL is lost (network blip, client timeout, swallowed error)",
      },
    ],
    invariants: [
      staleAfterLostDelete(PAIR, KEY),
      staleReadAfterLostDelete(PAIR, DROP),
      staleForever(PAIR),
    ],
    granularity: config.granularity,
  };
}

/** Returns the stale window of a run as a figure in ticks (null value: forever). Pure. */
export function staleWindowFigure(
  worlds: readonly World[],
  records: readonly StepRecord[],
): Figure {
  const window = staleWindow(worlds, records, PAIR, KEY);
  const base = { id: 'stale-window', label: 'Stale window', unit: 'ticks' };
  if (window.from === null) return { ...base, value: 0, text: 'never stale' };
  if (window.until === null) {
    return {
      ...base,
      value: null,
      text: `forever (from t=${window.from}: no TTL, nothing removes it)`,
    };
  }
  const ticks = window.until - window.from;
  const unit = ticks === 1 ? 'tick' : 'ticks';
  const why = window.end === 'ttl' ? 'when the TTL ends' : 'when the DEL lands';
  return {
    ...base,
    value: ticks,
    text: `${ticks} ${unit} (t=${window.from} → t=${window.until}, ${why})`,
  };
}

export const droppedDeleteTtlBackstop: ScenarioDef = {
  ...DROPPED_DELETE_TTL_BACKSTOP_INFO,
  source: 'Cache invalidation: reproduce and close the race (dropped DEL, TTL backstop)',
  fixes: [
    {
      id: 'none',
      label: 'No TTL',
      summary:
        'Entries live until deleted. One lost DEL and v1 is served forever: nothing else will ever remove it.',
    },
    {
      id: 'ttl-backstop',
      label: 'TTL backstop',
      summary:
        'Every entry expires. A lost DEL still leaves v1 stale, but only until its TTL ends: the window is bounded, in ticks.',
      // It bounds staleness rather than preventing it: judged on "stale forever" only, while
      // the lost DEL and the stale read it allows are still reported with their window.
      defuses: {
        'lost-delete-stale':
          'the TTL expires the stale entry: the window is bounded (see Stale window)',
        'stale-read':
          'a reader saw the stale value inside the TTL window; once it expires, readers get the database value',
      },
    },
  ],
  params: [
    { id: 'ttl', label: 'TTL (ticks)', defaultValue: 20, min: 1, max: 100 },
    { id: 'readers', label: 'Readers', defaultValue: 1, min: 0, max: 2 },
  ],
  // The harm: without a TTL, a lost DEL leaves the entry stale forever.
  harm: ['stale-forever'],
  sweep: [{ param: 'readers', actors: true, values: () => [0, 1, 2] }],
  build,
  phrases: cachePhrases,
  describe(record, _before, after, label) {
    const lost = record.dropped.find((m) => m.type === 'DEL');
    if (!lost) return null;
    const cache = after.actors.cache?.context as unknown as CacheContext;
    const held = liveEntry(cache, KEY, after.clock);
    const keeps = held ? `; ${label('cache')} keeps ${held.value}` : '';
    return `Fault: ${label(lost.from)}'s DEL of ${KEY} is lost on the way to ${label(lost.to)} — ${label(lost.from)} is never answered and nothing retries it${keeps}`;
  },
  figures: (worlds, records) => [staleWindowFigure(worlds, records)],
};
