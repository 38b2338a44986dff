import { describe, expect, it } from 'vitest';
import { replay } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import type { FaultSpec, Model } from '../engine/types';
import { cacheAside } from '../scenarios/cacheAside';
import { paramsOf } from '../scenarios/index';
import { layoutDiagram } from './layout';

const LOSE_DEL: FaultSpec = {
  kind: 'drop',
  id: 'lose-del',
  channel: 'writer->cache',
  messageType: 'DEL',
  max: 1,
  label: 'The DEL is lost',
};

function model(): Model {
  const built = cacheAside.build({
    fix: 'double-delete',
    granularity: 'messages',
    params: paramsOf(cacheAside),
  });
  return { ...built, faults: [...built.faults, LOSE_DEL] };
}

// Writer commits and deletes, the reader stalls, the second delete's timer fires and its DEL is lost.
const SCHEDULE = [
  'writer->db',
  'db->writer',
  'reader->cache',
  'writer->cache',
  'cache->reader',
  'reader->db',
  'db->reader',
  'fault:reader-stalls',
  'cache->writer',
  'reader->cache',
  'cache->reader',
  'timer:writer/second-delete',
  'fault:lose-del',
];

function layoutAt(cursor: number) {
  const m = model();
  const trace = replay(m, SCHEDULE);
  expect(trace.divergence).toBeNull();
  const world = trace.worlds[cursor];
  if (!world) throw new Error('no world');
  const layout = layoutDiagram({
    scenario: cacheAside,
    model: m,
    trace,
    cursor,
    enabled: enabledSteps(m, world),
  });
  return { layout, trace };
}

describe('marks', () => {
  it('marks the timer expiry with a clock on its owner', () => {
    const { layout } = layoutAt(SCHEDULE.length);
    const timer = layout.marks.find((m) => m.kind === 'timer');
    const writer = layout.lifelines.find((l) => l.id === 'writer');
    expect(timer).toMatchObject({
      row: 12,
      actor: 'writer',
      x: writer?.x,
      label: 'second-delete timer',
    });
    expect(timer?.glyph).toMatch(/^M.*A/);
  });

  it('spans a timer from the step that set it to the step where it fired', () => {
    const { layout } = layoutAt(SCHEDULE.length);
    expect(layout.timers).toHaveLength(1);
    const span = layout.timers[0];
    expect(span).toMatchObject({ actor: 'writer', fromRow: 9, toRow: 12, fired: true });
    expect(span?.label).toBe('second-delete 3t');
    expect(span?.y1).toBeCloseTo(layout.rows[9]?.y ?? NaN, 1);
    expect(span?.y2).toBeCloseTo(layout.rows[12]?.y ?? NaN, 1);
  });

  it('runs a timer that has not fired to the end of the trace', () => {
    const { layout } = layoutAt(10);
    const m = model();
    const partial = layoutDiagram({
      scenario: cacheAside,
      model: m,
      trace: replay(m, SCHEDULE.slice(0, 10)),
      cursor: 10,
      enabled: [],
    });
    expect(partial.timers[0]).toMatchObject({ fromRow: 9, toRow: 10, fired: false });
    // In the full trace seen at step 10, the same timer fires later: it crosses the cursor.
    expect(layout.timers[0]).toMatchObject({ fromRow: 9, toRow: 12, future: false });
    expect(layout.timers[0]?.y2).toBeGreaterThan(layout.band.top + layout.band.height);
  });

  it('marks an injected fault with a bolt and its short text', () => {
    const { layout } = layoutAt(SCHEDULE.length);
    const fault = layout.marks.find((m) => m.kind === 'fault');
    expect(fault).toMatchObject({ row: 8, actor: 'reader', label: 'PAUSE 5 ticks' });
    expect(fault?.title).toContain('stalls');
  });

  it('draws a dropped message as an arrow that ends in a cross half-way', () => {
    const { layout } = layoutAt(SCHEDULE.length);
    const dropped = layout.arrows.find((a) => a.dropped);
    const x = (id: string) => layout.lifelines.find((l) => l.id === id)?.x ?? NaN;
    expect(dropped).toMatchObject({
      from: 'writer',
      to: 'cache',
      fromRow: 12,
      toRow: 13,
      head: '',
    });
    expect(dropped?.x2).toBeCloseTo((x('writer') + x('cache')) / 2, 1);
    expect(dropped?.cross).not.toBe('');
    expect(dropped?.label).toBe('DEL user:1 lost');
  });

  it('fades what happens after the cursor', () => {
    const { layout } = layoutAt(6);
    expect(layout.arrows.filter((a) => a.toRow <= 6).every((a) => !a.future)).toBe(true);
    expect(layout.arrows.filter((a) => a.toRow > 6).every((a) => a.future)).toBe(true);
    expect(layout.marks.every((m) => m.future)).toBe(true);
  });

  it('offers timers and faults as ghosts with accessible names', () => {
    const { layout } = layoutAt(11);
    const kinds = Object.fromEntries(layout.ghosts.map((g) => [g.key, g.kind]));
    expect(kinds['timer:writer/second-delete']).toBe('timer');
    const timer = layout.ghosts.find((g) => g.kind === 'timer');
    expect(timer?.ariaLabel).toBe("Fire Writer's second-delete timer next");
    expect(timer?.testKey).toBe('timer_writer_second-delete');
  });

  it('draws a drop fault ghost as a crossed arrow', () => {
    const { layout } = layoutAt(12);
    const drop = layout.ghosts.find((g) => g.key === 'fault:lose-del');
    expect(drop).toMatchObject({ kind: 'drop', head: '' });
    expect(drop?.ariaLabel).toBe('Drop DEL user:1 from Writer to Cache next');
  });
});
