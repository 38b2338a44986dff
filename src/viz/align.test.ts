import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay, type Trace } from '../engine/replay';
import type { Model } from '../engine/types';
import { duplicateInsert } from '../scenarios/duplicateInsert';
import { paramsOf } from '../scenarios/index';
import type { ScenarioDef } from '../scenarios/types';
import { alignRows } from './base';
import { layoutDiagram } from './layout';
import { defaultMetrics } from './metrics';

function run(scenario: ScenarioDef, fix: string, schedule: readonly string[]) {
  const model = scenario.build({ fix, granularity: 'operations', params: paramsOf(scenario) });
  return { model, trace: replay(model, schedule) };
}

/** Duplicate insert's shortest race: 4 steps and a broken invariant without a fix; the
 * single-flight run stops after 3 steps (the second task awaits the first one's fetch). */
function sides(): { left: { model: Model; trace: Trace }; right: { model: Model; trace: Trace } } {
  const none = duplicateInsert.build({
    fix: 'none',
    granularity: 'operations',
    params: paramsOf(duplicateInsert),
  });
  const schedule = explore(none).shortest!;
  return {
    left: run(duplicateInsert, 'none', schedule),
    right: run(duplicateInsert, 'single-flight', schedule),
  };
}

describe('aligned layouts', () => {
  it('put every step at the same y on both sides', () => {
    const { left, right } = sides();
    expect(left.trace.records.length).toBe(4);
    expect(right.trace.records.length).toBe(3);
    const align = alignRows([left, right], defaultMetrics(left.model.actors.length));
    expect(align.rows).toBe(4);
    for (const cursor of [0, 2, 3, 4]) {
      const a = layoutDiagram({ scenario: duplicateInsert, ...left, cursor, enabled: [], align });
      const b = layoutDiagram({ scenario: duplicateInsert, ...right, cursor, enabled: [], align });
      expect(b.rows.map((r) => [r.row, r.top, r.height])).toEqual(
        a.rows.slice(0, 4).map((r) => [r.row, r.top, r.height]),
      );
      expect(b.band).toEqual(a.band);
      expect(b.height).toBe(a.height);
      expect(b.rows).toHaveLength(4);
    }
  });

  it('put the marker of a run that stops where the other run has its next step', () => {
    const { left, right } = sides();
    const align = alignRows([left, right], defaultMetrics(left.model.actors.length));
    const divergence = {
      index: 3,
      pinnedSteps: 4,
      headline: 'With “Single-flight”, the run stops here.',
      detail: 'It would be: Task 2 awaits Upstream API.fetch_user(42).',
      title: '',
    };
    const a = layoutDiagram({ scenario: duplicateInsert, ...left, cursor: 2, enabled: [], align });
    const b = layoutDiagram({
      scenario: duplicateInsert,
      ...right,
      cursor: 2,
      enabled: [],
      align,
      divergence,
    });
    expect(b.divergence?.step).toBe(4);
    expect(b.divergence?.top).toBe((a.rows[4]?.top ?? NaN) + 6);
  });

  it('make room below a row for a note the other side has', () => {
    const { left, right } = sides();
    const alone = layoutDiagram({ scenario: duplicateInsert, ...right, cursor: 3, enabled: [] });
    const align = alignRows([left, right], defaultMetrics(left.model.actors.length));
    expect(align.noteHeights.size).toBeGreaterThan(0);
    const aligned = layoutDiagram({
      scenario: duplicateInsert,
      ...right,
      cursor: 3,
      enabled: [],
      align,
    });
    expect(aligned.height).toBeGreaterThan(alone.height);
  });
});
