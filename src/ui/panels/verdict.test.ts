import { describe, expect, it } from 'vitest';
import type { ExploreSummary } from '../../store/index';
import { verdictOf } from './verdict';

const result = (violating: Record<string, number>): ExploreSummary => ({
  complete: true,
  interleavings: 20,
  violating,
  violatingAny: Math.max(0, ...Object.values(violating)),
  states: 10,
  shortest: null,
  run: null,
  ms: 1,
});

describe('verdictOf', () => {
  const fix = { id: 'f', label: 'F', summary: '', closes: true };

  it('judges a fix by every invariant unless it names its own', () => {
    expect(verdictOf(fix, result({ a: 2, b: 0 }))?.tone).toBe('bad');
    const judged = verdictOf({ ...fix, judgedBy: ['b'] }, result({ a: 2, b: 0 }));
    expect(judged).toMatchObject({ tone: 'good', judged: 0 });
    expect(judged?.note).toContain('still reported: a 2');
  });

  it('warns when a fix that does not close the race shows no failure in this model', () => {
    expect(verdictOf({ ...fix, closes: false }, result({ a: 0 }))?.tone).toBe('warn');
  });

  it('gives no verdict on an incomplete exploration', () => {
    expect(verdictOf(fix, { ...result({}), complete: false, violating: null })).toBeNull();
  });
});
