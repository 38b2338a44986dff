import { describe, expect, it } from 'vitest';
import { enabledSteps } from '../engine/steps';
import { busyRuns, raceRuns } from '../../test/support/raceRuns';
import { layoutDiagram } from './layout';
import { bestOrder, defaultOrder, spread, type Traffic } from './order';

/** Total horizontal length of the run's arrows, in columns, with actor columns `order`. */
function lengthWith(order: readonly string[], arrows: readonly { from: string; to: string }[]) {
  const column = new Map(order.map((id, i) => [id, i]));
  return arrows.reduce(
    (n, a) => n + Math.abs((column.get(a.from) ?? 0) - (column.get(a.to) ?? 0)),
    0,
  );
}

describe('lifeline order', () => {
  const runs = [...raceRuns(), ...busyRuns()];
  const measured = runs.map((run) => {
    const { scenario, model, trace } = run;
    const cursor = trace.records.length;
    const world = trace.worlds[cursor];
    if (!world) throw new Error('no world');
    const enabled = enabledSteps(model, world);
    const layout = layoutDiagram({ scenario, model, trace, cursor, enabled });
    const arrows = layout.arrows.filter((a) => !a.pending);
    const order = layout.lifelines.map((l) => l.id);
    const x = new Map(layout.lifelines.map((l) => [l.id, l.x]));
    const drawn = arrows.reduce(
      (n, a) => n + Math.abs((x.get(a.from) ?? 0) - (x.get(a.to) ?? 0)),
      0,
    );
    return {
      name: run.name,
      before: lengthWith(defaultOrder(model.actors), arrows),
      after: lengthWith(order, arrows),
      drawn: drawn / layout.columnWidth,
    };
  });

  it.each(measured.map((m) => [m.name, m] as const))(
    'never makes the arrows of %s longer',
    (_, m) => {
      expect(m.after).toBeLessThanOrEqual(m.before);
      // What is measured is what is drawn.
      expect(m.drawn).toBeCloseTo(m.after, 6);
    },
  );

  it('makes them shorter where actors talk across the diagram', () => {
    const shorter = measured.filter((m) => m.after < m.before).map((m) => m.name);
    expect(shorter).toEqual(
      expect.arrayContaining(['3R+3W step messages', '3R+3W walk operations']),
    );
    expect(shorter.filter((n) => n.startsWith('cache-aside')).length).toBe(2);
    const total = (k: 'before' | 'after') => measured.reduce((n, m) => n + m[k], 0);
    expect(total('after')).toBeLessThan(total('before') * 0.8);
  });

  it('puts a chain in order, and keeps the default order on ties', () => {
    const ids = ['a', 'b', 'c', 'd'];
    // a–c, c–b, b–d: the chain a c b d.
    const chain: Traffic = [
      [0, 2, 3],
      [1, 2, 3],
      [1, 3, 3],
    ];
    expect(bestOrder(ids, chain)).toEqual(['a', 'c', 'b', 'd']);
    expect(bestOrder(ids, [])).toEqual(ids);
    // a–b and c–d are as good in any order of the pairs: the default stays.
    expect(
      bestOrder(ids, [
        [0, 1, 1],
        [2, 3, 1],
      ]),
    ).toEqual(ids);
  });

  it('finds the least spread that trying every order finds', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const traffic: Traffic = [
      [0, 4, 2],
      [1, 3, 1],
      [2, 4, 3],
      [0, 3, 1],
      [1, 2, 2],
    ];
    const permutations = (xs: number[]): number[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) =>
            permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
          );
    const least = Math.min(...permutations([0, 1, 2, 3, 4]).map((p) => spread(traffic, p)));
    const order = bestOrder(ids, traffic);
    const pos = ids.map((id) => order.indexOf(id));
    expect(spread(traffic, pos)).toBe(least);
  });
});
