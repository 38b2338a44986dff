import { describe, expect, it } from 'vitest';
import { splitContext, stateText } from './ActorCard';

describe('stateText', () => {
  it('writes nested state values as dotted paths', () => {
    expect(stateText('idle')).toBe('idle');
    expect(stateText({ filling: 'waiting' })).toBe('filling.waiting');
    expect(stateText({ a: { b: 'c' } })).toBe('a.b.c');
  });
});

describe('splitContext', () => {
  it('keeps unchanged scalar inputs apart as configuration', () => {
    const input = { key: 'k', ttl: null, rows: { k: 1 } };
    const context = { key: 'k', ttl: null, rows: { k: 1 }, value: 'v1', lease: null };
    expect(splitContext(context, input)).toEqual({
      config: [
        ['key', 'k'],
        ['ttl', null],
      ],
      live: { rows: { k: 1 }, value: 'v1', lease: null },
    });
  });

  it('shows a changed input field as live state', () => {
    expect(splitContext({ key: 'other' }, { key: 'k' })).toEqual({
      config: [],
      live: { key: 'other' },
    });
  });
});
