/**
 * Plain-words phrases for the duplicate-insert scenario: in-process cache calls (named after
 * what they return or raise), the upstream fetch, and single-flight futures.
 */
import type { Json, Message } from '../engine/types';
import type { Phrase } from './types';

const text = (value: Json | undefined): string =>
  value === null || value === undefined ? '—' : String(value);

const key = (m: Message): string => text(m.payload['key']);

export const duplicateInsertPhrases: Readonly<Record<string, Phrase>> = {
  GET_ENTRY: (m, l) => `${l(m.from)} calls ${l(m.to)}.get_entry(${key(m)})`,
  ENTRY: (m) => `returns ${text(m.payload['value'])}`,
  NonExistentEntry: () => 'raises NonExistentEntry',
  AWAITING_FUTURE: () => 'raises NonExistentEntry, but a fetch is in flight: awaits its future',
  FETCH_USER: (m, l) => `${l(m.from)} awaits ${l(m.to)}.fetch_user(${text(m.payload['userId'])})`,
  USER: (m) => `returns ${text(m.payload['user'])}`,
  ADD_ENTRY: (m, l) => {
    const override = m.payload['override'] === true ? ', override=True' : '';
    return `${l(m.from)} calls ${l(m.to)}.add_entry(${key(m)}, ${text(m.payload['value'])}${override})`;
  },
  ENTRY_ADDED: () => 'added',
  ExistingEntry: () => 'raises ExistingEntry',
  FUTURE_RESOLVED: (m, l) =>
    `${l(m.to)} wakes up: the in-flight fetch resolved with ${text(m.payload['value'])}`,
};
