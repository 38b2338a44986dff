import { describe, expect, it } from 'vitest';
import { steppingView } from '../../test/support/diagramViews';
import { raceRuns } from '../../test/support/raceRuns';
import { arrowLabelBox } from './placeLabels';
import { stepSpan } from './stepSpan';

describe('the current step’s span', () => {
  const run = raceRuns().find((r) => r.name === 'cache-aside-set-after-delete operations');
  if (!run) throw new Error('no run');

  it('is nothing at the start', () => {
    expect(stepSpan(steppingView(run, 0))).toBeNull();
  });

  it('holds each step’s arrows and labels, and nothing of the other steps', () => {
    for (let cursor = 1; cursor <= run.trace.records.length; cursor++) {
      const layout = steppingView(run, cursor);
      const span = stepSpan(layout);
      const mine = layout.arrows.filter((a) => a.toRow === cursor && !a.pending);
      expect(mine.length, `step ${cursor}`).toBeGreaterThan(0);
      if (!span) throw new Error(`no span at ${cursor}`);
      for (const a of mine) {
        const box = arrowLabelBox(a);
        expect(span.x0).toBeLessThanOrEqual(Math.min(a.x1, a.x2, box.x0));
        expect(span.x1).toBeGreaterThanOrEqual(Math.max(a.x1, a.x2, box.x1));
      }
      // As tight as its arrows: no wider than they and their labels are.
      const x0 = Math.min(...mine.flatMap((a) => [a.x1, a.x2, arrowLabelBox(a).x0]));
      const x1 = Math.max(...mine.flatMap((a) => [a.x1, a.x2, arrowLabelBox(a).x1]));
      expect(span).toEqual({ x0, x1 });
    }
  });
});
