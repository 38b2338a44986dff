/**
 * The actor library as the authoring format names it: per kind, its machine, default role, the
 * schema of its options (the machine's input) and which options name other actors. Pure.
 */
import type { AnyStateMachine } from 'xstate';
import { z } from './zod';
import { cacheMachine } from '../actors/cache';
import { QUEUED_COMMANDS } from '../actors/cacheQueue';
import { databaseMachine } from '../actors/database';
import { ddlClientMachine } from '../actors/ddlClient';
import { durableLogMachine } from '../actors/durableLog';
import { fetchTaskMachine } from '../actors/fetchTask';
import { processMemoryMachine } from '../actors/processMemory';
import { proxyMachine } from '../actors/proxy';
import { readerMachine } from '../actors/reader';
import { recordStoreMachine } from '../actors/recordStore';
import { requestThreadMachine } from '../actors/requestThread';
import { scriptProcessMachine } from '../actors/scriptProcess';
import { sharedObjectMachine } from '../actors/sharedObject';
import { sidecarMachine } from '../actors/sidecar';
import { sqlServerMachine } from '../actors/sqlServer';
import { timedCacheMachine } from '../actors/timedCache';
import { upstreamMachine } from '../actors/upstream';
import { writeBehindCacheMachine } from '../actors/writeBehindCache';
import { writeClientMachine } from '../actors/writeClient';
import { writerMachine } from '../actors/writer';
import type { ActorRole, Json } from '../engine/types';
import { compileScript, ScriptError, type CompiledScript } from './script';

/** The largest number an option may hold (ticks, versions, attempts). */
export const MAX_NUMBER = 1000;

const name = z.string().check(z.minLength(1), z.maxLength(80));
const count = z.number().check(z.int(), z.minimum(0), z.maximum(MAX_NUMBER));
const ref = z.string().check(z.minLength(1), z.maxLength(40));
const ttl = z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_NUMBER)));
const row = z.strictObject({ value: name, version: count });
const rows = z
  .record(name, row)
  .check(z.refine((r) => Object.keys(r).length <= 16, 'at most 16 rows'));
const tables = z.array(name).check(z.maxLength(16));
/** The cache's single-threaded command queue: ticks per command, and rules for slow ones. */
const queue = z.strictObject({
  duration: count.check(z.minimum(1)),
  durations: z.optional(
    z
      .array(
        z.strictObject({
          command: z.optional(z.enum(QUEUED_COMMANDS)),
          key: z.optional(name),
          duration: count.check(z.minimum(1)),
        }),
      )
      .check(z.maxLength(16)),
  ),
});

export interface ActorKind {
  readonly machine: AnyStateMachine;
  readonly role: ActorRole;
  /** The options schema; null when the machine takes no input. */
  readonly options: z.ZodMiniType | null;
  /** Options whose value is another actor's id (or null). */
  readonly refs: readonly string[];
  /** One line for the docs and completion. */
  readonly doc: string;
  /**
   * Turns checked options into the machine's input, with the actors they name inside (their
   * paths relative to the options); absent when the options are the input.
   */
  readonly prepare?: (options: Json) => CompiledScript;
}

const kind = (
  machine: AnyStateMachine,
  role: ActorRole,
  options: z.ZodMiniType | null,
  refs: readonly string[],
  doc: string,
): ActorKind => ({ machine, role, options, refs, doc });

/** A script's options: checked by compiling them, each problem at its path. */
const scriptOptions = z.unknown().check(
  z.superRefine((options, ctx) => {
    try {
      compileScript(options as Json);
    } catch (error) {
      if (!(error instanceof ScriptError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, path: error.path });
    }
  }),
);

