import { describe, expect, it } from 'vitest';
import { replay } from '../engine/replay';
import { SCENARIOS, paramsOf } from '../scenarios/index';
import { layoutDiagram } from './layout';
import { defaultMetrics, phoneMetrics } from './metrics';

describe('a phone’s lanes', () => {
  it('are as narrow as let every built-in actor name show whole at 12 px or more (see header.test)', () => {
    for (const scenario of SCENARIOS) {
      const most: Record<string, number> = {};
      for (const p of scenario.params) most[p.id] = p.max;
      for (const params of [paramsOf(scenario), paramsOf(scenario, most)]) {
        const model = scenario.build({ fix: 'none', granularity: 'operations', params });
        const metrics = phoneMetrics(model.actors.map((a) => a.label));
        const wide = defaultMetrics(model.actors.length);
        expect(metrics.columnWidth).toBeLessThanOrEqual(wide.columnWidth);
        expect(metrics.columnWidth).toBeGreaterThanOrEqual(100);
        const trace = replay(model, []);
        // The narrowest lanes the names allow: 4 px narrower, some name would be smaller
        // or split in a word.
        if (metrics.columnWidth > 100) {
          const narrower = { ...metrics, columnWidth: metrics.columnWidth - 4 };
          const tight = layoutDiagram({
            scenario,
            model,
            trace,
            cursor: 0,
            enabled: [],
            metrics: narrower,
          });
          const worse = tight.lifelines.filter(
            (l) => l.fontSize < 12 || l.lines.join(' ') !== l.label,
          );
          expect(worse.length, scenario.id).toBeGreaterThan(0);
        }
      }
    }
  });

  it('are narrower than a laptop’s, and the same object for the same names', () => {
    const names = ['Reader', 'Writer', 'Cache', 'Database'];
    const metrics = phoneMetrics(names);
    expect(metrics.columnWidth).toBe(100);
    expect(metrics.gutterLeft).toBeLessThan(defaultMetrics(4).gutterLeft);
    expect(phoneMetrics([...names])).toBe(metrics);
    expect(phoneMetrics(['Thread A (OAuth Token)', 'Cache']).columnWidth).toBeGreaterThan(100);
  });
});
