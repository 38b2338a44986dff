/**
 * A cache-aside reader of a hot key with a refresh policy against a Redis-like cache: `plain`
 * (miss → SELECT → SET), `single-flight` (on a miss only the holder of a `lock:<key>` taken with
 * ADD fetches; the others WAIT, parked until its fill lands), `early-refresh` (XFetch: a hit
 * refreshes early with a probability that grows near expiry), `stale-while-revalidate` (past
 * the soft expiry a hit returns the stale value at once and one lock holder refreshes it
 * behind). A lock holder GETs the key once more before it fetches: a reader that missed just
 * before another's fill and took the lock after its release finds the key filled. The cached
 * value carries its soft expiry and the fetch time, `value|expiry|delta`, when its policy reads
 * them (XFetch both, stale-while-revalidate the expiry); otherwise it is the plain value, which
 * does not vary with when it was fetched where nothing reads that. Pure xstate machine.
 */
import { assign, setup } from 'xstate';
import { planActions, type Delivered, type SendParams } from './plans';

export type RefreshPolicy = 'plain' | 'single-flight' | 'early-refresh' | 'stale-while-revalidate';

export interface HotReaderInput {
  readonly key: string;
  readonly policy: RefreshPolicy;
  /** Freshness of the value it installs, in ms (jittered by the caller when asked). */
  readonly ttl: number;
  /** How long past its freshness a value may still be served (stale-while-revalidate). */
  readonly stale: number;
  /** XFetch's beta (>1 refreshes earlier). */
  readonly beta: number;
  /** XFetch's uniform draw in (0, 1]. */
  readonly uniform: number;
  /** How long a refresh lock lives, in ms. */
  readonly lockTtl: number;
  readonly cache: string;
  readonly db: string;
}

export interface HotReaderContext extends HotReaderInput {
  readonly value: string | null;
  readonly version: number;
  /** What the reader returned to its caller (null until it returns). */
  readonly result: string | null;
  readonly fetchStart: number;
  readonly locked: boolean;
}

export type HotReaderEvent = Delivered &
  (
    | { type: 'HIT' | 'FILLED'; key: string; value: string; version: number }
    | { type: 'MISS'; key: string; lease: number | null }
    | { type: 'ROW'; key: string; value: string | null; version: number }
    | { type: 'STORED' | 'NOT_STORED' | 'DELETED'; key: string }
  );

/** A cached value with its soft expiry and the time its fetch took. */
export interface HotValue {
  readonly value: string;
  readonly expiry: number;
  readonly delta: number;
}

/** Returns the cached text for a value. Pure. */
export function encodeHot(hot: HotValue): string {
  return `${hot.value}|${hot.expiry}|${hot.delta}`;
}

/** Returns the value a cached text carries. Pure. */
export function decodeHot(text: string): HotValue {
  // Read on every hit under load: scan for the separators rather than split.
  const a = text.indexOf('|');
  if (a < 0) return { value: text, expiry: 0, delta: 0 };
  const b = text.indexOf('|', a + 1);
  if (b < 0) return { value: text.slice(0, a), expiry: Number(text.slice(a + 1)), delta: 0 };
  const c = text.indexOf('|', b + 1);
  const delta = Number(c < 0 ? text.slice(b + 1) : text.slice(b + 1, c));
  return { value: text.slice(0, a), expiry: Number(text.slice(a + 1, b)), delta };
}

/** Whether a reader with `policy` times its fetch (XFetch's delta). Pure. */
export function timesFetch(policy: RefreshPolicy): boolean {
  return policy === 'early-refresh';
}

/** Whether a reader with `policy` reads a value's soft expiry. Pure. */
export function readsExpiry(policy: RefreshPolicy): boolean {
  return policy === 'early-refresh' || policy === 'stale-while-revalidate';
}

/** Returns the text a reader fills the cache with: timed when its policy reads the times. Pure. */
export function fillText(
  context: HotReaderInput,
  value: string,
  now: number,
  delta: number,
): string {
  if (!readsExpiry(context.policy)) return value;
  return encodeHot({ value, expiry: now + context.ttl, delta });
}

/** Whether XFetch refreshes at `now`: now − delta·beta·ln(u) ≥ expiry. Pure. */
export function refreshesEarly(context: HotReaderInput, hot: HotValue, now: number): boolean {
  return now - hot.delta * context.beta * Math.log(context.uniform) >= hot.expiry;
}

const lockKey = (context: HotReaderContext): string => `lock:${context.key}`;

/** GET the hot key from the cache (on the first read and again once the lock is held). */
const getKey = {
  type: 'send',
  params: ({ context }: { context: HotReaderContext }): SendParams => ({
    to: context.cache,
    type: 'GET',
    payload: { key: context.key },
  }),
} as const;

type Args = { context: HotReaderContext; event: HotReaderEvent };
const hitText = ({ event }: Args): string =>
  event.type === 'HIT' || event.type === 'FILLED' ? event.value : '';

