import { describe, expect, it } from 'vitest';
import { completeRun } from '../engine/complete';
import { asyncInvalidation } from '../scenarios/asyncInvalidation';
import { paramsOf } from '../scenarios/index';
import type { ScenarioDef } from '../scenarios/types';
import { writeBehindLoss } from '../scenarios/writeBehindLoss';
import { alignRows } from './base';
import { layoutDiagram } from './layout';
import { defaultMetrics } from './metrics';
import { lifelineOrder, sharedLifelineOrder } from './order';

/** The model and the Step button's run of `scenario` under `fix`. */
function side(scenario: ScenarioDef, fix: string) {
  const model = scenario.build({ fix, granularity: 'operations', params: paramsOf(scenario) });
  return { model, trace: completeRun(model, [], 12) };
}

/** The x of each lifeline of both sides laid out with the shared order, as compare draws them. */
function columns(scenario: ScenarioDef, leftFix: string, rightFix: string) {
  const left = side(scenario, leftFix);
  const right = side(scenario, rightFix);
  const order = sharedLifelineOrder([right.model, left.model]);
  const metrics = defaultMetrics(order.length);
  const align = { ...alignRows([left, right], metrics, scenario.harm), order };
  const xs = [left, right].map((s) => {
    const layout = layoutDiagram({ scenario, ...s, cursor: 0, enabled: [], align, metrics });
    return { xs: new Map(layout.lifelines.map((l) => [l.id, l.x])), width: layout.width };
  });
  return { left, right, order, sides: xs };
}

describe('shared lifeline order (compare view)', () => {
  it('puts the same actors at the same x when each side alone would order them differently', () => {
    const { left, right, order, sides } = columns(asyncInvalidation, 'none', 'read-your-writes');
    // Each configuration on its own orders its lifelines differently.
    expect(lifelineOrder(left.model)).not.toEqual(lifelineOrder(right.model));
    const [l, r] = sides;
    expect([...l!.xs.keys()].sort()).toEqual([...order].sort());
    for (const id of order) expect(l!.xs.get(id)).toBe(r!.xs.get(id));
    expect(l!.width).toBe(r!.width);
  });

  it('leaves an empty column where one side lacks an actor the other has', () => {
    const { left, right, order, sides } = columns(writeBehindLoss, 'none', 'durable-log');
    const [l, r] = sides;
    const only = right.model.actors.find((a) => !left.model.actors.some((b) => b.id === a.id));
    expect(only).toBeDefined();
    expect(order).toContain(only!.id);
    expect(l!.xs.has(only!.id)).toBe(false);
    expect(r!.xs.has(only!.id)).toBe(true);
    for (const a of left.model.actors) expect(l!.xs.get(a.id)).toBe(r!.xs.get(a.id));
    // Both sides are as wide: a column for every actor of either.
    expect(l!.width).toBe(r!.width);
    expect(new Set(l!.xs.values()).size).toBe(left.model.actors.length);
  });

  it('is the model’s own order for one model', () => {
    const { model } = side(asyncInvalidation, 'none');
    expect(sharedLifelineOrder([model])).toEqual(lifelineOrder(model));
  });
});
