/**
 * A Redis/memcached-like cache. GET, SET (optional TTL on the world clock, optional lease),
 * ADD (set-if-absent), DEL, INVALIDATE (a versioned tombstone) and CAS (install only when
 * newer than what is held), each one atomic. A miss can hand out a memcache-style lease, which
 * a DEL invalidates and the SET that follows must present. WAIT is a blocking GET: answered
 * HIT at once when the key is live, else parked until the next stored write to the key, which
 * sends each parked client FILLED with the value (as a client blocked on a key notification).
 * With a `queue` (`cacheQueue.ts`) it serves one command at a time, each taking its duration:
 * a command arriving while another is served waits; a served command takes effect at once and
 * its replies go out when its timer ends it. Pure xstate machine.
 */
import { assign, enqueueActions, setup } from 'xstate';
import {
  durationOf,
  queueContext,
  queuedCommand,
  type CacheQueue,
  type QueuedCommand,
  type QueueState,
} from './cacheQueue';
import { planActions, type Delivered, type SendParams } from './plans';

export interface CacheEntry {
  readonly value: string;
  readonly version: number;
  /** Clock tick at which the entry expires, or null for no TTL. */
  readonly expiresAt: number | null;
  /** A versioned invalidation marker: reads miss, older CAS writes are refused. */
  readonly tombstone: boolean;
}

export interface CacheContext {
  readonly entries: { readonly [key: string]: CacheEntry };
  /** Outstanding lease token per key. */
  readonly leases: { readonly [key: string]: number };
  readonly nextLease: number;
  /** Per key, the clients parked by WAIT until the key is next stored (absent until one is). */
  readonly waiters?: { readonly [key: string]: readonly string[] };
  /** With a command queue: its settings, whether it is busy, held replies, waiting commands. */
  readonly queue?: QueueState['queue'];
  readonly busy?: boolean;
  readonly held?: QueueState['held'];
  readonly waiting?: QueueState['waiting'];
}

/** Optional input: entries the cache already holds at t=0 (a warm cache); empty when absent. */
export interface CacheInput {
  readonly entries?: { readonly [key: string]: CacheEntry };
  /** Serve commands one at a time, each taking a duration (absent: every command is instant). */
  readonly queue?: CacheQueue;
}

type Write = { key: string; value: string; version: number; ttl?: number | null };
/** A command's event; `served` marks one the queue starts (it is not queued again). */
export type CacheEvent = Delivered & { served?: boolean } & (
    | { type: 'GET'; key: string; lease?: boolean }
    | { type: 'WAIT'; key: string }
    | ({ type: 'SET'; lease?: number | null } & Write)
    | ({ type: 'ADD' } & Write)
    | ({ type: 'CAS' } & Write)
    | { type: 'DEL'; key: string }
    | { type: 'INVALIDATE'; key: string; version: number }
    | { type: 'TIMER'; name: string }
  );

/**
 * Returns the live (unexpired, non-tombstone) entry for `key` at `now`, if any; `now` may be a
 * function, asked only for an entry with a TTL (so an answer without one does not read the
 * clock). Pure.
 */
export function liveEntry(
  context: CacheContext,
  key: string,
  now: number | (() => number),
): CacheEntry | null {
  const entry = context.entries[key];
  if (!entry || entry.tombstone) return null;
  if (entry.expiresAt !== null && entry.expiresAt <= (typeof now === 'number' ? now : now())) {
    return null;
  }
  return entry;
}

function entryOf(event: Write & { now: number }): CacheEntry {
  const ttl = event.ttl ?? null;
  return {
    value: event.value,
    version: event.version,
    expiresAt: ttl === null ? null : event.now + ttl,
    tombstone: false,
  };
}

function without<T>(record: { readonly [key: string]: T }, key: string): { [key: string]: T } {
  const { [key]: _, ...rest } = record;
  return rest;
}

/** Whether a write of `event` is accepted, per command. Pure. */
function accepts(context: CacheContext, event: CacheEvent): boolean {
  switch (event.type) {
    case 'SET':
      return event.lease == null || context.leases[event.key] === event.lease;
    case 'ADD':
      return liveEntry(context, event.key, () => event.now) === null;
    case 'CAS': {
      const held = context.entries[event.key];
      if (!held || (held.expiresAt !== null && held.expiresAt <= event.now)) return true;
      return held.tombstone ? event.version >= held.version : event.version > held.version;
    }
    default:
      return false;
  }
}