export const hotReaderMachine = setup({
  types: {} as { context: HotReaderContext; events: HotReaderEvent; input: HotReaderInput },
  actions: {
    ...planActions,
    returnHit: assign(({ context, event }: Args) => ({
      result: decodeHot(hitText({ context, event })).value,
      version: event.type === 'HIT' || event.type === 'FILLED' ? event.version : context.version,
    })),
    /** A lock holder that found the key filled returns it, unless it already returned a value. */
    returnFilled: assign(({ context, event }: Args) =>
      context.result !== null
        ? {}
        : {
            result: decodeHot(hitText({ context, event })).value,
            version: event.type === 'HIT' ? event.version : context.version,
          },
    ),
    returnValue: assign(({ context }) => ({ result: context.result ?? context.value })),
  },
  guards: {
    early: ({ context, event }) =>
      context.policy === 'early-refresh' &&
      refreshesEarly(context, decodeHot(hitText({ context, event })), event.now),
    stale: ({ context, event }) =>
      context.policy === 'stale-while-revalidate' &&
      event.now >= decodeHot(hitText({ context, event })).expiry,
    coalesces: ({ context }) => context.policy === 'single-flight',
    /** Fresh enough that a lock holder need not fetch: any hit, or past SWR's soft expiry not. */
    filled: ({ context, event }) =>
      context.policy !== 'stale-while-revalidate' ||
      event.now < decodeHot(hitText({ context, event })).expiry,
    returned: ({ context }) => context.result !== null,
    locked: ({ context }) => context.locked,
  },
}).createMachine({
  id: 'hotReader',
  context: ({ input }) => ({
    ...input,
    value: null,
    version: 0,
    result: null,
    fetchStart: 0,
    locked: false,
  }),
  initial: 'getting',
  states: {
    getting: {
      entry: getKey,
      on: {
        HIT: [
          { guard: 'early', target: 'selecting' },
          { guard: 'stale', target: 'locking', actions: 'returnHit' },
          { target: 'done', actions: 'returnHit' },
        ],
        MISS: [{ guard: 'coalesces', target: 'locking' }, { target: 'selecting' }],
      },
    },
    locking: {
      entry: {
        type: 'send',
        params: ({ context }): SendParams => ({
          to: context.cache,
          type: 'ADD',
          payload: { key: lockKey(context), value: 'locked', version: 0, ttl: context.lockTtl },
        }),
      },
      on: {
        STORED: { target: 'rechecking', actions: assign({ locked: true }) },
        NOT_STORED: [{ guard: 'returned', target: 'done' }, { target: 'waiting' }],
      },
    },
    rechecking: {
      entry: getKey,
      on: {
        HIT: [
          { guard: 'filled', target: 'unlocking', actions: 'returnFilled' },
          { target: 'selecting' },
        ],
        MISS: 'selecting',
      },
    },
    waiting: {
      // Parked on the cache until the lock holder's fill lands: no polling, no clock.
      entry: {
        type: 'send',
        params: ({ context }): SendParams => ({
          to: context.cache,
          type: 'WAIT',
          payload: { key: context.key },
        }),
      },
      on: {
        HIT: { target: 'done', actions: 'returnHit' },
        FILLED: { target: 'done', actions: 'returnHit' },
      },
    },
    selecting: {
      entry: [
        assign({
          fetchStart: ({ context, event }) => (timesFetch(context.policy) ? event.now : 0),
        }),
        {
          type: 'send',
          params: ({ context }): SendParams => ({
            to: context.db,
            type: 'SELECT',
            payload: { key: context.key },
          }),
        },
      ],
      on: {
        ROW: {
          target: 'filling',
          actions: assign(({ context, event }) => ({
            value: event.value ?? '',
            version: event.version,
            fetchStart: timesFetch(context.policy) ? event.now - context.fetchStart : 0,
          })),
        },
      },
    },
    filling: {
      // fetchStart now holds the fetch's duration (XFetch's delta).
      entry: {
        type: 'send',
        params: ({ context, event }): SendParams => ({
          to: context.cache,
          type: 'SET',
          payload: {
            key: context.key,
            value: fillText(context, context.value ?? '', event.now, context.fetchStart),
            version: context.version,
            ttl: context.ttl + context.stale,
          },
        }),
      },
      on: {
        STORED: [
          { guard: 'locked', target: 'unlocking', actions: 'returnValue' },
          { target: 'done', actions: 'returnValue' },
        ],
        NOT_STORED: [
          { guard: 'locked', target: 'unlocking', actions: 'returnValue' },
          { target: 'done', actions: 'returnValue' },
        ],
      },
    },
    unlocking: {
      entry: {
        type: 'send',
        params: ({ context }): SendParams => ({
          to: context.cache,
          type: 'DEL',
          payload: { key: lockKey(context) },
        }),
      },
      on: { DELETED: 'done' },
    },
    done: { type: 'final' },
  },
});
