/**
 * Plain-words phrases for threads touching shared process memory and querying MySQL, in the
 * Python the incident ran, so each step reads like the line of code it is.
 */
import type { Json, Message } from '../engine/types';
import type { Phrase } from './types';

const text = (value: Json | undefined): string =>
  value === null || value === undefined ? '—' : String(value);

function list(value: Json | undefined): string {
  if (!Array.isArray(value) || value.length === 0) return 'nothing';
  return value.map((t) => `"${text(t)}"`).join(', ');
}

const field = (m: Message, name: string): string => text(m.payload[name]);

export const sharedStatePhrases: Readonly<Record<string, Phrase>> = {
  NEW_ENGINE: (m, l) =>
    m.payload.bindToClass === true
      ? `${l(m.from)} runs local.qb.engine = Engine() — local.qb is the MySQLQueryBuilder class, so this sets a class attribute`
      : `${l(m.from)} runs local.engine = Engine() on its own per-request local`,
  ENGINE: (m) =>
    field(m, 'bound') === 'MySQLQueryBuilder.engine'
      ? `${field(m, 'engine')} is now MySQLQueryBuilder.engine, the same for every thread`
      : `${field(m, 'engine')} belongs to this request only`,
  GET_QUERY: (m, l) =>
    m.payload.engine === null
      ? `${l(m.from)} calls local.qb.engine.get_query("${field(m, 'table')}"), which starts with self.tables = {}`
      : `${l(m.from)} calls local.engine.get_query("${field(m, 'table')}"), which starts with self.tables = {}`,
  RESET: (m) => `self is ${field(m, 'engine')}; its tables is now the empty ${field(m, 'dict')}`,
  ADD_TABLE: (m, l) => `${l(m.from)} adds "${field(m, 'table')}" to self.tables`,
  ADDED: (m) => `adding ${field(m, 'table')} to ${field(m, 'dict')} (of ${field(m, 'engine')})`,
  RENDER: (m, l) => `${l(m.from)} renders its query from self.tables`,
  TABLES: (m) =>
    `${field(m, 'engine')}.tables (${field(m, 'dict')}) holds ${list(m.payload.tables)}`,
  QUERY: (m, l) => `${l(m.from)} sends ${field(m, 'sql')} to ${l(m.to)}`,
  ROWS: () => 'one row',
  ERROR: (m) => `error: ${field(m, 'message')}`,
};
