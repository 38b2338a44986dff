/**
 * Plain-words phrases for the cache and database messages shared by several scenarios.
 * A request reads as a sentence; a reply as what came back.
 */
import type { Json, Message } from '../engine/types';
import type { Phrase } from './types';

function field(message: Message, name: string): Json | undefined {
  return message.payload[name];
}

const text = (value: Json | undefined): string =>
  value === null || value === undefined ? '—' : String(value);

export const cachePhrases: Readonly<Record<string, Phrase>> = {
  GET: (m, l) => `${l(m.from)} GETs ${text(field(m, 'key'))} from ${l(m.to)}`,
  HIT: (m) => `hit: ${text(field(m, 'value'))}`,
  MISS: (m) => {
    const lease = field(m, 'lease');
    if (lease === -1) return 'miss (another reader holds the lease: do not fill)';
    return typeof lease === 'number' ? `miss, lease ${lease} granted` : 'miss';
  },
  SELECT: (m, l) => `${l(m.from)} SELECTs ${text(field(m, 'key'))} from ${l(m.to)}`,
  ROW: (m) => `gets ${text(field(m, 'value'))}`,
  UPDATE: (m, l) => `${l(m.from)} UPDATEs ${text(field(m, 'key'))} in ${l(m.to)}`,
  UPDATED: (m) => `${text(field(m, 'value'))} committed`,
  SET: (m, l) => {
    const lease = field(m, 'lease');
    const withLease = typeof lease === 'number' ? ` with lease ${lease}` : '';
    return `${l(m.from)} SETs ${text(field(m, 'value'))} into ${l(m.to)}${withLease}`;
  },
  ADD: (m, l) => `${l(m.from)} ADDs ${text(field(m, 'value'))} to ${l(m.to)} (only if absent)`,
  CAS: (m, l) => `${l(m.from)} installs ${text(field(m, 'value'))} in ${l(m.to)} if newer (CAS)`,
  DEL: (m, l) => `${l(m.from)} DELetes ${text(field(m, 'key'))} from ${l(m.to)}`,
  INVALIDATE: (m, l) =>
    `${l(m.from)} leaves a v${text(field(m, 'version'))} tombstone for ${text(field(m, 'key'))} in ${l(m.to)}`,
  DELETED: () => 'deleted',
  STORED: () => 'stored',
  NOT_STORED: (m, l) => refusal(m, l),
};

/** Why the cache refused a write, from what its refusal echoes of the request. */
function refusal(m: Message, l: (actor: string) => string): string {
  const lease = field(m, 'lease');
  const version = field(m, 'version');
  switch (field(m, 'refused')) {
    case 'SET':
      return typeof lease === 'number'
        ? `refused — lease ${lease} was voided by a DEL or another write since the miss`
        : 'refused (not stored)';
    case 'CAS':
      return `refused — v${text(version)} is not newer than the tombstone or value ${l(m.from)} holds`;
    case 'ADD':
      return `refused — ${l(m.from)} already holds ${text(field(m, 'key'))} (ADD never overwrites)`;
    default:
      return 'refused (not stored)';
  }
}
