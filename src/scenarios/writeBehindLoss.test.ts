import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { findScenario, paramsOf } from './index';
import { describeStep } from './narrate';
import { writeBehindLoss as scenario } from './writeBehindLoss';

const modelOf = (fix: string, granularity: Granularity) =>
  scenario.build({ fix, granularity, params: paramsOf(scenario) });

/**
 * Pinned from the explorer. By hand (none, operations): the crash can come before the WRITE
 * (the write is refused, never acknowledged), between the ACK and the flush (lost), or between
 * the flush and the PUT landing (it still lands): 1 of 4 orders loses the write. In messages
 * the ACK is a step of its own, so the crash can also come before the client hears it: 2 of 6.
 */
const GOLDEN: [string, Granularity, number, number, number][] = [
  // fix, granularity, interleavings, violating (each invariant), states
  ['none', 'operations', 4, 1, 12],
  ['none', 'messages', 6, 2, 21],
  ['durable-log', 'operations', 6, 0, 31],
  ['durable-log', 'messages', 9, 0, 68],
  ['write-through', 'operations', 3, 0, 9],
  ['write-through', 'messages', 5, 0, 18],
];

describe('write-behind-loss', () => {
  it('is registered', () => {
    expect(findScenario('write-behind-loss')).toBe(scenario);
    expect(scenario.fixes.map((f) => f.id)).toEqual(['none', 'durable-log', 'write-through']);
  });

  it.each(GOLDEN)('%s / %s: %i interleavings, %i violating', (fix, g, total, bad, states) => {
    const result = explore(modelOf(fix, g));
    expect(result.complete).toBe(true);
    expect(result.interleavings).toBe(total);
    expect(result.violating).toEqual({ 'acked-write-lost': bad, 'acked-write-missing': bad });
    expect(result.states).toBe(states);
  });

  it('loses the acknowledged write when the node dies before the flush', () => {
    const model = modelOf('none', 'operations');
    const schedule = explore(model).shortestBy['acked-write-missing'] ?? [];
    expect(schedule).toEqual(['client->cache', 'fault:cache-crash', 'timer:cache/restart']);
    const trace = replay(model, schedule);
    expect(trace.violations.map((v) => `${v.invariant}@${v.step}: ${v.message}`)).toEqual([
      'acked-write-lost@1: the node dies at t=2 with v2 of user:1 only in its memory: client was told it is saved, and it is gone',
      'acked-write-missing@2: client was told v2 of user:1 was saved at t=1, but the database still has v1',
    ]);
    const lines = trace.records.map((r, i) =>
      describeStep(scenario, model, r, trace.worlds[i] as never, trace.worlds[i + 1] as never),
    );
    expect(lines).toEqual([
      'Client writes v2 to user:1 via Write-behind cache: ACK for v2: as far as the client knows, it is saved',
      'Fault: Write-behind cache dies at t=2 — unflushed v2 and its flush timer die with it',
      'Write-behind cache restarts at t=5 with empty memory: nothing to recover from',
    ]);
  });

  it('the durable log brings the same write back after the same crash', () => {
    const model = modelOf('durable-log', 'operations');
    const trace = replay(model, [
      'client->cache',
      'cache->log',
      'fault:cache-crash',
      'timer:cache/restart',
      'cache->log',
      'cache->db',
      'cache->log',
    ]);
    expect(trace.divergence).toBeNull();
    expect(trace.finished).toBe(true);
    expect(trace.violations).toEqual([]);
    const db = trace.worlds[trace.worlds.length - 1]?.actors.db?.context;
    expect(db).toEqual({ rows: { 'user:1': { value: 'v2', version: 2 } } });
  });
});
