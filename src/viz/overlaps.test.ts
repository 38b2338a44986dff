import { describe, expect, it } from 'vitest';
import { replay } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import { diagramViews, type ViewMode } from '../../test/support/diagramViews';
import { busyRuns, raceRuns, type JudgedRun } from '../../test/support/raceRuns';
import { layoutDiagram } from './layout';
import { phoneMetrics, type DiagramMetrics } from './metrics';
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

/**
 * Returns every overlap of every view of `run` in `mode`, each named by its cursor (`metrics`:
 * e.g. a phone's; by default the diagram's own).
 */
function overlapsOf(run: JudgedRun, mode: ViewMode, metrics?: DiagramMetrics): string[] {
  const found: string[] = [];
  for (const view of diagramViews(run, mode, metrics)) {
    for (const o of findOverlaps(view.layout))
      found.push(`@${view.cursor} ${o.kind}: ${o.a} / ${o.b}`);
  }
  return found;
}

const judged = [...races, ...busy];

describe('no label overlaps anything', () => {
  it.each(judged.map((r) => [r.name, r] as const))(
    'on %s, with the cursor at every step of the pinned run (future and ghosts drawn)',
    (_, run) => {
      expect(overlapsOf(run, 'stepping')).toEqual([]);
    },
  );

  it.each(judged.map((r) => [r.name, r] as const))(
    'on %s, in presentation mode at every step revealed',
    (_, run) => {
      expect(overlapsOf(run, 'presenting')).toEqual([]);
    },
  );

  const phone = (run: JudgedRun) => phoneMetrics(run.model.actors.map((a) => a.label));

  it.each(judged.map((r) => [r.name, r] as const))(
    'on %s in a phone’s narrow lanes, at every step, stepping and presenting',
    (_, run) => {
      expect(overlapsOf(run, 'stepping', phone(run))).toEqual([]);
      expect(overlapsOf(run, 'presenting', phone(run))).toEqual([]);
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

  it('finds a line in flight, or any other line, run over a violation note', () => {
    const run = races.find((r) => r.name.startsWith('cache-aside') && r.name.endsWith('messages'));
    if (!run) throw new Error('no run');
    const layout = layoutOf(run);
    const [a] = layout.arrows.filter((x) => !x.pending && x.x1 !== x.x2);
    const note = layout.violations[0];
    if (!a || !note) throw new Error('no arrows');
    const through = { x1: note.noteX + 80, y1: note.noteY - 60, x2: note.noteX + 90 };
    const pending = { ...a, ...through, y2: note.noteY + 30, pending: true, head: '' };
    const kinds = (arrows: (typeof a)[]) =>
      findOverlaps({ ...layout, arrows }).filter((o) => o.kind === 'note-line');
    expect(kinds([pending])).toEqual([{ kind: 'note-line', a: `note:${note.row}`, b: a.id }]);
    expect(kinds([{ ...pending, pending: false }])).toHaveLength(1);
    expect(kinds([{ ...pending, x1: note.noteX - 40, x2: note.noteX - 30 }])).toEqual([]);
  });
});
