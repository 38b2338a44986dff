import { describe, expect, it } from 'vitest';
import { enabledSteps } from '../engine/steps';
import { cacheAside } from '../scenarios/cacheAside';
import { paramsOf } from '../scenarios/index';
import { shouldCull, visibleLayout } from './cull';
import { layoutDiagram } from './layout';
import { longTrace } from '../../test/support/longTrace';

const model = cacheAside.build({
  fix: 'none',
  granularity: 'messages',
  params: paramsOf(cacheAside, { readers: 2, writers: 2 }),
});
const trace = longTrace(model, 600, 3);
const world = trace.worlds[300];
const layout = layoutDiagram({
  scenario: cacheAside,
  model,
  trace,
  cursor: 300,
  enabled: world ? enabledSteps(model, world) : [],
});

describe('visibleLayout', () => {
  it('culls only long traces', () => {
    expect(shouldCull(layout)).toBe(true);
  });

  it('keeps exactly the rows that intersect the range, and everything crossing it', () => {
    const yMin = layout.rows[100]?.y ?? NaN;
    const yMax = layout.rows[140]?.y ?? NaN;
    const shown = visibleLayout(layout, yMin, yMax);
    expect(shown.rows[0]?.row).toBe(100);
    expect(shown.rows.at(-1)?.row).toBe(140);
    const crossing = layout.arrows.filter(
      (a) => Math.min(a.y1, a.y2) <= yMax && Math.max(a.y1, a.y2) >= yMin,
    );
    for (const a of crossing) expect(shown.arrows).toContain(a);
    expect(shown.arrows.length).toBeLessThan(layout.arrows.length / 5);
    expect(shown.ghosts).toBe(layout.ghosts);
    expect(shown.lifelines).toBe(layout.lifelines);
  });

  it('returns nothing for a range outside the diagram', () => {
    const shown = visibleLayout(layout, layout.height + 100, layout.height + 500);
    expect(shown.rows).toEqual([]);
    expect(shown.arrows).toEqual([]);
  });
});
