/**
 * A Redis/memcached-like cache. GET, SET (optional TTL on the world clock, optional lease),
 * ADD (set-if-absent), DEL, INVALIDATE (a versioned tombstone) and CAS (install only when
 * newer than what is held), each one atomic. A miss can hand out a memcache-style lease, which
 * a DEL invalidates and the SET that follows must present. WAIT is a blocking GET: answered
 * HIT at once when the key is live, else parked until the next stored write to the key, which
 * sends each parked client FILLED with the value (as a client blocked on a key notification).
 * Pure xstate machine.
 */
import { assign, enqueueActions, setup } from 'xstate';
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
}

/** Optional input: entries the cache already holds at t=0 (a warm cache); empty when absent. */
export interface CacheInput {
  readonly entries?: { readonly [key: string]: CacheEntry };
}

type Write = { key: string; value: string; version: number; ttl?: number | null };
export type CacheEvent = Delivered &
  (
    | { type: 'GET'; key: string; lease?: boolean }
    | { type: 'WAIT'; key: string }
    | ({ type: 'SET'; lease?: number | null } & Write)
    | ({ type: 'ADD' } & Write)
    | ({ type: 'CAS' } & Write)
    | { type: 'DEL'; key: string }
    | { type: 'INVALIDATE'; key: string; version: number }
  );

/** Returns the live (unexpired, non-tombstone) entry for `key` at `now`, if any. Pure. */
export function liveEntry(context: CacheContext, key: string, now: number): CacheEntry | null {
  const entry = context.entries[key];
  if (!entry || entry.tombstone) return null;
  if (entry.expiresAt !== null && entry.expiresAt <= now) return null;
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
      return liveEntry(context, event.key, event.now) === null;
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
  type: 'send',
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
      { type: 'send', params: ({ event }: { event: CacheEvent }) => keyReply(event, 'STORED') },
    ],
  },
  {
    actions: {
      type: 'send',
      params: ({ event }: { event: CacheEvent }) => refusal(event),
    },
  },
] as const;

/** A hit answers with the live entry's value and version. */
const HIT_REPLY = {
  type: 'send',
  params: ({ context, event }: { context: CacheContext; event: CacheEvent }): SendParams => {
    const key = 'key' in event ? event.key : '';
    const entry = liveEntry(context, key, event.now) as CacheEntry;
    const payload = { key, value: entry.value, version: entry.version };
    return { to: event.from, type: 'HIT', payload, reply: true };
  },
} as const;

export const cacheMachine = setup({
  types: {} as { context: CacheContext; events: CacheEvent; input: CacheInput | null },
  guards: {
    hit: ({ context, event }) =>
      (event.type === 'GET' || event.type === 'WAIT') &&
      liveEntry(context, event.key, event.now) !== null,
    grantsLease: ({ context, event }) =>
      event.type === 'GET' && event.lease === true && context.leases[event.key] === undefined,
    accepted: ({ context, event }) => accepts(context, event),
  },
  actions: {
    ...planActions,
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
      for (const to of parked) enqueue({ type: 'send', params: { to, type: 'FILLED', payload } });
      enqueue(assign({ waiters: without(context.waiters, write.key) }));
    }),
  },
}).createMachine({
  id: 'cache',
  context: ({ input }) => ({ entries: input?.entries ?? {}, leases: {}, nextLease: 1 }),
  initial: 'up',
  states: {
    up: {
      on: {
        GET: [
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
                type: 'send',
                params: ({ context, event }) => ({
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
              type: 'send',
              params: ({ event }) => ({
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
        SET: WRITE,
        ADD: WRITE,
        CAS: WRITE,
        DEL: {
          actions: [
            assign(({ context, event }) => ({
              entries: without(context.entries, event.key),
              leases: without(context.leases, event.key),
            })),
            REPLY_DELETED,
          ],
        },
        INVALIDATE: {
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
      },
    },
  },
});
