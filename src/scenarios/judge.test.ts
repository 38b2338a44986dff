import { describe, expect, it } from 'vitest';
import { headlineRace, judgedInvariants, judgedViolations } from './judge';

const fix = { id: 'f', label: 'F', summary: 's', closes: true };

describe('judging a fix', () => {
  it('uses every invariant by default, only the named ones with judgedBy', () => {
    const violating = { a: 0, b: 3 };
    expect(judgedInvariants(fix, violating)).toEqual(['a', 'b']);
    expect(judgedViolations(fix, violating)).toBe(3);
    expect(judgedViolations({ ...fix, judgedBy: ['a'] }, violating)).toBe(0);
    expect(judgedViolations({ ...fix, judgedBy: ['a', 'b'] }, violating)).toBe(3);
  });

  it('shows the race of the first violated invariant, preferring the ones the fix is judged by', () => {
    const result = {
      violating: { a: 0, b: 2, c: 5 },
      shortestBy: { b: ['x', 'y', 'z'], c: ['x'] },
    };
    expect(headlineRace(['a', 'b', 'c'], fix, result)).toEqual({
      invariant: 'b',
      schedule: ['x', 'y', 'z'],
    });
    expect(headlineRace(['a', 'b', 'c'], { ...fix, judgedBy: ['c'] }, result)).toEqual({
      invariant: 'c',
      schedule: ['x'],
    });
    expect(headlineRace(['a', 'b', 'c'], { ...fix, judgedBy: ['a'] }, result)?.invariant).toBe('b');
    expect(headlineRace(['a'], fix, { violating: { a: 0 }, shortestBy: {} })).toBeNull();
    expect(headlineRace(['a'], fix, { violating: null, shortestBy: {} })).toBeNull();
  });
});