/** Returns the reply to a keyed command: who asked, what happened, for which key. Pure. */
function keyReply(event: CacheEvent, type: 'STORED' | 'NOT_STORED' | 'DELETED'): SendParams {
  return { to: event.from, type, payload: { key: 'key' in event ? event.key : '' }, reply: true };
}

/** DEL and INVALIDATE both answer DELETED. */
const REPLY_DELETED = {
  type: 'out',
  params: ({ event }: { event: CacheEvent }) => keyReply(event, 'DELETED'),
} as const;

/**
 * Returns the refusal of a write. It names the refused command, its version and the lease it
 * presented (all taken from the request), so a reader of the run can tell why it was refused.
 */
function refusal(event: CacheEvent): SendParams {
  const reply = keyReply(event, 'NOT_STORED');
  const write = event as Extract<CacheEvent, { type: 'SET' | 'ADD' | 'CAS' }>;
  const lease = write.type === 'SET' && typeof write.lease === 'number' ? write.lease : null;
  return {
    ...reply,
    payload: { ...reply.payload, refused: write.type, version: write.version, lease },
  };
}

/** A write is stored when accepted (waking the clients parked on its key), and answered either way. */
const WRITE = [
  {
    guard: 'accepted',
    actions: [
      'wake',
      'store',
      { type: 'out', params: ({ event }: { event: CacheEvent }) => keyReply(event, 'STORED') },
    ],
  },
  {
    actions: {
      type: 'out',
      params: ({ event }: { event: CacheEvent }) => refusal(event),
    },
  },
] as const;

type GetArgs = { context: CacheContext; event: Extract<CacheEvent, { type: 'GET' }> };

/** With a queue, a command that has not been started is admitted to it first. */
const ADMIT = { guard: 'queues', actions: 'admit' } as const;

/**
 * Starts serving `command` at `now`: the command is raised as served (so it is handled at once:
 * its effect happens now and its replies are held), and its end is a timer named after it,
 * `durationOf` ticks away, whose payload says what it was. Pure.
 */
function serving(queue: CacheQueue, command: QueuedCommand, now: number) {
  const duration = durationOf(queue, command);
  const payload = { command: command.type, key: command.key ?? null, took: duration };
  return {
    event: { ...command, now, served: true } as unknown as CacheEvent,
    timer: { name: command.type, delay: duration, payload },
  };
}

/** Sends at once; with a queue, holds the message until the command being served ends. */
/** A hit answers with the live entry's value and version. */
const HIT_REPLY = {
  type: 'out',
  params: ({ context, event }: { context: CacheContext; event: CacheEvent }): SendParams => {
    const key = 'key' in event ? event.key : '';
    const entry = liveEntry(context, key, () => event.now) as CacheEntry;
    const payload = { key, value: entry.value, version: entry.version };
    return { to: event.from, type: 'HIT', payload, reply: true };
  },
} as const;

