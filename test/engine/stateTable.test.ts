/**
 * The table of worlds of the integer core: vectors of any length are numbered in the order they
 * are added and found again by content, whatever their hashes, across the table's growth.
 */
import { describe, expect, it } from 'vitest';
import { hashVector, StateTable } from '../../src/engine/stateTable';

/** A deterministic vector of length `length` for seed `seed` (no two seeds alike). */
function vectorOf(seed: number, length: number): Int32Array {
  const v = new Int32Array(length + 1);
  v[0] = seed;
  for (let i = 1; i <= length; i++) v[i] = (seed * 31 + i * 7) % 97;
  return v;
}

describe('state table', () => {
  it('numbers vectors in the order they are added and finds each again, past several growths', () => {
    const table = new StateTable();
    const count = 20_000;
    for (let k = 0; k < count; k++) {
      const v = vectorOf(k, k % 23);
      expect(table.find(v, v.length)).toBe(-1);
      expect(table.add(v, v.length)).toBe(k);
    }
    expect(table.size).toBe(count);
    for (let k = count - 1; k >= 0; k -= 7) {
      const v = vectorOf(k, k % 23);
      expect(table.find(v, v.length, hashVector(v, v.length))).toBe(k);
    }
  });

  it('tells apart vectors with the same hash, and a vector from its prefixes', () => {
    const table = new StateTable();
    const long = Int32Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
    // Every vector stored under one hash: only their contents and lengths tell them apart.
    for (let length = 0; length <= long.length; length++) {
      expect(table.find(long, length, 42)).toBe(-1);
      expect(table.add(long, length, 42)).toBe(length);
    }
    for (let length = 0; length <= long.length; length++) {
      expect(table.find(long, length, 42)).toBe(length);
    }
    const other = Int32Array.from([3, 1, 4, 1, 5, 9, 2, 7]);
    expect(table.find(other, other.length, 42)).toBe(-1);
    expect(table.find(long, long.length, 43)).toBe(-1);
  });

  it('reads a stored vector from its own copy, not from the buffer it was added from', () => {
    const table = new StateTable();
    const buffer = Int32Array.from([1, 2, 3]);
    table.add(buffer, 3);
    buffer[1] = 5;
    expect(table.find(buffer, 3)).toBe(-1);
    expect(table.find(Int32Array.from([1, 2, 3]), 3)).toBe(0);
  });
});
