import { describe, expect, it } from 'vitest';
import { summaryLine, timingLine } from './ExploreResult';

const base = { complete: true, states: 30, ms: 12, shortest: ['a', 'b', 'c', 'd', 'e'], run: null };

describe('summaryLine', () => {
  it('names counts per invariant and the shortest race', () => {
    const line = summaryLine({
      ...base,
      interleavings: 25,
      violating: { 'stale-set': 4, 'stale-forever': 0 },
      violatingAny: 4,
      violatingHarm: 4,
    });
    expect(line).toBe('25 interleavings · 4 violate (stale-set 4) · shortest: 5 steps');
  });

  it('says when nothing violates and when the search stopped early', () => {
    expect(
      summaryLine({
        ...base,
        interleavings: 1234,
        violating: {},
        violatingAny: 0,
        violatingHarm: 0,
      }),
    ).toBe('1,234 interleavings · none violates');
    expect(
      summaryLine({
        ...base,
        complete: false,
        interleavings: null,
        violating: null,
        violatingAny: null,
        violatingHarm: null,
        ms: 20_000,
      }),
    ).toBe(
      'Stopped after 20.0 s (30 states): too many orders to count. Try a smaller model or stepping by operations.',
    );
  });

  it('gives the time in ms below a second', () => {
    expect(
      timingLine({ ...base, interleavings: 1, violating: {}, violatingAny: 0, violatingHarm: 0 }),
    ).toBe('30 states explored in 12 ms');
  });
});
