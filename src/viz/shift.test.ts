import { describe, expect, it } from 'vitest';
import { enabledSteps } from '../engine/steps';
import type { Trace } from '../engine/replay';
import { cacheAside } from '../scenarios/cacheAside';
import { paramsOf } from '../scenarios/index';
import { layoutDiagram } from './layout';
import { longTrace } from '../../test/support/longTrace';

const model = cacheAside.build({
  fix: 'none',
  granularity: 'messages',
  params: paramsOf(cacheAside, { readers: 2, writers: 2 }),
});
const trace = longTrace(model, 120, 5);

function at(t: Trace, cursor: number) {
  const world = t.worlds[cursor];
  const enabled = world ? enabledSteps(model, world) : [];
  return layoutDiagram({ scenario: cacheAside, model, trace: t, cursor, enabled });
}

describe('moving the cursor', () => {
  it('keeps what happened before the cursor as the very same objects', () => {
    const a = at(trace, 60);
    const b = at(trace, 90);
    const past = a.arrows.filter((x) => x.toRow <= 60);
    expect(past.length).toBeGreaterThan(20);
    for (const arrow of past) expect(b.arrows).toContain(arrow);
  });

  it('moves every later row, arrow and mark down by the band and fades it', () => {
    const end = at(trace, trace.records.length);
    const mid = at(trace, 40);
    const band = mid.band.height;
    const drop = end.band.height;
    mid.rows.forEach((row, i) => {
      const base = end.rows[i];
      expect(row.y).toBeCloseTo((base?.y ?? NaN) + (row.row > 40 ? band : 0), 5);
      expect(row.future).toBe(row.row > 40);
    });
    expect(mid.height).toBeCloseTo(end.height - drop + band, 5);
    mid.arrows.forEach((arrow, i) => {
      const base = end.arrows[i];
      if (!base) throw new Error('missing arrow');
      expect(arrow.future).toBe(arrow.toRow > 40);
      expect(arrow.y2).toBeCloseTo(base.y2 + (arrow.toRow > 40 ? band : 0), 1);
      expect(arrow.y1).toBeCloseTo(base.y1 + (arrow.fromRow > 40 ? band : 0), 1);
    });
  });

  it('lays out the same whether computed fresh or after other cursors', () => {
    const fresh = at({ ...trace }, 70);
    at(trace, 10);
    at(trace, 110);
    expect(at(trace, 70)).toEqual(fresh);
  });
});
