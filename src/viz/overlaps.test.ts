import { describe, expect, it } from 'vitest';
import { replay } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import { busyRuns, raceRuns, type JudgedRun } from '../../test/support/raceRuns';
import { layoutDiagram } from './layout';
import { arrowLines, findOverlaps, labelBoxes } from './overlaps';
import type { DiagramLayout } from './types';

function layoutOf(run: JudgedRun, cursor = run.cursor): DiagramLayout {
  const world = run.trace.worlds[cursor];
  if (!world) throw new Error('no world');
  const { scenario, model, trace } = run;
  return layoutDiagram({ scenario, model, trace, cursor, enabled: enabledSteps(model, world) });
}

const races = raceRuns();
const busy = busyRuns();

describe('no label overlaps anything', () => {
  it.each(races.map((r) => [r.name, r] as const))(
    'on the race of %s, as loaded and at its end',
    (_, run) => {
      for (const cursor of [run.cursor, run.trace.records.length]) {
        expect(findOverlaps(layoutOf(run, cursor))).toEqual([]);
      }
    },
  );

  it.each(busy.map((r) => [r.name, r] as const))('on the cache-aside %s run', (_, run) => {
    expect(findOverlaps(layoutOf(run))).toEqual([]);
  });

  it.each(busy.filter((r) => r.name.includes('step')).map((r) => [r.name, r] as const))(
    'at every step of the cache-aside %s run, taken one by one',
    (_, run) => {
      const { scenario, model } = run;
      for (let n = 1; n <= run.trace.records.length; n++) {
        const trace = replay(model, run.trace.schedule.slice(0, n));
        const prefix = { ...run, scenario, trace, cursor: n };
        expect(findOverlaps(layoutOf(prefix))).toEqual([]);
      }
    },
  );

  it('counts what it checks: every label, every line', () => {
    const run = races[1];
    if (!run) throw new Error('no run');
    const layout = layoutOf(run);
    expect(labelBoxes(layout).length).toBeGreaterThanOrEqual(layout.arrows.length - 2);
    expect(arrowLines(layout).length).toBeGreaterThanOrEqual(layout.arrows.length);
  });

  it('finds a label put on a line, on another label and on a violation note', () => {
    const run = races.find((r) => r.name.startsWith('cache-aside') && r.name.endsWith('messages'));
    if (!run) throw new Error('no run');
    const layout = layoutOf(run);
    const [a, b] = layout.arrows.filter((x) => !x.pending && x.x1 !== x.x2);
    const note = layout.violations[0];
    if (!a || !b || !note) throw new Error('no arrows');
    const on = (x: typeof a, labelX: number, labelY: number) => ({ ...x, labelX, labelY });
    const crossing = { ...layout, arrows: [on(a, (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2 + 4), b] };
    expect(findOverlaps(crossing).map((o) => o.kind)).toContain('label-line');
    const stacked = { ...layout, arrows: [on(a, 500, 40), on(b, 505, 42)] };
    expect(findOverlaps(stacked).map((o) => o.kind)).toContain('label-label');
    const onNote = { ...layout, arrows: [on(a, note.noteX + 60, note.noteY)] };
    expect(findOverlaps(onNote).map((o) => o.kind)).toContain('label-note');
  });
});