export const ACTOR_KINDS: Readonly<Record<string, ActorKind>> = {
  reader: kind(
    readerMachine,
    'process',
    z.strictObject({
      key: name,
      mode: z.enum(['set', 'lease', 'cas', 'add']),
      ttl,
      cache: ref,
      db: ref,
    }),
    ['cache', 'db'],
    'cache-aside reader: GET, on a miss SELECT, then fill the cache (set, lease, cas or add)',
  ),
  writer: kind(
    writerMachine,
    'process',
    z.strictObject({
      key: name,
      mode: z.enum(['delete', 'double-delete', 'invalidate-versioned', 'write-through']),
      delay: count,
      ttl,
      cache: ref,
      db: ref,
    }),
    ['cache', 'db'],
    'UPDATE the database, then invalidate the cache (delete, double-delete, tombstone, write-through)',
  ),
  cache: kind(
    cacheMachine,
    'server',
    z.strictObject({
      entries: z.optional(
        z.record(
          name,
          z.strictObject({
            value: name,
            version: count,
            expiresAt: z.nullable(count),
            tombstone: z.boolean(),
          }),
        ),
      ),
      queue: z.optional(queue),
    }),
    [],
    'key-value cache: GET/SET/ADD/CAS/DEL, TTLs, leases and versioned tombstones; queue: one command at a time, each taking its duration',
  ),
  database: kind(
    databaseMachine,
    'server',
    z.strictObject({ rows, tables: z.optional(tables), replicaTo: z.optional(ref) }),
    ['replicaTo'],
    'database: versioned rows, SELECT/UPDATE, DDL replicated to a sidecar',
  ),
  'fetch-task': kind(
    fetchTaskMachine,
    'process',
    z.strictObject({
      userId: name,
      mode: z.enum(['add', 'override', 'single-flight', 'catch']),
      cache: ref,
      upstream: ref,
      inlineCalls: z.boolean(),
    }),
    ['cache', 'upstream'],
    'coroutine fetch_user: get_entry, on a miss await upstream, then add_entry',
  ),
  'timed-cache': kind(
    timedCacheMachine,
    'server',
    z.strictObject({ ttl: count.check(z.minimum(1)) }),
    [],
    'non-overwriting TTL cache: get_entry / add_entry raise NonExistentEntry / ExistingEntry',
  ),
  upstream: kind(upstreamMachine, 'server', null, [], 'upstream API: counts calls per user'),
  proxy: kind(
    proxyMachine,
    'process',
    z.strictObject({
      query: name,
      table: name,
      sidecar: ref,
      db: ref,
      self: ref,
      maxAttempts: count.check(z.minimum(1), z.maximum(20)),
      epochAtStore: z.boolean(),
      epochOnUse: z.boolean(),
      invalidateOnDdl: z.boolean(),
      dropOnFailure: z.boolean(),
      invalidateOnForward: z.boolean(),
    }),
    ['sidecar', 'db', 'self'],
    'query proxy with a metadata cache of EXPLAIN verdicts; forwards DDL',
  ),
  sidecar: kind(
    sidecarMachine,
    'server',
    z.strictObject({ tables, notify: z.nullable(ref) }),
    ['notify'],
    'caching sidecar: replicated tables, schema epoch, EXPLAIN / CREATE CACHE',
  ),
  'ddl-client': kind(
    ddlClientMachine,
    'process',
    z.strictObject({
      db: ref,
      statements: z
        .array(z.strictObject({ statement: z.enum(['CREATE_TABLE', 'DROP_TABLE']), table: name }))
        .check(z.maxLength(8)),
    }),
    ['db'],
    'application running DDL statements in order',
  ),
  'request-thread': kind(
    requestThreadMachine,
    'process',
    z.strictObject({
      request: name,
      table: name,
      select: name,
      where: name,
      engineHome: z.enum(['class', 'local']),
      memory: ref,
      db: ref,
    }),
    ['memory', 'db'],
    'web request in a thread: builds a query through a shared or per-request engine',
  ),
  'process-memory': kind(
    processMemoryMachine,
    'server',
    z.strictObject({ classTables: z.boolean() }),
    [],
    "one process's memory: class attributes shared by its threads",
  ),
  'sql-server': kind(
    sqlServerMachine,
    'server',
    z.strictObject({
      columns: z
        .record(name, z.array(name).check(z.maxLength(16)))
        .check(z.refine((c) => Object.keys(c).length <= 16, 'at most 16 tables')),
    }),
    [],
    'SQL server: rejects a query whose bare column is ambiguous',
  ),
  'write-behind-cache': kind(
    writeBehindCacheMachine,
    'server',
    z.strictObject({
      strategy: z.enum(['write-behind', 'durable-log', 'write-through']),
      flushDelay: count,
      restartDelay: count,
      db: ref,
      log: ref,
    }),
    ['db', 'log'],
    'write-behind cache: acknowledges writes, flushes later; may crash',
  ),
  'durable-log': kind(durableLogMachine, 'server', null, [], 'durable log: APPEND, TRIM, REPLAY'),
  'write-client': kind(
    writeClientMachine,
    'process',
    z.strictObject({ key: name, value: name, version: count, cache: ref }),
    ['cache'],
    'client writing one value through a cache',
  ),
  'record-store': kind(
    recordStoreMachine,
    'server',
    z.strictObject({ rows }),
    [],
    'plain record store (the database behind a write-behind cache)',
  ),
  process: {
    ...kind(
      scriptProcessMachine,
      'process',
      scriptOptions,
      [],
      'a process that runs a script of steps (steps: […]); its other options are its fields',
    ),
    prepare: (options) => compileScript(options),
  },
  'shared-object': kind(
    sharedObjectMachine,
    'server',
    z.strictObject({
      fields: z.optional(
        z
          .record(
            z.string().check(z.minLength(1), z.maxLength(40)),
            z.union([z.null(), z.boolean(), z.number(), name]),
          )
          .check(z.refine((f) => Object.keys(f).length <= 16, 'at most 16 fields')),
      ),
    }),
    [],
    'shared object: fields and locks that scripted processes read, write, lock and unlock',
  ),
};

export const ACTOR_KIND_NAMES = Object.keys(ACTOR_KINDS) as [string, ...string[]];
