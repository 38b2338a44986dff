/**
 * Plain-words phrases for a write-behind cache, its durable log and the database behind it.
 */
import type { Json, Message } from '../engine/types';
import type { Phrase } from './types';

const text = (value: Json | undefined): string =>
  value === null || value === undefined ? '—' : String(value);

const field = (m: Message, name: string): string => text(m.payload[name]);

function entries(m: Message): string {
  const list = m.payload.entries;
  if (!Array.isArray(list) || list.length === 0) return 'nothing to replay';
  return `replays ${list.map((e) => (e && typeof e === 'object' && 'value' in e ? text(e.value) : '?')).join(', ')}`;
}

export const writeBehindPhrases: Readonly<Record<string, Phrase>> = {
  WRITE: (m, l) => `${l(m.from)} writes ${field(m, 'value')} to ${field(m, 'key')} via ${l(m.to)}`,
  ACK: (m) => `ACK for v${field(m, 'version')}: as far as the client knows, it is saved`,
  APPEND: (m, l) => `${l(m.from)} appends ${field(m, 'value')} to ${l(m.to)}`,
  APPENDED: () => 'on disk',
  PUT: (m, l) => `${l(m.from)} writes ${field(m, 'value')} to ${l(m.to)}`,
  PUT_OK: (m) => `${field(m, 'value')} committed`,
  TRIM: (m, l) =>
    `${l(m.from)} trims v${field(m, 'version')} from ${l(m.to)}: it is in the database`,
  REPLAY: (m, l) => `${l(m.from)} asks ${l(m.to)} for every write not yet in the database`,
  ENTRIES: (m) => entries(m),
};
