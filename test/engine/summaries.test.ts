/**
 * The summary rows of the integer core: running sums added to without an object per successor
 * give what adding exact counts one by one gives, past 2^53 too, and shortest distances and the
 * chance of harm as the search defines them.
 */
import { describe, expect, it } from 'vitest';
import { SummaryTable } from '../../src/engine/summaries';

/** Two invariants; harm is invariant 1. */
const N = 2;
const HARM = 0b10;

describe('summary rows', () => {
  it('a finished world counts one interleaving, violating what its mask says', () => {
    const table = new SummaryTable(N, HARM);
    const s = table.sums();
    table.leaf(s, 0b10);
    table.store(0, s, 0);
    expect([table.paths(0), table.any(0), table.harm(0)]).toEqual([1, 1, 1]);
    expect([table.violating(0, 0), table.violating(0, 1)]).toEqual([0, 1]);
    expect([0, 1, 2, 3].map((i) => table.shortest(0, i))).toEqual([Infinity, 0, 0, 0]);
    expect(table.chance(0)).toBe(1);
  });

  it('adds successors by the mask of the step into each, and divides the chance by the steps', () => {
    const table = new SummaryTable(N, HARM);
    const leaf = table.sums();
    table.leaf(leaf, 0);
    table.store(0, leaf, 0);
    table.leaf(leaf, 0b01);
    table.store(1, leaf, 0);
    const s = table.sums();
    table.open(s);
    table.add(s, 0, 0); // a clean end
    table.add(s, 1, 0); // an end violating invariant 0
    table.add(s, 0, 0b10); // a harmful step into a clean end
    table.store(2, s, 3);
    expect([table.paths(2), table.any(2), table.harm(2)]).toEqual([3, 2, 1]);
    expect([table.violating(2, 0), table.violating(2, 1)]).toEqual([1, 1]);
    expect([0, 1, 2, 3].map((i) => table.shortest(2, i))).toEqual([1, 1, 1, 1]);
    expect(table.chance(2)).toBeCloseTo(1 / 3, 15);
  });

  it('keeps counts exact past 2^53, as BigInt', () => {
    const table = new SummaryTable(N, HARM);
    const s = table.sums();
    table.leaf(s, 0b01);
    table.store(0, s, 0);
    // World k + 1 has two steps, both into world k: 2^(k+1) interleavings, all violating 0.
    let exact = 1n;
    for (let k = 0; k < 60; k++) {
      table.open(s);
      table.add(s, k, 0);
      table.add(s, k, 0);
      table.store(k + 1, s, 2);
      exact *= 2n;
      const paths = table.paths(k + 1);
      expect(BigInt(paths)).toBe(exact);
      expect(typeof paths).toBe(exact > BigInt(Number.MAX_SAFE_INTEGER) ? 'bigint' : 'number');
      expect(BigInt(table.violating(k + 1, 0))).toBe(exact);
      expect(table.violating(k + 1, 1)).toBe(0);
    }
    // One more interleaving on top of 2^60 is not lost to rounding.
    table.leaf(s, 0);
    table.store(61, s, 0);
    table.open(s);
    table.add(s, 60, 0);
    table.add(s, 61, 0);
    table.store(62, s, 2);
    expect(table.paths(62)).toBe(exact + 1n);
    expect(table.any(62)).toBe(exact);
  });
});
