/**
 * Plain-words phrases for the QueryPilot / Readyset / database messages: DDL sent through the
 * proxy, the replication stream, EXPLAIN CREATE CACHE verdicts, CREATE CACHE and schema-change
 * notifications; and the proxy's conclusions, which the messages alone do not say.
 */
import { storedVerdict, type ProxyContext } from '../actors/proxy';
import type { Json, Message, StepRecord, World } from '../engine/types';
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

/** A DDL request: sent by the application, or forwarded by the proxy on a client's behalf. */
const ddl: Phrase = (m, l) => {
  const client = m.payload['client'];
  return typeof client === 'string'
    ? `${l(m.from)} forwards ${l(client)}'s ${sql(m)} to ${l(m.to)}`
    : `${l(m.from)} sends ${sql(m)} to ${l(m.to)}`;
};

export const querypilotPhrases: Readonly<Record<string, Phrase>> = {
  DROP_TABLE: ddl,
  CREATE_TABLE: ddl,
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

/** Returns the default sentence for the messages a step delivered (as narrate.ts words it). */
function delivered(record: StepRecord, label: (actor: string) => string): string {
  return record.delivered
    .map((m, i) => {
      const said = querypilotPhrases[m.type]?.(m, label) ?? m.type;
      return m.reply && i === 0 ? `${label(m.to)} hears back from ${label(m.from)}: ${said}` : said;
    })
    .join(': ');
}

/** The step's messages in plain words; a reply the proxy relays ends as `, relayed to App`. */
function said(record: StepRecord, label: (actor: string) => string): string {
  const last = record.delivered[record.delivered.length - 1];
  if (record.delivered.length < 2 || last?.payload['relayed'] !== true)
    return delivered(record, label);
  const rest = { ...record, delivered: record.delivered.slice(0, -1) };
  return `${delivered(rest, label)}, relayed to ${label(last.to)}`;
}

/**
 * Returns the sentence for a step where the proxy concluded something the messages alone do not
 * say (a dropped or refused verdict, a loop that never ends), or null for the default. Pure.
 */
export function describeProxyStep(
  record: StepRecord,
  before: World,
  after: World,
  label: (actor: string) => string,
): string | null {
  const was = before.actors['proxy'];
  const now = after.actors['proxy'];
  if (!was || !now || !record.changed.includes('proxy')) return null;
  const relayed = record.delivered.length > 1 && record.delivered.some((m) => m.payload['relayed']);
  const proxy = label('proxy');
  const had = storedVerdict(was.context as unknown as ProxyContext);
  const has = storedVerdict(now.context as unknown as ProxyContext);
  const context = now.context as unknown as ProxyContext;
  if (now.value === 'retryingForever' && was.value !== now.value)
    return `${said(record, label)} — attempt ${context.attempts}, and the metadata still says "supported": ${proxy} would retry forever`;
  if (was.value === 'storing' && now.value === 'explaining') {
    const offered = record.delivered.find((m) => m.type === 'STORE_VERDICT')?.payload['epoch'];
    return `${proxy} is about to store a verdict of epoch ${String(offered)}, but it already knows of schema epoch ${context.knownEpoch}: it refuses and asks again`;
  }
  if (had && !has)
    return `${said(record, label)} — ${proxy} drops its cached verdict and will ask again`;
  const notice = record.delivered.some((m) => m.type === 'SCHEMA_CHANGED');
  const forwarded = record.delivered.some(
    (m) => m.to === 'proxy' && (m.type === 'DROP_TABLE' || m.type === 'CREATE_TABLE'),
  );
  // Forwarding can happen while EXPLAIN is still out: its reply is then on its way too.
  const pending = was.value === 'storing' || (forwarded && was.value === 'explaining');
  if (
    !had &&
    pending &&
    ((notice && context.invalidateOnDdl) || (forwarded && context.invalidateOnForward))
  )
    return `${said(record, label)} — nothing is stored yet to drop: the verdict on its way lands after this invalidation`;
  return relayed ? said(record, label) : null;
}
