/**
 * The invariant library as the authoring format names it: per invariant id, the schema of its
 * parameters and a factory from resolved parameters to the engine invariant. Pure.
 */
import { z } from './zod';
import type { Invariant } from '../engine/types';
import { ackedWriteLostAtCrash, ackedWriteMissing } from '../invariants/durability';
import {
  duplicateUpstreamFetch,
  exceptionCaught,
  exceptionRaised,
  uncaughtException,
} from '../invariants/exceptions';
import { invalidatedVersion, WRITER_STATES } from '../invariants/invalidation';
import { staleAfterLostDelete, staleReadAfterLostDelete } from '../invariants/lostDelete';
import { queryJoinsForeignTable, ambiguousColumnRaised } from '../invariants/sharedState';
import { staleAtQuiescence, staleEntryInstalled, staleForever } from '../invariants/staleness';
import { retryForever, staleVerdictForever, staleVerdictStored } from '../invariants/verdicts';

const one = z.string().check(z.minLength(1), z.maxLength(40));
const many = z.array(one).check(z.minLength(1), z.maxLength(16));
const states = z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(16));

/** Resolves actor references: a group id names all its instances (or, for one, the first). */
export interface Actors {
  one(id: string): string;
  many(ids: readonly string[]): string[];
}

export interface InvariantKind {
  readonly params: z.ZodMiniObject;
  /** Parameters that name one actor, and those that name a list of actors. */
  readonly actor: readonly string[];
  readonly actorList: readonly string[];
  make(params: Record<string, unknown>, actors: Actors): Invariant;
  readonly doc: string;
}

const pair = z.strictObject({ cache: one, db: one });
const parties = z.strictObject({ proxy: one, sidecar: one, db: one });
const str = (p: Record<string, unknown>, key: string): string => String(p[key]);
const list = (p: Record<string, unknown>, key: string): string[] => (p[key] as string[]) ?? [];

