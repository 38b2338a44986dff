import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import {
  droppedDeleteTtlBackstop as scenario,
  staleWindowFigure,
} from './droppedDeleteTtlBackstop';
import { findScenario, paramsOf } from './index';
import { describeStep } from './narrate';

const modelOf = (fix: string, granularity: Granularity, params: Record<string, number> = {}) =>
  scenario.build({ fix, granularity, params: paramsOf(scenario, params) });

/**
 * Pinned from the explorer. By hand (operations): the writer UPDATEs then its DEL lands or is
 * dropped; the reader GETs once (and on a miss, after the DEL, also SELECTs and SETs): 2 + 2
 * orders with the reader before the DEL, 1 after a delivered DEL, 1 after a dropped one = 6,
 * of which the 3 with a drop violate; only 1 has the reader GET after the drop. Messages: 10
 * orders with a drop (C(5,2)) + 19 without = 29.
 */
const GOLDEN: [string, Granularity, number, Record<string, number>, number][] = [
  ['none', 'operations', 6, { 'lost-delete-stale': 3, 'stale-read': 1, 'stale-forever': 3 }, 11],
  ['none', 'messages', 29, { 'lost-delete-stale': 10, 'stale-read': 1, 'stale-forever': 10 }, 30],
  [
    'ttl-backstop',
    'operations',
    6,
    { 'lost-delete-stale': 3, 'stale-read': 1, 'stale-forever': 0 },
    11,
  ],
  [
    'ttl-backstop',
    'messages',
    29,
    { 'lost-delete-stale': 10, 'stale-read': 1, 'stale-forever': 0 },
    32,
  ],
];

describe('dropped-delete-ttl-backstop', () => {
  it('is registered with the two fixes', () => {
    expect(findScenario('dropped-delete-ttl-backstop')).toBe(scenario);
    expect(scenario.fixes.map((f) => f.id)).toEqual(['none', 'ttl-backstop']);
    expect(scenario.harm).toEqual(['stale-forever']);
  });

  it.each(GOLDEN)('%s / %s: %i interleavings', (fix, g, total, violating, states) => {
    const result = explore(modelOf(fix, g));
    expect(result.complete).toBe(true);
    expect(result.interleavings).toBe(total);
    expect(result.violating).toEqual(violating);
    expect(result.violatingAny).toBe(violating['lost-delete-stale']);
    expect(result.states).toBe(states);
    // The harm is "stale forever": every run without a TTL that loses the DEL; none with one.
    expect(result.violating?.['stale-forever']).toBe(
      fix === 'none' ? violating['stale-forever'] : 0,
    );
  });

  it('without a TTL a lost DEL leaves v1 stale forever', () => {
    const model = modelOf('none', 'operations');
    const schedule = explore(model).shortestBy['lost-delete-stale'];
    expect(schedule).toEqual(['writer->db', 'fault:drop-del']);
    // Let the reader finish the run: it is served v1, and v1 is still there at the end.
    const trace = replay(model, [...(schedule ?? []), 'reader->cache']);
    expect(trace.finished).toBe(true);
    expect(trace.violations.map((v) => v.message)).toEqual([
      'the DEL of user:1 is lost at t=2: the cache keeps v1 while the database has v2, with no TTL: stale forever',
      'reader is served v1 at t=3, but v2 was committed and its DEL lost',
      'cache holds v1 for user:1 but the database has v2, with no TTL: stale forever',
    ]);
    expect(staleWindowFigure(trace.worlds, trace.records)).toMatchObject({ value: null });
  });

  it('with a TTL the window is the TTL minus the ticks elapsed when v2 committed', () => {
    for (const ttl of [20, 35]) {
      const model = modelOf('ttl-backstop', 'operations', { ttl });
      // The reader goes first, so v2 commits at t=2 and the DEL is dropped at t=3.
      const trace = replay(model, ['reader->cache', 'writer->db', 'fault:drop-del']);
      expect(trace.violations.map((v) => v.message)).toEqual([
        `the DEL of user:1 is lost at t=3: the cache keeps v1 while the database has v2, stale for ${ttl - 3} more ticks (until t=${ttl}, when its TTL ends)`,
      ]);
      expect(staleWindowFigure(trace.worlds, trace.records)).toEqual({
        id: 'stale-window',
        label: 'Stale window',
        unit: 'ticks',
        value: ttl - 2,
        text: `${ttl - 2} ticks (t=2 → t=${ttl}, when the TTL ends)`,
      });
    }
  });

  it('when the DEL lands the window is only its flight: one tick', () => {
    const model = modelOf('ttl-backstop', 'operations');
    const trace = replay(model, ['writer->db', 'writer->cache', 'reader->cache']);
    expect(trace.violations).toEqual([]);
    expect(scenario.figures?.(trace.worlds, trace.records)[0]?.text).toBe(
      '1 tick (t=1 → t=2, when the DEL lands)',
    );
  });

  it('a reader after the lost DEL is served stale data, and the drop reads in plain words', () => {
    const model = modelOf('ttl-backstop', 'messages');
    const trace = replay(model, [
      'writer->db',
      'db->writer',
      'fault:drop-del',
      'reader->cache',
      'cache->reader',
    ]);
    expect(trace.violations.map((v) => `${v.invariant}@${v.step}`)).toEqual([
      'lost-delete-stale@2',
      'stale-read@3',
    ]);
    const [record, before, after] = [trace.records[2], trace.worlds[2], trace.worlds[3]];
    if (!record || !before || !after) throw new Error('no step');
    expect(describeStep(scenario, model, record, before, after)).toBe(
      "Fault: Writer's DEL of user:1 is lost on the way to Cache — Writer is never answered and nothing retries it; Cache keeps v1",
    );
  });
});
