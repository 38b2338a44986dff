import { describe, expect, it } from 'vitest';
import type { ScenarioDef } from '../../scenarios/types';
import type { ExploreSummary } from '../../store/index';
import { verdictOf } from './verdict';

const result = (violating: Record<string, number>, harmful: number): ExploreSummary => ({
  complete: true,
  interleavings: 20,
  violating,
  violatingAny: Math.max(0, ...Object.values(violating)),
  violatingHarm: harmful,
  states: 10,
  shortest: null,
  run: null,
  ms: 1,
});

const scenario = { harm: ['a'] } as unknown as ScenarioDef;

describe('verdictOf', () => {
  it('is bad when an interleaving causes harm', () => {
    expect(verdictOf(scenario, result({ a: 2, b: 0 }, 2))).toMatchObject({
      tone: 'bad',
      harmful: 2,
    });
  });

  it('reports diagnostics calmly when no interleaving causes harm', () => {
    const verdict = verdictOf(scenario, result({ a: 0, b: 3 }, 0));
    expect(verdict).toMatchObject({ tone: 'good', harmful: 0 });
    expect(verdict?.note).toContain('harmless here: b 3');
  });

  it('gives no verdict on an incomplete exploration', () => {
    const incomplete = { ...result({}, 0), complete: false, violating: null, violatingHarm: null };
    expect(verdictOf(scenario, incomplete)).toBeNull();
  });
});
