import { describe, expect, it } from 'vitest';
import { cacheAside } from './cacheAside';
import { SCENARIOS } from './index';
import type { VerdictSummary } from './judge';
import {
  holdingCount,
  holdingLine,
  lastExplored,
  sweptChanges,
  verdictBrief,
} from './verdictBrief';
import { cachedVerdict } from './verdicts';

describe('verdict briefs', () => {
  it('says where write-through fails, by what differs from the defaults', () => {
    const verdict = cachedVerdict(cacheAside.id, 'write-through', 'operations')!;
    expect(verdictBrief(cacheAside, verdict, {})).toBe('fails at writers=2, pause=0 (66 of 188)');
  });

  it('says how far a fix that holds was explored', () => {
    const verdict = cachedVerdict(cacheAside.id, 'leases', 'operations')!;
    expect(verdictBrief(cacheAside, verdict, {})).toBe('holds up to readers=2, writers=2, pause=5');
    expect(lastExplored(cacheAside, verdict, {})).toMatchObject({ readers: 2, writers: 2 });
  });

  it('says when a sweep stopped early or failed as set', () => {
    const partial: VerdictSummary = {
      ...cachedVerdict(cacheAside.id, 'leases', 'operations')!,
      explored: 3,
      complete: false,
    };
    expect(verdictBrief(cacheAside, partial, {})).toBe(
      'holds up to readers=1, writers=1, pause=2 (3 of 24 explored)',
    );
    expect(verdictBrief(cacheAside, { ...partial, explored: 0 }, {})).toBe(
      'not judged: the budget ran out',
    );
    const failing = cachedVerdict(cacheAside.id, 'write-through', 'operations')!;
    expect(verdictBrief(cacheAside, failing, failing.failing!.params)).toBe(
      'fails as set (66 of 188)',
    );
  });

  it('names only swept parameters that change', () => {
    expect(sweptChanges(cacheAside, { readers: 1, writers: 2, delay: 9 }, {})).toBe('writers=2');
  });

  it('counts the fixes that hold, from the committed verdicts', () => {
    const count = holdingCount(cacheAside, 'operations');
    expect(count).toEqual({ hold: 2, judged: 5, fixes: 5 });
    expect(holdingLine(count)).toBe('2 of 5 fixes hold');
    expect(holdingLine({ hold: 1, judged: 2, fixes: 2 })).toBe('1 of 2 fixes holds');
    expect(holdingLine({ hold: 1, judged: 1, fixes: 3 })).toBe('1 of 1 judged fix holds');
    expect(holdingLine({ hold: 0, judged: 0, fixes: 3 })).toBe('');
    for (const scenario of SCENARIOS) {
      expect(holdingCount(scenario, 'messages').judged).toBe(
        scenario.fixes.filter((f) => f.id !== 'none').length,
      );
    }
  });
});
