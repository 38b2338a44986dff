import { describe, expect, it } from 'vitest';
import type { Json, Message } from '../engine/types';
import { cachePhrases } from './phrases';

const label = (actor: string): string => actor[0]!.toUpperCase() + actor.slice(1);

function reply(type: string, payload: Record<string, Json>): Message {
  return {
    id: 'cache->reader#1',
    from: 'cache',
    to: 'reader',
    type,
    payload,
    reply: true,
    sync: false,
    lane: '',
  };
}

describe('cache phrases', () => {
  it('a refused write says why, from what the refusal echoes of the request', () => {
    const says = (payload: Record<string, Json>) =>
      cachePhrases['NOT_STORED']!(reply('NOT_STORED', payload), label);
    expect(says({ key: 'k', refused: 'SET', version: 1, lease: 1 })).toBe(
      'refused — lease 1 was voided by a DEL or another write since the miss',
    );
    expect(says({ key: 'k', refused: 'CAS', version: 1, lease: null })).toBe(
      'refused — v1 is not newer than the tombstone or value Cache holds',
    );
    expect(says({ key: 'k', refused: 'ADD', version: 1, lease: null })).toBe(
      'refused — Cache already holds k (ADD never overwrites)',
    );
    expect(says({ key: 'k', refused: 'SET', version: 1, lease: null })).toBe(
      'refused (not stored)',
    );
  });
});
