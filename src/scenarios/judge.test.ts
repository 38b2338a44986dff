import { describe, expect, it } from 'vitest';
import { judgedInvariants, judgedViolations } from './judge';

const fix = { id: 'f', label: 'F', summary: 's', closes: true };

describe('judging a fix', () => {
  it('uses every invariant by default, only the named ones with judgedBy', () => {
    const violating = { a: 0, b: 3 };
    expect(judgedInvariants(fix, violating)).toEqual(['a', 'b']);
    expect(judgedViolations(fix, violating)).toBe(3);
    expect(judgedViolations({ ...fix, judgedBy: ['a'] }, violating)).toBe(0);
    expect(judgedViolations({ ...fix, judgedBy: ['a', 'b'] }, violating)).toBe(3);
  });
});
