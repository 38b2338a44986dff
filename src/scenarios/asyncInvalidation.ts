/**
 * async-invalidation-stale-read: cacheops' invalidation moved to an asynchronous worker queue
 * (seed 004's last proposal). The Edit UI saves a listing: the save UPDATEs the row, enqueues
 * a job to delete the cached resultsets that include it, and returns; its page then reloads
 * at once, and can read the cached resultset before the worker deletes it: the editor sees
 * its own save undone. Fixes: invalidate synchronously inside the save (the Lua script, or
 * client-side DELs in small batches), or keep the queue and let the saver's next read bypass
 * the cache (read-your-writes). Source: the cacheops EVALSHA storms write-up (seed 004).
 */
import type { CacheInput } from '../actors/cache';
import { cacheMachine } from '../actors/cache';
import { databaseMachine } from '../actors/database';
import {
  editSessionMachine,
  type EditSessionInput,
  type InvalidationMode,
} from '../actors/editSession';
import { invalidationWorkerMachine } from '../actors/invalidationWorker';
import type { ActorSpec, Json, Message, Model, StepRecord, World } from '../engine/types';
import { staleOwnRead, staleReadAfterCommit, type SessionRef } from '../invariants/ownRead';
import { asyncInvalidationPhrases } from './asyncInvalidationPhrases';
import { range } from './range';
import type { ScenarioConfig, ScenarioDef } from './types';
import { ASYNC_INVALIDATION_INFO } from './info';

const RECORD = 'listing:7';
/** The editor's page; the worker reaches it last, after the other matched resultsets. */
const PAGE = 'rs:owner=7';
const OTHERS = ['rs:city=paris', 'rs:tag=new'];

const MODES: Readonly<Record<string, InvalidationMode>> = {
  none: 'async',
  'sync-invalidation': 'sync',
  'read-your-writes': 'async-bypass',
};

function build(config: ScenarioConfig): Model {
  const mode = MODES[config.fix];
  if (!mode) throw new Error(`unknown fix "${config.fix}"`);
  const count = Math.max(1, config.params['resultsets'] ?? 2);
  const resultsets = [...OTHERS.slice(0, count - 1), PAGE];
  const session = (saves: boolean): Json => {
    const input: EditSessionInput = {
      record: RECORD,
      resultsets,
      page: PAGE,
      mode,
      saves,
      cache: 'cache',
      db: 'db',
      worker: 'worker',
    };
    return { ...input, resultsets: [...resultsets] };
  };
  const editor: SessionRef = { id: 'editor', label: 'Edit UI' };
  const visitors: SessionRef[] = [];
  const actors: ActorSpec[] = [
    { ...editor, role: 'process', machine: editSessionMachine, input: session(true) },
  ];
  for (let i = 0; i < (config.params['visitors'] ?? 0); i++) {
    const visitor = { id: `visitor${i + 1}`, label: i === 0 ? 'Visitor' : `Visitor ${i + 1}` };
    visitors.push(visitor);
    actors.push({
      ...visitor,
      role: 'process',
      machine: editSessionMachine,
      input: session(false),
    });
  }
  actors.push({
    id: 'worker',
    label: 'Worker (RQ)',
    role: 'process',
    machine: invalidationWorkerMachine,
    input: { cache: 'cache' },
  });
  // Every matched resultset is cached, built from v1 of the listing.
  const entries = Object.fromEntries(
    resultsets.map((key) => [key, { value: 'v1', version: 1, expiresAt: null, tombstone: false }]),
  );
  actors.push({
    id: 'cache',
    label: 'Cache',
    role: 'server',
    machine: cacheMachine,
    input: { entries } satisfies CacheInput,
  });
  actors.push({
    id: 'db',
    label: 'Database',
    role: 'server',
    machine: databaseMachine,
    input: { rows: { [RECORD]: { value: 'v1', version: 1 } } },
  });
  return {
    actors,
    faults: [],
    invariants: [staleOwnRead(editor), staleReadAfterCommit(visitors, 'db')],
    granularity: config.granularity,
    // The harm singles out the editor: it is never interchangeable with a visitor.
    distinguished: ['editor'],
  };
}

/** The words for some delivered messages: the first reply as `X hears back from Y: …`. */
function said(messages: readonly Message[], label: (actor: string) => string): string {
  return messages
    .map((m, i) => {
      const words = asyncInvalidationPhrases[m.type]?.(m, label) ?? m.type;
      return m.reply && i === 0
        ? `${label(m.to)} hears back from ${label(m.from)}: ${words}`
        : words;
    })
    .join(': ');
}

/** Says when a save enqueues its invalidation job and returns (the job is seen only when taken). */
function describe(
  record: StepRecord,
  _before: World,
  _after: World,
  label: (actor: string) => string,
): string | null {
  const job = record.sent.find((m) => m.type === 'JOB');
  if (!job || record.delivered.length === 0) return null;
  const keys = Array.isArray(job.payload['keys']) ? job.payload['keys'].join(', ') : '';
  return `${said(record.delivered, label)}; the save queues a job for ${label(job.to)} to delete ${keys}, and returns`;
}

export const asyncInvalidation: ScenarioDef = {
  ...ASYNC_INVALIDATION_INFO,
  source: 'Cacheops EVALSHA storms: causes and fixes (asynchronous invalidation on RQ workers)',
  fixes: [
    {
      id: 'none',
      label: 'No fix (async worker queue)',
      summary:
        'The save UPDATEs the listing, queues a job that DELetes the matched resultsets, and returns: Redis never blocks, but the job may run after the reload.',
    },
    {
      id: 'sync-invalidation',
      label: 'Synchronous invalidation in the save',
      summary:
        'The save DELetes every matched resultset before it returns (the Lua script, or client-side DELs in small batches): the reload always misses and reads the new row. The worker gets no job.',
      defuses: {
        'stale-read':
          'that page was read while the save was still running: a read that overlaps the save may see v1, and every read after it sees v2',
      },
    },
    {
      id: 'read-your-writes',
      label: 'Async + the saver reads past the cache',
      summary:
        "The job stays asynchronous, but the Edit UI's reload right after its own save SELECTs the row instead of reading the cache.",
      defuses: {
        'stale-read':
          'read-your-writes covers only the saver: other pages see v1 until the worker deletes the resultset',
      },
    },
  ],
  params: [
    { id: 'resultsets', label: 'Matched resultsets', defaultValue: 2, min: 1, max: 3 },
    { id: 'visitors', label: 'Other visitors', defaultValue: 0, min: 0, max: 1 },
  ],
  // The harm: the editor's own reload shows the data from before its save.
  harm: ['stale-own-read'],
  sweep: [
    { param: 'visitors', actors: true, values: () => [0, 1] },
    { param: 'resultsets', values: () => range(1, 3) },
  ],
  build,
  phrases: asyncInvalidationPhrases,
  describe,
};