export const INVARIANT_KINDS: Readonly<Record<string, InvariantKind>> = {
  'stale-set': {
    params: z.strictObject({
      cache: one,
      db: one,
      writers: many,
      uncommitted: z.optional(states),
      sending: z.optional(states),
    }),
    actor: ['cache', 'db'],
    actorList: ['writers'],
    make: (p, a) =>
      staleEntryInstalled(
        { cache: a.one(str(p, 'cache')), db: a.one(str(p, 'db')) },
        invalidatedVersion({
          writers: a.many(list(p, 'writers')),
          cache: a.one(str(p, 'cache')),
          uncommitted: (p['uncommitted'] as string[] | undefined) ?? WRITER_STATES.uncommitted,
          sending: (p['sending'] as string[] | undefined) ?? WRITER_STATES.sending,
        }),
      ),
    doc: 'a write installs a value older than a version whose invalidation already reached the cache',
  },
  'stale-at-quiescence': {
    params: pair,
    actor: ['cache', 'db'],
    actorList: [],
    make: (p, a) => staleAtQuiescence({ cache: a.one(str(p, 'cache')), db: a.one(str(p, 'db')) }),
    doc: 'when everything is done, the cache still differs from the database',
  },
  'stale-forever': {
    params: pair,
    actor: ['cache', 'db'],
    actorList: [],
    make: (p, a) => staleForever({ cache: a.one(str(p, 'cache')), db: a.one(str(p, 'db')) }),
    doc: 'when everything is done, the cache differs from the database with no TTL to heal it',
  },
  'lost-delete-stale': {
    params: z.strictObject({
      cache: one,
      db: one,
      key: z.string().check(z.minLength(1), z.maxLength(80)),
    }),
    actor: ['cache', 'db'],
    actorList: [],
    make: (p, a) =>
      staleAfterLostDelete(
        { cache: a.one(str(p, 'cache')), db: a.one(str(p, 'db')) },
        str(p, 'key'),
      ),
    doc: 'a dropped DEL leaves a stale entry behind',
  },
  'stale-read': {
    params: z.strictObject({ cache: one, db: one, fault: one }),
    actor: ['cache', 'db'],
    actorList: [],
    make: (p, a) =>
      staleReadAfterLostDelete(
        { cache: a.one(str(p, 'cache')), db: a.one(str(p, 'db')) },
        str(p, 'fault'),
      ),
    doc: 'a reader is served a stale value after the fault dropped a DEL',
  },
  'exception-raised': {
    params: z.strictObject({ tasks: many }),
    actor: [],
    actorList: ['tasks'],
    make: (p, a) => exceptionRaised(a.many(list(p, 'tasks'))),
    doc: 'an exception reaches the caller of a task',
  },
  'exception-caught': {
    params: z.strictObject({ tasks: many }),
    actor: [],
    actorList: ['tasks'],
    make: (p, a) => exceptionCaught(a.many(list(p, 'tasks'))),
    doc: 'a task swallowed an exception',
  },
  'uncaught-exception': {
    params: z.strictObject({ processes: many }),
    actor: [],
    actorList: ['processes'],
    make: (p, a) => uncaughtException(a.many(list(p, 'processes'))),
    doc: 'a scripted process ended on an exception nothing caught',
  },
  'duplicate-fetch': {
    params: z.strictObject({ upstream: one }),
    actor: ['upstream'],
    actorList: [],
    make: (p, a) => duplicateUpstreamFetch(a.one(str(p, 'upstream'))),
    doc: 'the upstream API was called more than once for the same user',
  },
  'stale-verdict-stored': {
    params: parties,
    actor: ['proxy', 'sidecar', 'db'],
    actorList: [],
    make: (p, a) => staleVerdictStored(verdictParties(p, a)),
    doc: 'the proxy stores a verdict the schema has already outdated',
  },
  'stale-verdict-forever': {
    params: parties,
    actor: ['proxy', 'sidecar', 'db'],
    actorList: [],
    make: (p, a) => staleVerdictForever(verdictParties(p, a)),
    doc: 'a stale verdict is still stored when everything is done',
  },
  'retry-forever': {
    params: parties,
    actor: ['proxy', 'sidecar', 'db'],
    actorList: [],
    make: (p, a) => retryForever(verdictParties(p, a)),
    doc: 'CREATE CACHE fails and is retried forever',
  },
  'foreign-table-joined': {
    params: z.strictObject({ threads: many }),
    actor: [],
    actorList: ['threads'],
    make: (p, a) => queryJoinsForeignTable(a.many(list(p, 'threads'))),
    doc: "a request's query joins a table belonging to another request",
  },
  'ambiguous-column': {
    params: z.strictObject({ db: one }),
    actor: ['db'],
    actorList: [],
    make: (p, a) => ambiguousColumnRaised(a.one(str(p, 'db'))),
    doc: 'the database raises "column is ambiguous"',
  },
  'acked-write-lost': {
    params: z.strictObject({ clients: many, cache: one, db: one, log: z.nullable(one) }),
    actor: ['cache', 'db', 'log'],
    actorList: ['clients'],
    make: (p, a) => ackedWriteLostAtCrash(durabilityIds(p, a)),
    doc: 'a crash loses a write the cache had acknowledged',
  },
  'acked-write-missing': {
    params: z.strictObject({ clients: many, cache: one, db: one, log: z.nullable(one) }),
    actor: ['cache', 'db', 'log'],
    actorList: ['clients'],
    make: (p, a) => ackedWriteMissing(durabilityIds(p, a)),
    doc: 'when everything is done, an acknowledged write is missing from the database',
  },
};

function verdictParties(p: Record<string, unknown>, a: Actors) {
  return {
    proxy: a.one(str(p, 'proxy')),
    sidecar: a.one(str(p, 'sidecar')),
    db: a.one(str(p, 'db')),
  };
}

function durabilityIds(p: Record<string, unknown>, a: Actors) {
  return {
    clients: a.many(list(p, 'clients')),
    cache: a.one(str(p, 'cache')),
    db: a.one(str(p, 'db')),
    log: p['log'] === null ? null : a.one(str(p, 'log')),
  };
}

export const INVARIANT_NAMES = Object.keys(INVARIANT_KINDS) as [string, ...string[]];
