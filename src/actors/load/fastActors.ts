/**
 * Fast kernels of the cache-aside reader, the writer and the row database (src/actors/reader.ts,
 * writer.ts, database.ts) for the load simulation: the same states and plans as the machines,
 * without xstate's interpretation. Must stay equal to them (tested on the same schedules). Pure.
 */
import type { TransitionResult } from '../../engine/machines';
import type { ActorState, Json, Plan } from '../../engine/types';
import type { Row } from '../database';
import type { ReaderContext, ReaderInput } from '../reader';
import type { WriterContext, WriterInput } from '../writer';
import { NO_PLANS, send, state, stay, type Ctx, type Ev } from './kernel';

const FILL = { set: 'SET', lease: 'SET', cas: 'CAS', add: 'ADD' } as const;

const ctx = (context: object): Ctx => context as unknown as Ctx;

/** Builds a reader context field by field (object spreads are slow on this hot path). */
function reader(
  c: ReaderInput,
  lease: number | null,
  value: string | null,
  version: number,
  result: string | null,
): ReaderContext {
  return {
    key: c.key,
    mode: c.mode,
    ttl: c.ttl,
    cache: c.cache,
    db: c.db,
    lease,
    value,
    version,
    result,
  };
}

function writer(c: WriterInput, value: string | null, version: number): WriterContext {
  return {
    key: c.key,
    mode: c.mode,
    delay: c.delay,
    ttl: c.ttl,
    cache: c.cache,
    db: c.db,
    value,
    version,
  };
}

/** Returns a reader's initial state and its GET. Pure. */
export function readerInitial(input: Json): TransitionResult {
  const i = input as unknown as ReaderInput;
  const context = reader(i, null, null, 0, null);
  const get = send(i.cache, 'GET', { key: i.key, lease: i.mode === 'lease' });
  return { state: state('getting', ctx(context)), plans: [get] };
}

function done(next: ReaderContext): TransitionResult {
  return { state: state('done', ctx(next), true), plans: NO_PLANS };
}

/** Returns a reader's state and plans after `event`. Pure. */
export function readerDeliver(current: ActorState, event: Ev): TransitionResult {
  if (current.status !== 'active') return stay(current);
  const c = current.context as unknown as ReaderContext;
  const type = event.type;
  switch (current.value as string) {
    case 'getting':
      if (type === 'HIT') {
        const version = (event.version as number | undefined) ?? c.version;
        return done(reader(c, c.lease, c.value, version, (event.value as string | null) ?? null));
      }
      if (type === 'MISS') {
        const lease = (event.lease as number | null | undefined) ?? null;
        // Contexts are never mutated: an unchanged one is kept (most misses hand no lease).
        const next = lease === c.lease ? c : reader(c, lease, c.value, c.version, c.result);
        return {
          state: state('selecting', ctx(next)),
          plans: [send(c.db, 'SELECT', { key: c.key })],
        };
      }
      break;
    case 'selecting':
      if (type === 'ROW') {
        const value = (event.value as string | null | undefined) ?? null;
        const version = event.version as number;
        const held = version ?? c.version;
        if (c.lease === -1) return done(reader(c, c.lease, value, held, value));
        const next = reader(c, c.lease, value, held, c.result);
        const payload =
          c.mode === 'lease'
            ? { key: c.key, value: value ?? '', version, ttl: c.ttl, lease: c.lease }
            : { key: c.key, value: value ?? '', version, ttl: c.ttl };
        return {
          state: state('filling', ctx(next)),
          plans: [send(c.cache, FILL[c.mode], payload)],
        };
      }
      break;
    case 'filling':
      if (type === 'STORED' || type === 'NOT_STORED')
        return done(reader(c, c.lease, c.value, c.version, c.value));
      break;
  }
  return stay(current);
}

/** Returns a writer's initial state and its UPDATE. Pure. */
export function writerInitial(input: Json): TransitionResult {
  const i = input as unknown as WriterInput;
  const context = writer(i, null, 0);
  return {
    state: state('updating', ctx(context)),
    plans: [send(i.db, 'UPDATE', { key: i.key })],
  };
}

/** Returns a writer's state and plans after `event`. Pure. */
export function writerDeliver(current: ActorState, event: Ev): TransitionResult {
  if (current.status !== 'active') return stay(current);
  const c = current.context as unknown as WriterContext;
  const del = (): Plan => send(c.cache, 'DEL', { key: c.key });
  const type = event.type;
  switch (current.value as string) {
    case 'updating':
      if (type === 'UPDATED') {
        const next = writer(c, event.value as string, event.version as number);
        if (c.mode === 'write-through') {
          const payload = { key: c.key, value: next.value, version: next.version, ttl: c.ttl };
          return {
            state: state('writingThrough', ctx(next)),
            plans: [send(c.cache, 'SET', payload)],
          };
        }
        if (c.mode === 'invalidate-versioned') {
          const payload = { key: c.key, version: next.version };
          return {
            state: state('invalidating', ctx(next)),
            plans: [send(c.cache, 'INVALIDATE', payload)],
          };
        }
        return { state: state('deleting', ctx(next)), plans: [del()] };
      }
      break;
    case 'deleting':
      if (type !== 'DELETED') break;
      if (c.mode === 'double-delete') {
        return {
          state: state('waiting', ctx(c)),
          plans: [{ kind: 'startTimer', name: 'second-delete', delay: c.delay }],
        };
      }
      return { state: state('done', ctx(c), true), plans: NO_PLANS };
    case 'waiting':
      if (type === 'TIMER') return { state: state('deletingAgain', ctx(c)), plans: [del()] };
      break;
    case 'deletingAgain':
    case 'invalidating':
      if (type === 'DELETED') return { state: state('done', ctx(c), true), plans: NO_PLANS };
      break;
    case 'writingThrough':
      if (type === 'STORED' || type === 'NOT_STORED') {
        return { state: state('done', ctx(c), true), plans: NO_PLANS };
      }
      break;
  }
  return stay(current);
}

type Rows = { readonly [key: string]: Row };

/** Returns a row database's initial state. Pure. */
export function databaseInitial(input: Json): TransitionResult {
  const rows = (input as unknown as { rows: Rows }).rows;
  return { state: state('up', ctx({ rows })), plans: [] };
}

/** Returns a row database's state and reply after SELECT or UPDATE. Pure. */
export function databaseDeliver(current: ActorState, event: Ev): TransitionResult {
  if (current.status !== 'active') return stay(current);
  const rows = (current.context as unknown as { rows: Rows }).rows;
  const key = event.key as string;
  const from = event.from as string;
  if (event.type === 'SELECT') {
    const row = rows[key];
    const payload = { key, value: row?.value ?? null, version: row?.version ?? 0 };
    return { state: current, plans: [send(from, 'ROW', payload, true)] };
  }
  if (event.type === 'UPDATE') {
    const version = (rows[key]?.version ?? 0) + 1;
    const row = { value: `v${version}`, version };
    const next = { rows: { ...rows, [key]: row } };
    return {
      state: state('up', ctx(next)),
      plans: [send(from, 'UPDATED', { key, value: row.value, version }, true)],
    };
  }
  return stay(current);
}
