/**
 * Plain-words phrases for the hot-key stampede: cached values read with their freshness
 * (`v1, fresh until t=0`), the refresh lock taken with ADD and released with DEL, and a reader
 * parked by WAIT until the cache tells it the key was filled.
 */
import { decodeHot } from '../actors/hotReader';
import type { Json, Message } from '../engine/types';
import { cachePhrases } from './phrases';
import type { Phrase } from './types';

const text = (value: Json | undefined): string =>
  value === null || value === undefined ? '—' : String(value);

const key = (m: Message): string => text(m.payload['key']);
const isLock = (m: Message): boolean => key(m).startsWith('lock:');

/** A cached value, with its freshness when it carries one: `v1 (fresh until t=0)`. */
function hot(m: Message): string {
  const value = m.payload['value'];
  if (typeof value !== 'string' || !value.includes('|')) return text(value);
  const decoded = decodeHot(value);
  return `${decoded.value} (fresh until t=${decoded.expiry})`;
}

export const hotKeyPhrases: Readonly<Record<string, Phrase>> = {
  ...cachePhrases,
  HIT: (m) => `hit: ${hot(m)}`,
  SET: (m, l) => `${l(m.from)} SETs ${hot(m)} into ${l(m.to)}`,
  ADD: (m, l) =>
    isLock(m)
      ? `${l(m.from)} takes ${key(m)} (ADD: only if no one holds it)`
      : cachePhrases.ADD!(m, l),
  STORED: (m, l) => (isLock(m) ? `stored: ${l(m.to)} holds the lock` : 'stored'),
  NOT_STORED: (m, l) =>
    isLock(m) ? `refused — another reader holds ${key(m)}` : cachePhrases.NOT_STORED!(m, l),
  DEL: (m, l) => (isLock(m) ? `${l(m.from)} releases ${key(m)} (DEL)` : cachePhrases.DEL!(m, l)),
  DELETED: (m) => (isLock(m) ? 'released' : 'deleted'),
  WAIT: (m, l) => `${l(m.from)} WAITs for ${key(m)} at ${l(m.to)}`,
  FILLED: (m, l) => `${l(m.to)} wakes: ${l(m.from)} says ${key(m)} was filled with ${hot(m)}`,
};
