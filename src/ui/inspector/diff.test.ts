import { describe, expect, it } from 'vitest';
import { changedPaths } from './diff';

describe('changedPaths', () => {
  it('marks changed leaves, added and removed keys, and their ancestors', () => {
    const before = { entries: { a: { value: 'v1', version: 1 } }, n: 1 };
    const after = { entries: { a: { value: 'v1', version: 2 }, b: { value: 'v2' } }, n: 1 };
    expect([...changedPaths(before, after)].sort()).toEqual([
      '',
      '/entries',
      '/entries/a',
      '/entries/a/version',
      '/entries/b',
    ]);
  });

  it('returns nothing for equal values', () => {
    expect(changedPaths({ a: [1, 2] }, { a: [1, 2] }).size).toBe(0);
  });
});
