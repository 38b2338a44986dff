/**
 * Plain-words phrases for the QueryPilot / Readyset / database messages: DDL, the replication
 * stream, EXPLAIN CREATE CACHE verdicts, CREATE CACHE and schema-change notifications.
 */
import type { Json, Message } from '../engine/types';
import type { Phrase } from './types';

const text = (value: Json | undefined): string =>
  value === null || value === undefined ? '—' : String(value);

const SQL: Readonly<Record<string, string>> = {
  DROP_TABLE: 'DROP TABLE',
  CREATE_TABLE: 'CREATE TABLE',
};

const sql = (m: Message): string =>
  `${SQL[text(m.payload['statement'] ?? m.type)] ?? text(m.payload['statement'])} ${text(m.payload['table'])}`;

const query = (m: Message): string => text(m.payload['query']);
const epoch = (m: Message): string => `epoch ${text(m.payload['epoch'])}`;

export const querypilotPhrases: Readonly<Record<string, Phrase>> = {
  DROP_TABLE: (m, l) => `${l(m.from)} runs DROP TABLE ${text(m.payload['table'])} on ${l(m.to)}`,
  CREATE_TABLE: (m, l) =>
    `${l(m.from)} runs CREATE TABLE ${text(m.payload['table'])} on ${l(m.to)}`,
  DDL_OK: (m) => `${sql(m)} committed`,
  DDL_FAILED: (m) => `failed: ${text(m.payload['error'])}`,
  REPLICATE: (m, l) =>
    `${l(m.to)} applies ${sql(m)} from ${l(m.from)}'s replication stream (position ${text(m.payload['lsn'])})`,
  SCHEMA_CHANGED: (m, l) =>
    `${l(m.from)} tells ${l(m.to)} the schema changed (${sql(m)}, now ${epoch(m)})`,
  EXPLAIN: (m, l) => `${l(m.from)} asks ${l(m.to)}: EXPLAIN CREATE CACHE ${query(m)}`,
  EXPLAINED: (m) => `"${text(m.payload['verdict'])}" (schema ${epoch(m)})`,
  STORE_VERDICT: (m, l) =>
    `${l(m.to)} stores "${text(m.payload['verdict'])}" (${epoch(m)}) for ${query(m)} in its metadata cache`,
  CREATE_CACHE: (m, l) => {
    const tag = m.payload['epoch'];
    const carrying = typeof tag === 'number' ? ` carrying verdict epoch ${tag}` : '';
    return `${l(m.from)} asks ${l(m.to)}: CREATE CACHE ${query(m)}${carrying}`;
  },
  CACHE_CREATED: () => 'cache created',
  CREATE_CACHE_FAILED: (m) => `error: ${text(m.payload['error'])}`,
  STALE_EPOCH: (m) => `rejected: the verdict predates schema ${epoch(m)}`,
};
