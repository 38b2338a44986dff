/**
 * duplicate-insert: two coroutine tasks on one event loop run `fetch_user(42)` together. Both
 * miss (NonExistentEntry), both await the upstream fetch, and the second `add_entry` raises
 * ExistingEntry because the first task added the user meanwhile: "during handling of the above
 * exception, another exception occurred". The `switches` parameter picks where tasks may switch:
 * only at an await, as asyncio does, or also before every cache call. Source: the async
 * fetch_user write-up (seed 002).
 */
import { fetchTaskMachine, type AddMode, type FetchTaskInput } from '../actors/fetchTask';
import { timedCacheMachine } from '../actors/timedCache';
import { upstreamMachine } from '../actors/upstream';
import type { ActorSpec, Message, Model, StepRecord, World } from '../engine/types';
import { duplicateUpstreamFetch, exceptionCaught, exceptionRaised } from '../invariants/exceptions';
import { duplicateInsertPhrases } from './duplicateInsertPhrases';
import type { ScenarioConfig, ScenarioDef } from './types';
import { DUPLICATE_INSERT_INFO } from './info';

const USER_ID = '42';

const FIX_MODES: Readonly<Record<string, AddMode>> = {
  none: 'add',
  overwrite: 'override',
  'single-flight': 'single-flight',
  'catch-and-ignore': 'catch',
};

function build(config: ScenarioConfig): Model {
  const mode = FIX_MODES[config.fix];
  if (!mode) throw new Error(`unknown fix "${config.fix}"`);
  const count = config.params['tasks'] ?? 2;
  // 0: a task switches only at an await (asyncio); 1: also before each cache call.
  const inlineCalls = (config.params['switches'] ?? 1) === 0;
  const tasks: ActorSpec[] = [];
  for (let i = 1; i <= count; i++) {
    const input: FetchTaskInput = {
      userId: USER_ID,
      mode,
      cache: 'cache',
      upstream: 'upstream',
      inlineCalls,
    };
    tasks.push({
      id: `task${i}`,
      label: `Task ${i}`,
      role: 'process',
      machine: fetchTaskMachine,
      input: { ...input },
    });
  }
  return {
    actors: [
      ...tasks,
      {
        id: 'cache',
        label: 'TimedCache',
        role: 'server',
        machine: timedCacheMachine,
        input: { ttl: config.params['ttl'] ?? 60 },
      },
      {
        id: 'upstream',
        label: 'Upstream API',
        role: 'server',
        machine: upstreamMachine,
        input: null,
      },
    ],
    faults: [],
    invariants: [
      exceptionRaised(tasks.map((t) => t.id)),
      exceptionCaught(tasks.map((t) => t.id)),
      duplicateUpstreamFetch('upstream'),
    ],
    granularity: config.granularity,
  };
}

/** The default words for some delivered messages: the first reply as `X hears back from Y: …`. */
function said(messages: readonly Message[], label: (actor: string) => string): string {
  return messages
    .map((m, i) => {
      const words = duplicateInsertPhrases[m.type]?.(m, label) ?? m.type;
      return m.reply && i === 0
        ? `${label(m.to)} hears back from ${label(m.from)}: ${words}`
        : words;
    })
    .join(': ');
}

/**
 * Spells out how a task's add_entry ended when it raised or swallowed ExistingEntry, and, when
 * the call was made in the same step as the task resumed (asyncio), what it resumed from.
 */
function describe(
  record: StepRecord,
  before: World,
  after: World,
  label: (actor: string) => string,
): string | null {
  const at = record.delivered.findIndex((m) => m.type === 'ADD_ENTRY');
  const add = record.delivered[at];
  if (!add) return null;
  const resumed =
    at > 0 ? `${said(record.delivered.slice(0, at), label)}; then, with no switch, ` : '';
  const call = said([add], label);
  const refused = record.delivered.some((m) => m.type === 'ExistingEntry');
  if (!refused) return resumed ? `${resumed}${said(record.delivered.slice(at), label)}` : null;
  const task = after.actors[add.from];
  if (task?.value === 'raised' && before.actors[add.from]?.value !== 'raised')
    return `${resumed}${call}: raises ExistingEntry during handling of NonExistentEntry — fetch_user fails with both in the traceback`;
  return `${resumed}${call}: raises ExistingEntry, caught and ignored — the caller never hears of it`;
}

export const duplicateInsert: ScenarioDef = {
  ...DUPLICATE_INSERT_INFO,
  source: 'Async fetch_user: a duplicate insert into a non-overwriting cache (seed 002)',
  fixes: [
    {
      id: 'none',
      label: 'No fix',
      summary:
        'get_entry; on NonExistentEntry await the upstream fetch, then add_entry (which refuses to overwrite).',
    },
    {
      id: 'overwrite',
      label: 'Overwrite allowed (upsert)',
      summary:
        'add_entry may replace a live entry: no exception, but both tasks still fetch the user upstream.',
      defuses: {
        'duplicate-fetch':
          'both tasks still fetch, but the second add_entry overwrites instead of raising',
      },
    },
    {
      id: 'single-flight',
      label: 'Single-flight (per-key future)',
      summary:
        'The first miss registers its fetch as a future; a second miss awaits it: no exception and one upstream call.',
    },
    {
      id: 'catch-and-ignore',
      label: 'Catch and ignore ExistingEntry',
      summary:
        'Swallow ExistingEntry: the caller sees nothing, but the race is untouched: both tasks still fetch, the cache still refuses.',
      defuses: {
        'duplicate-fetch':
          'both tasks still fetch; the second add_entry raises ExistingEntry and the task swallows it',
        'exception-caught':
          'add_entry still raises ExistingEntry, but the task catches it and returns the user it fetched: the caller never sees it',
      },
    },
  ],
  params: [
    { id: 'tasks', label: 'Concurrent fetch_user calls', defaultValue: 2, min: 2, max: 3 },
    { id: 'ttl', label: 'Cache TTL (ticks)', defaultValue: 60, min: 1, max: 100 },
    {
      id: 'switches',
      label: 'Task switches (0 = only at await, as asyncio; 1 = also before every cache call)',
      defaultValue: 1,
      min: 0,
      max: 1,
    },
  ],
  // The harm: ExistingEntry reaches the caller of fetch_user.
  harm: ['exception-raised'],
  sweep: [{ param: 'tasks', actors: true, values: () => [2, 3] }],
  build,
  phrases: duplicateInsertPhrases,
  describe,
};
