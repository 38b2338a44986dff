import { describe, expect, it } from 'vitest';
import { summaryLine, timingLine } from './ExploreResult';

const base = { complete: true, states: 30, ms: 12, shortest: ['a', 'b', 'c', 'd', 'e'], run: null };

describe('summaryLine', () => {
  it('prints big counts exactly, from their decimal text', () => {
    const line = summaryLine({
      ...base,
      interleavings: Number(15_807_274_735_477_524n),
      interleavingsExact: '15807274735477524',
      violating: { 'stale-set': Number(9_007_199_254_740_993n) },
      violatingExact: { 'stale-set': '9007199254740993' },
      violatingAny: Number(9_007_199_254_740_993n),
      violatingAnyExact: '9007199254740993',
      violatingHarm: 0,
    });
    expect(line).toBe(
      '15,807,274,735,477,524 interleavings · 9,007,199,254,740,993 violate (stale-set 9,007,199,254,740,993) · shortest: 5 steps',
    );
  });

  it('says where a search stopped by its state budget and what to try', () => {
    const line = summaryLine({
      ...base,
      complete: false,
      interleavings: null,
      violating: null,
      violatingAny: null,
      violatingHarm: null,
      stoppedMessage: 'stopped at 500,000 states (≈ 600 MB): try stepping by operations',
    });
    expect(line).toBe('Stopped at 500,000 states (≈ 600 MB): try stepping by operations.');
  });

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
