/**
 * Plain-words phrases for the async-invalidation scenario: the cache and database words, plus
 * the invalidation job a worker takes off its queue.
 */
import type { Json } from '../engine/types';
import { cachePhrases } from './phrases';
import type { Phrase } from './types';

const list = (value: Json | undefined): string =>
  Array.isArray(value) ? value.map(String).join(', ') : '—';

export const asyncInvalidationPhrases: Readonly<Record<string, Phrase>> = {
  ...cachePhrases,
  JOB: (m, l) => `${l(m.to)} takes the job off the queue: delete ${list(m.payload['keys'])}`,
};
