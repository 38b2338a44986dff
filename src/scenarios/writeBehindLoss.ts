/**
 * write-behind-loss: a write-behind cache acknowledges a client's write and flushes it to the
 * database later; when the node dies before the flush, a write the client was told is saved is
 * gone. A durable log written before the ACK, replayed on restart, closes it; so does
 * write-through, at the price of a database round trip per write. Source: seed 001 (stretch).
 */
import { durableLogMachine } from '../actors/durableLog';
import { recordStoreMachine } from '../actors/recordStore';
import {
  writeBehindCacheMachine,
  type WriteBehindContext,
  type WriteStrategy,
} from '../actors/writeBehindCache';
import { writeClientMachine, type WriteClientInput } from '../actors/writeClient';
import type { ActorSpec, Model, StepRecord, World } from '../engine/types';
import { ackedWriteLostAtCrash, ackedWriteMissing } from '../invariants/durability';
import { writeBehindPhrases } from './writeBehindPhrases';
import type { ScenarioConfig, ScenarioDef } from './types';
import { range } from './range';
import { WRITE_BEHIND_LOSS_INFO } from './info';

const KEY = 'user:1';
const STRATEGIES: Readonly<Record<string, WriteStrategy>> = {
  none: 'write-behind',
  'durable-log': 'durable-log',
  'write-through': 'write-through',
};

function build(config: ScenarioConfig): Model {
  const strategy = STRATEGIES[config.fix];
  if (!strategy) throw new Error(`unknown fix "${config.fix}"`);
  const log = strategy === 'durable-log' ? 'log' : null;
  const client: WriteClientInput = { key: KEY, value: 'v2', version: 2, cache: 'cache' };
  const actors: ActorSpec[] = [
    {
      id: 'client',
      label: 'Client',
      role: 'process',
      machine: writeClientMachine,
      input: { ...client },
    },
    {
      id: 'cache',
      label: strategy === 'write-through' ? 'Write-through cache' : 'Write-behind cache',
      role: 'server',
      machine: writeBehindCacheMachine,
      input: {
        strategy,
        flushDelay: config.params.flushDelay ?? 5,
        restartDelay: config.params.restartDelay ?? 3,
        db: 'db',
        log: log ?? 'log',
      },
    },
  ];
  if (log)
    actors.push({
      id: log,
      label: 'Durable log',
      role: 'server',
      machine: durableLogMachine,
      input: null,
    });
  actors.push({
    id: 'db',
    label: 'Database',
    role: 'server',
    machine: recordStoreMachine,
    input: { rows: { [KEY]: { value: 'v1', version: 1 } } },
  });
  const ids = { clients: ['client'], cache: 'cache', db: 'db', log };
  return {
    actors,
    faults: [
      {
        kind: 'inject',
        id: 'cache-crash',
        actor: 'cache',
        event: 'CRASH',
        max: 1,
        whenIn: ['up'],
        label: 'the cache node dies (OOM kill, deploy, power loss)',
      },
    ],
    invariants: [ackedWriteLostAtCrash(ids), ackedWriteMissing(ids)],
    granularity: config.granularity,
  };
}

function describe(
  record: StepRecord,
  before: World,
  after: World,
  label: (actor: string) => string,
): string | null {
  const node = label('cache');
  const was = before.actors.cache?.context as unknown as WriteBehindContext | undefined;
  if (record.fault === 'cache-crash') {
    const lost = was?.dirty.map((d) => d.value).join(', ') ?? '';
    const copy = after.actors.log ? ' (a copy is in the durable log)' : '';
    const memory = lost ? `unflushed ${lost}${copy} and its flush timer` : 'its memory and timers';
    return `Fault: ${node} dies at t=${record.clockAfter} — ${memory} die with it`;
  }
  if (record.kind !== 'timer' || !record.timer || record.timer.owner !== 'cache') return null;
  if (record.timer.name === 'restart') {
    const recovering = after.actors.cache?.value === 'recovering';
    return `${node} restarts at t=${record.clockAfter} with empty memory${recovering ? ' and reads its durable log' : ': nothing to recover from'}`;
  }
  const first = was?.dirty[0];
  return `${node}'s flush timer fires at t=${record.clockAfter}${first ? `: it flushes ${first.value} to ${label('db')}` : ''}`;
}

export const writeBehindLoss: ScenarioDef = {
  ...WRITE_BEHIND_LOSS_INFO,
  source: 'Cache invalidation: reproduce and close the race (stretch: write-behind variant)',
  fixes: [
    {
      id: 'none',
      label: 'Write-behind',
      summary: 'ACK as soon as the write is in memory; flush to the database when the timer fires.',
    },
    {
      id: 'durable-log',
      label: 'Durable log before the ACK',
      summary:
        'Append the write to a durable log, then ACK; after a crash, replay the log into the database.',
    },
    {
      id: 'write-through',
      label: 'Write-through',
      summary:
        'ACK only once the database has committed: nothing acknowledged lives only in memory, but every write waits for the database.',
    },
  ],
  params: [
    { id: 'flushDelay', label: 'Flush delay (ticks)', defaultValue: 5, min: 1, max: 50 },
    { id: 'restartDelay', label: 'Restart time (ticks)', defaultValue: 3, min: 1, max: 50 },
  ],
  // The harm: a write the client was told is saved is not in the database.
  harm: ['acked-write-lost', 'acked-write-missing'],
  sweep: [{ param: 'flushDelay', values: () => range(1, 6) }],
  build,
  phrases: writeBehindPhrases,
  describe,
};
