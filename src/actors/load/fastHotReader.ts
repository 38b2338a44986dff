/**
 * Fast kernel of the hot-key reader (src/actors/hotReader.ts) for the load simulation: the
 * same states and plans for every refresh policy, without xstate's interpretation. Must stay
 * equal to the machine (tested on the same schedules). Pure.
 */
import type { TransitionResult } from '../../engine/machines';
import type { ActorState, Json } from '../../engine/types';
import {
  decodeHot,
  fillText,
  refreshesEarly,
  timesFetch,
  type HotReaderContext,
  type HotReaderInput,
} from '../hotReader';
import { send, state, stay, type Ctx, type Ev } from './kernel';

const ctx = (context: object): Ctx => context as unknown as Ctx;

type Run = Pick<HotReaderContext, 'value' | 'version' | 'result' | 'fetchStart' | 'locked'>;

/** Builds a context field by field (object spreads are slow on this hot path). */
function make(c: HotReaderInput & Partial<Run>, patch: Partial<Run>): HotReaderContext {
  return {
    key: c.key,
    policy: c.policy,
    ttl: c.ttl,
    stale: c.stale,
    beta: c.beta,
    uniform: c.uniform,
    lockTtl: c.lockTtl,
    cache: c.cache,
    db: c.db,
    value: 'value' in patch ? (patch.value ?? null) : (c.value ?? null),
    version: patch.version ?? c.version ?? 0,
    result: 'result' in patch ? (patch.result ?? null) : (c.result ?? null),
    fetchStart: patch.fetchStart ?? c.fetchStart ?? 0,
    locked: patch.locked ?? c.locked ?? false,
  };
}

function get(c: HotReaderContext): TransitionResult['plans'][number] {
  return send(c.cache, 'GET', { key: c.key });
}

function lock(c: HotReaderContext): TransitionResult {
  const payload = { key: `lock:${c.key}`, value: 'locked', version: 0, ttl: c.lockTtl };
  return { state: state('locking', ctx(c)), plans: [send(c.cache, 'ADD', payload)] };
}

function unlock(c: HotReaderContext): TransitionResult {
  return {
    state: state('unlocking', ctx(c)),
    plans: [send(c.cache, 'DEL', { key: `lock:${c.key}` })],
  };
}

function done(c: HotReaderContext): TransitionResult {
  return { state: state('done', ctx(c), true), plans: [] };
}

/** The reader returns a cached value: its value and version. */
function returnHit(c: HotReaderContext, event: Ev): HotReaderContext {
  const hot = decodeHot(event.value as string);
  return make(c, { result: hot.value, version: event.version as number });
}

function select(c: HotReaderContext, now: number): TransitionResult {
  const next = make(c, { fetchStart: timesFetch(c.policy) ? now : 0 });
  return { state: state('selecting', ctx(next)), plans: [send(c.db, 'SELECT', { key: c.key })] };
}

/** Returns a hot reader's initial state and its GET. Pure. */
export function hotReaderInitial(input: Json): TransitionResult {
  const i = input as unknown as HotReaderInput;
  const c = make(i, { value: null, version: 0, result: null, fetchStart: 0, locked: false });
  return { state: state('getting', ctx(c)), plans: [get(c)] };
}

/** Returns a hot reader's state and plans after `event`. Pure. */
export function hotReaderDeliver(current: ActorState, event: Ev): TransitionResult {
  if (current.status !== 'active') return stay(current);
  const c = current.context as unknown as HotReaderContext;
  const now = event.now as number;
  switch (`${current.value as string}:${event.type}`) {
    case 'getting:HIT': {
      const hot = decodeHot(event.value as string);
      if (c.policy === 'early-refresh' && refreshesEarly(c, hot, now)) return select(c, now);
      const returned = make(c, { result: hot.value, version: event.version as number });
      if (c.policy === 'stale-while-revalidate' && now >= hot.expiry) return lock(returned);
      return { state: state('done', ctx(returned), true), plans: [] };
    }
    case 'getting:MISS':
      return c.policy === 'single-flight' ? lock(c) : select(c, now);
    case 'locking:STORED': {
      const locked = make(c, { locked: true });
      return { state: state('rechecking', ctx(locked)), plans: [get(locked)] };
    }
    case 'locking:NOT_STORED':
      if (c.result !== null) return done(c);
      // Parked on the cache until the lock holder's fill lands: no polling, no clock.
      return {
        state: state('waiting', ctx(c)),
        plans: [send(c.cache, 'WAIT', { key: c.key })],
      };
    case 'rechecking:HIT': {
      const hot = decodeHot(event.value as string);
      if (c.policy === 'stale-while-revalidate' && now >= hot.expiry) return select(c, now);
      return unlock(c.result !== null ? c : returnHit(c, event));
    }
    case 'rechecking:MISS':
      return select(c, now);
    case 'waiting:HIT':
    case 'waiting:FILLED':
      return done(returnHit(c, event));
    case 'selecting:ROW': {
      const fetched = (event.value as string | null) ?? '';
      const next = make(c, {
        value: fetched,
        version: event.version as number,
        fetchStart: timesFetch(c.policy) ? now - c.fetchStart : 0,
      });
      const value = fillText(c, fetched, now, next.fetchStart);
      const payload = { key: c.key, value, version: next.version, ttl: c.ttl + c.stale };
      return { state: state('filling', ctx(next)), plans: [send(c.cache, 'SET', payload)] };
    }
    case 'filling:STORED':
    case 'filling:NOT_STORED': {
      const next = make(c, { result: c.result ?? c.value });
      return c.locked ? unlock(next) : done(next);
    }
    case 'unlocking:DELETED':
      return done(c);
    default:
      return stay(current);
  }
}