export const cacheMachine = setup({
  types: {} as { context: CacheContext; events: CacheEvent; input: CacheInput | null },
  guards: {
    hit: ({ context, event }) =>
      (event.type === 'GET' || event.type === 'WAIT') &&
      liveEntry(context, event.key, () => event.now) !== null,
    grantsLease: ({ context, event }) =>
      event.type === 'GET' && event.lease === true && context.leases[event.key] === undefined,
    accepted: ({ context, event }) => accepts(context, event),
    /** A command to queue: the cache has a queue and the command has not been started. */
    queues: ({ context, event }) => context.queue !== undefined && event.served !== true,
  },
  actions: {
    ...planActions,
    /** Sends at once; with a queue, holds the message until the command being served ends. */
    out: enqueueActions(({ context, enqueue }, params) => {
      const message = params as SendParams;
      if (context.queue) enqueue.assign({ held: [...(context.held ?? []), message] });
      else enqueue({ type: 'send', params: message });
    }),
    /** A command arrives at a queued cache: it starts now when idle, else waits its turn. */
    admit: enqueueActions(({ context, event, enqueue }) => {
      const command = queuedCommand(event as unknown as Record<string, unknown>);
      if (context.busy) enqueue.assign({ waiting: [...(context.waiting ?? []), command] });
      else {
        const start = serving(context.queue as CacheQueue, command, event.now);
        enqueue.assign({ busy: true, held: [] });
        enqueue.raise(start.event);
        enqueue({ type: 'startTimer', params: start.timer });
      }
    }),
    /** The command being served ends: its replies go out, and the next waiting one starts. */
    finish: enqueueActions(({ context, event, enqueue }) => {
      for (const params of context.held ?? []) enqueue({ type: 'send', params });
      const [next, ...rest] = context.waiting ?? [];
      enqueue.assign({ busy: false, held: [], waiting: rest });
      if (!next) return;
      const start = serving(context.queue as CacheQueue, next, event.now);
      enqueue.assign({ busy: true });
      enqueue.raise(start.event);
      enqueue({ type: 'startTimer', params: start.timer });
    }),
    store: assign(({ context, event }) => {
      const write = event as Extract<CacheEvent, { type: 'SET' | 'ADD' | 'CAS' }>;
      return {
        entries: { ...context.entries, [write.key]: entryOf(write) },
        leases: without(context.leases, write.key),
      };
    }),
    wake: enqueueActions(({ context, event, enqueue }) => {
      const write = event as Extract<CacheEvent, { type: 'SET' | 'ADD' | 'CAS' }>;
      const parked = context.waiters?.[write.key];
      if (!parked || !context.waiters) return;
      const payload = { key: write.key, value: write.value, version: write.version };
      const filled = parked.map((to): SendParams => ({ to, type: 'FILLED', payload }));
      // With a queue, the wake-ups go out with the write's reply, when the write ends.
      if (context.queue) enqueue.assign({ held: [...(context.held ?? []), ...filled] });
      else for (const params of filled) enqueue({ type: 'send', params });
      enqueue(assign({ waiters: without(context.waiters, write.key) }));
    }),
  },
}).createMachine({
  id: 'cache',
  context: ({ input }) => ({
    entries: input?.entries ?? {},
    leases: {},
    nextLease: 1,
    ...queueContext(input?.queue),
  }),
  initial: 'up',
  states: {
    up: {
      on: {
        GET: [
          ADMIT,
          { guard: 'hit', actions: HIT_REPLY },
          {
            guard: 'grantsLease',
            actions: [
              assign({
                leases: ({ context, event }) => ({
                  ...context.leases,
                  [event.key]: context.nextLease,
                }),
                nextLease: ({ context }) => context.nextLease + 1,
              }),
              {
                type: 'out',
                params: ({ context, event }: GetArgs): SendParams => ({
                  to: event.from,
                  type: 'MISS',
                  payload: { key: event.key, lease: context.leases[event.key] ?? null },
                  reply: true,
                }),
              },
            ],
          },
          {
            actions: {
              type: 'out',
              params: ({ event }: GetArgs): SendParams => ({
                to: event.from,
                type: 'MISS',
                // Someone else holds the lease: this reader must not fill the cache.
                payload: { key: event.key, lease: event.lease === true ? -1 : null },
                reply: true,
              }),
            },
          },
        ],
        WAIT: [
          ADMIT,
          { guard: 'hit', actions: HIT_REPLY },
          {
            // Parked: answered by the next stored write to the key.
            actions: assign({
              waiters: ({ context, event }) => ({
                ...context.waiters,
                [event.key]: [...(context.waiters?.[event.key] ?? []), event.from],
              }),
            }),
          },
        ],
        SET: [ADMIT, ...WRITE],
        ADD: [ADMIT, ...WRITE],
        CAS: [ADMIT, ...WRITE],
        DEL: [
          ADMIT,
          {
            actions: [
              assign(({ context, event }) => ({
                entries: without(context.entries, event.key),
                leases: without(context.leases, event.key),
              })),
              REPLY_DELETED,
            ],
          },
        ],
        INVALIDATE: [
          ADMIT,
          {
            actions: [
              assign(({ context, event }) => ({
                entries: {
                  ...context.entries,
                  // Never lower the version: a late invalidation of an older write must not
                  // re-admit values that a newer invalidation already fenced off.
                  [event.key]: {
                    value: '',
                    version: Math.max(event.version, context.entries[event.key]?.version ?? 0),
                    expiresAt: null,
                    tombstone: true,
                  },
                },
                leases: without(context.leases, event.key),
              })),
              REPLY_DELETED,
            ],
          },
        ],
        // Only a queued cache sets a timer: the end of the command it serves.
        TIMER: { guard: ({ context }) => context.queue !== undefined, actions: 'finish' },
      },
    },
  },
});
