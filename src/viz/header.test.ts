import { describe, expect, it } from 'vitest';
import { replay } from '../engine/replay';
import { SCENARIOS, paramsOf } from '../scenarios/index';
import { headerBoxWidth, headerText } from './header';
import { layoutDiagram } from './layout';
import { metricsOf } from './metrics';

describe('lifeline headers', () => {
  it('wraps a long name onto two lines instead of cutting it', () => {
    const text = headerText('Thread A (OAuth Token)', headerBoxWidth(160));
    expect(text.lines).toEqual(['Thread A', '(OAuth Token)']);
    expect(text.fontSize).toBeGreaterThanOrEqual(13);
    expect(headerText('Cache', 144)).toEqual({ lines: ['Cache'], fontSize: 15 });
    // One long word: split in the middle, every letter kept.
    const word = headerText('Supercalifragilisticexpialidocious', 112);
    expect(word.lines.join('')).toBe('Supercalifragilisticexpialidocious');
    expect(17 * 0.64 * word.fontSize).toBeLessThanOrEqual(112 - 14);
  });

  it.each([false, true])(
    'shows every built-in actor name whole, at 12 px or more, in every lane count (phone: %s)',
    (phone) => {
      for (const scenario of SCENARIOS) {
        const most: Record<string, number> = {};
        for (const p of scenario.params) most[p.id] = p.max;
        for (const params of [paramsOf(scenario), paramsOf(scenario, most)]) {
          const model = scenario.build({ fix: 'none', granularity: 'messages', params });
          const trace = replay(model, []);
          const metrics = metricsOf(model.actors, phone);
          const layout = layoutDiagram({ scenario, model, trace, cursor: 0, enabled: [], metrics });
          const box = headerBoxWidth(layout.columnWidth);
          for (const l of layout.lifelines) {
            expect(l.lines.join(' ')).toBe(l.label);
            expect(l.lines.length).toBeLessThanOrEqual(2);
            expect(l.fontSize).toBeGreaterThanOrEqual(12);
            for (const line of l.lines)
              expect(line.length * 0.64 * l.fontSize).toBeLessThanOrEqual(box - 14);
          }
          // Names on two lines make the header taller, so nothing below moves into it.
          const wrapped = layout.lifelines.some((l) => l.lines.length > 1);
          expect(layout.headerHeight).toBe(wrapped ? 74 : 58);
          expect(layout.rows[0]?.top).toBeGreaterThan(layout.headerHeight);
        }
      }
    },
  );
});
