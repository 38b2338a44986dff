import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay, type Trace } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import type { Granularity, Model } from '../engine/types';
import { cacheAside } from '../scenarios/cacheAside';
import { paramsOf } from '../scenarios/index';
import { layoutDiagram } from './layout';
import { longTrace } from '../../test/support/longTrace';

function setup(granularity: Granularity, fix = 'none', overrides: Record<string, number> = {}) {
  const model = cacheAside.build({ fix, granularity, params: paramsOf(cacheAside, overrides) });
  return model;
}

function shortestRace(granularity: Granularity): { model: Model; trace: Trace } {
  const model = setup(granularity);
  const shortest = explore(model).shortest;
  if (!shortest) throw new Error('expected a race');
  return { model, trace: replay(model, shortest) };
}

function layoutAt(model: Model, trace: Trace, cursor: number) {
  const world = trace.worlds[cursor];
  if (!world) throw new Error('no world');
  return layoutDiagram({
    scenario: cacheAside,
    model,
    trace,
    cursor,
    enabled: enabledSteps(model, world),
  });
}

describe('layoutDiagram', () => {
  it('puts actors that talk side by side, the same at every step of every run', () => {
    const model = setup('messages', 'none', { readers: 2 });
    const layout = layoutAt(model, replay(model, []), 0);
    // Each reader talks to the cache and the database, the writer to both too: the cache sits
    // between the readers, the writer between the cache and the database.
    expect(layout.lifelines.map((l) => l.id)).toEqual([
      'reader1',
      'cache',
      'reader2',
      'db',
      'writer',
    ]);
    const xs = layout.lifelines.map((l) => l.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const { model: race, trace } = shortestRace('messages');
    const ids = (t: Trace, c: number) => layoutAt(race, t, c).lifelines.map((l) => l.id);
    const first = ids(trace, 0);
    for (let c = 1; c <= trace.records.length; c++) expect(ids(trace, c)).toEqual(first);
    expect(ids(replay(race, trace.schedule.slice(0, 3)), 3)).toEqual(first);
  });

  it('has a row for the initial world and one per step, top to bottom', () => {
    const { model, trace } = shortestRace('messages');
    const layout = layoutAt(model, trace, trace.records.length);
    expect(layout.rows).toHaveLength(trace.records.length + 1);
    expect(layout.rows[0]?.step).toBe(-1);
    for (let i = 1; i < layout.rows.length; i++) {
      expect(layout.rows[i]?.y).toBeGreaterThan(layout.rows[i - 1]?.y ?? Infinity);
    }
  });

  it('draws a message from the row it was sent in to the row it was delivered in', () => {
    const { model, trace } = shortestRace('messages');
    const layout = layoutAt(model, trace, trace.records.length);
    // The reader's SET is sent when it gets the ROW (step 3) and lands last (step 7).
    const set = layout.arrows.find((a) => a.label === 'SET v1');
    expect(set).toMatchObject({ from: 'reader', to: 'cache', fromRow: 4, toRow: 8 });
    const x = (id: string) => layout.lifelines.find((l) => l.id === id)?.x;
    expect(set?.x1).toBe(x('reader'));
    expect(set?.x2).toBe(x('cache'));
    expect(set?.y1).toBeCloseTo(layout.rows[4]?.y ?? NaN, 0);
    expect(set?.y2).toBeCloseTo(layout.rows[8]?.y ?? NaN, 0);
    // Initial messages start on the initial row.
    expect(layout.arrows.find((a) => a.id === 'reader->cache#1')?.fromRow).toBe(0);
  });

  it('keeps a request and its reply in one row in operations granularity', () => {
    const { model, trace } = shortestRace('operations');
    const layout = layoutAt(model, trace, trace.records.length);
    const get = layout.arrows.find((a) => a.id === 'reader->cache#1');
    const miss = layout.arrows.find((a) => a.id === 'cache->reader#1');
    expect(get).toMatchObject({ kind: 'request', toRow: 1 });
    expect(miss).toMatchObject({ kind: 'reply', fromRow: 1, toRow: 1, label: 'miss' });
    expect(miss?.y1).toBe(miss?.y2);
    expect(miss?.y1).toBeGreaterThan(get?.y2 ?? Infinity);
    const row = layout.rows[1];
    expect(Math.abs((miss?.y1 ?? 0) - (row?.y ?? 0))).toBeLessThan((row?.height ?? 0) / 2);
  });

  it('highlights the step where harm happens in red, with the harm first', () => {
    const model = setup('operations');
    const race = explore(model, { harm: cacheAside.harm }).shortestHarm!;
    const trace = replay(model, race);
    const layout = layoutAt(model, trace, trace.records.length);
    const step = trace.violations.find((v) => v.invariant === 'stale-at-quiescence')?.step ?? -9;
    // The stale SET (a diagnostic) and the stale end (the harm) share the last step.
    expect(layout.violations.map((v) => [v.row, v.harm])).toEqual([[step + 1, true]]);
    expect(layout.violations[0]?.lines.join(' ')).toMatch(/^cache holds v1 .* \(\+1 more\)$/);
    expect(layout.violations[0]?.title).toContain('stale v1 installed');
    const stale = layout.arrows.filter((a) => a.stale).map((a) => a.label);
    expect(stale).toEqual(['SET v1']);
  });

  it('marks a step where only a diagnostic fires calmly, saying so, with no red arrow', () => {
    const { model, trace } = shortestRace('messages');
    const layout = layoutAt(model, trace, trace.records.length);
    const step = trace.violations[0]?.step ?? -9;
    expect(trace.violations.map((v) => v.invariant)).toEqual(['stale-set']);
    expect(layout.violations.map((v) => [v.row, v.harm])).toEqual([[step + 1, false]]);
    expect(layout.violations[0]?.lines.join(' ')).toMatch(/^diagnostic: stale v1 installed/);
    expect(layout.arrows.filter((a) => a.stale)).toEqual([]);
  });

  it('draws a ghost per enabled step in the band below the cursor', () => {
    const { model, trace } = shortestRace('operations');
    const layout = layoutAt(model, trace, 2);
    const keys = enabledSteps(model, trace.worlds[2] as never).map((s) => s.key);
    expect(layout.ghosts.map((g) => g.key)).toEqual(keys);
    const deliver = layout.ghosts.find((g) => g.key === 'writer->db');
    expect(deliver?.ariaLabel).toBe('Deliver UPDATE user:1 from Writer to Database next');
    expect(deliver?.testKey).toBe('writer--db');
    for (const g of layout.ghosts) {
      expect(g.y).toBeGreaterThan(layout.cursor.y);
      expect(g.y).toBeLessThan(layout.band.top + layout.band.height);
    }
    expect(layout.rows[2]?.future).toBe(false);
    expect(layout.rows[3]?.future).toBe(true);
    expect(layout.rows[3]?.top).toBeGreaterThanOrEqual(layout.band.top + layout.band.height);
  });

  it('draws messages still in flight at the cursor down to the cursor line', () => {
    const { model, trace: race } = shortestRace('messages');
    const prefix = replay(model, race.schedule.slice(0, 5));
    const layout = layoutAt(model, prefix, 5);
    const set = layout.arrows.find((a) => a.pending && a.label === 'SET v1');
    expect(set).toMatchObject({ from: 'reader', to: 'cache', fromRow: 4, head: '' });
    expect(set?.y2).toBe(layout.cursor.y);
    // Once the trace delivers it, it is an ordinary arrow instead.
    expect(layoutAt(model, race, 5).arrows.filter((a) => a.pending)).toEqual([]);
  });

  it('is deterministic', () => {
    const { model, trace } = shortestRace('operations');
    expect(layoutAt(model, trace, 3)).toEqual(layoutAt(model, trace, 3));
  });

  it('lays out a 1,000-step trace', () => {
    const model = setup('messages', 'double-delete', { readers: 3, writers: 3, pause: 0 });
    const long = longTrace(model, 1000);
    const layout = layoutAt(model, long, 500);
    expect(layout.rows).toHaveLength(1001);
    expect(layout.arrows.length).toBeGreaterThan(900);
    expect(new Set(layout.arrows.map((a) => a.id)).size).toBe(layout.arrows.length);
    for (const a of layout.arrows) expect(a.toRow - a.fromRow).toBeLessThan(100);
  });
});
