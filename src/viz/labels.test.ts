import { describe, expect, it } from 'vitest';
import type { Message } from '../engine/types';
import { clip, messageLabel, safeKey, wrap } from './labels';

function message(type: string, payload: Message['payload'], reply = false): Message {
  return { id: 'a->b#1', from: 'a', to: 'b', type, payload, reply, sync: false, lane: 'main' };
}

describe('labels', () => {
  it('labels a request by its type and value, else its key', () => {
    expect(messageLabel(message('SET', { key: 'user:1', value: 'v1' }))).toBe('SET v1');
    expect(messageLabel(message('GET', { key: 'user:1', lease: false }))).toBe('GET user:1');
    expect(messageLabel(message('SET', { key: 'k', value: 'v1', lease: 3 }))).toBe(
      'SET v1 lease 3',
    );
  });

  it('labels a reply in lower case with its value', () => {
    expect(messageLabel(message('MISS', { key: 'k', lease: null }, true))).toBe('miss');
    expect(messageLabel(message('HIT', { key: 'k', value: 'v2' }, true))).toBe('hit v2');
    expect(messageLabel(message('NOT_STORED', { key: 'k' }, true))).toBe('not stored');
    expect(messageLabel(message('MISS', { key: 'k', lease: -1 }, true))).toBe('miss (no lease)');
  });

  it('labels a hot value (value|expiry|delta) by its value', () => {
    expect(messageLabel(message('SET', { key: 'k', value: 'v2|1014|0' }))).toBe('SET v2');
    expect(messageLabel(message('HIT', { key: 'k', value: 'v1|0|1.5' }, true))).toBe('hit v1');
    expect(messageLabel(message('SET', { key: 'k', value: 'a|b' }))).toBe('SET a|b');
  });

  it('keeps labels short', () => {
    const long = messageLabel(
      message('EXPLAIN_CREATE_CACHE', { key: 'select * from a_very_long_table' }),
    );
    expect(long.length).toBeLessThanOrEqual(26);
    expect(long.endsWith('…')).toBe(true);
    expect(clip('abc', 5)).toBe('abc');
  });

  it('wraps notes at spaces into a few lines', () => {
    const lines = wrap('stale v1 installed after v2 committed and invalidated', 25);
    expect(lines).toEqual(['stale v1 installed after', 'v2 committed and', 'invalidated']);
    expect(wrap('a b c d e f g h', 3, 2)).toEqual(['a b', 'c…']);
  });

  it('makes step keys attribute-safe without merging distinct keys', () => {
    expect(safeKey('reader->cache')).toBe('reader--cache');
    expect(safeKey('timer:writer/delay')).toBe('timer_writer_delay');
    expect(safeKey('a->b:replication')).not.toBe(safeKey('a->b'));
  });
});

describe('labels of other scenarios', () => {
  it('names what a request is about when it has no key or value', () => {
    expect(messageLabel(message('DROP_TABLE', { table: 'example' }))).toBe('DROP_TABLE example');
    expect(
      messageLabel(message('STORE_VERDICT', { query: 'SELECT 1', verdict: 'supported' })),
    ).toBe('STORE_VERDICT supported');
  });

  it('keeps names such as exceptions as they are in replies', () => {
    expect(messageLabel(message('ExistingEntry', { key: '42', value: null }, true))).toBe(
      'ExistingEntry',
    );
    expect(messageLabel(message('DDL_OK', { table: 'example' }, true))).toBe('ddl ok');
  });
});
