/**
 * The cache's command queue in the authoring format: examples/lock-behind-slow-command.yaml,
 * whose race exists only because commands wait behind a long one, judged fix by fix; and the
 * queue option's errors at their line and column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explore, exploreReference } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { judgeFix } from '../scenarios/judge';
import type { ScenarioDef } from '../scenarios/types';
import { formatErrors, loadModel } from './load';

const TEXT = readFileSync(
  new URL('../../examples/lock-behind-slow-command.yaml', import.meta.url),
  'utf8',
);
const QUEUE = `      queue:
        duration: 1
        durations:
          - { command: DEL, key: 'report:big', duration: $slow }
`;

function load(text: string): ScenarioDef {
  const result = loadModel(text);
  if (!result.ok) throw new Error(formatErrors(result.errors).join('\n'));
  return result.scenario;
}

const MODEL = load(TEXT);
const status = (scenario: ScenarioDef, fix: string, granularity: Granularity) =>
  judgeFix(scenario, fix, granularity).status;

describe('a cache lock that expires behind a slow command (queued cache)', () => {
  it('fails with no fix; UNLINK and fencing hold; a longer lock narrows the window', () => {
    for (const granularity of ['operations', 'messages'] as const) {
      expect(status(MODEL, 'none', granularity), granularity).toBe('fails');
      expect(status(MODEL, 'unlink', granularity), granularity).toBe('holds');
      expect(status(MODEL, 'fencing', granularity), granularity).toBe('holds');
    }
    // 40 ticks outlast the DEL, but in messages granularity the commands queued around it too
    // can outlast the lock.
    expect(status(MODEL, 'longer-lock', 'operations')).toBe('holds');
    expect(status(MODEL, 'longer-lock', 'messages')).toBe('fails');
  });

  it('the race exists only because commands wait: the same model with an instant cache holds', () => {
    expect(TEXT).toContain(QUEUE);
    const instant = load(TEXT.replace(QUEUE, ''));
    for (const granularity of ['operations', 'messages'] as const) {
      expect(status(instant, 'none', granularity), granularity).toBe('holds');
    }
  });

  it('on the shortest race, the second writer waits behind the long DEL and takes the expired lock', () => {
    const model = MODEL.build({ fix: 'none', granularity: 'operations', params: {} });
    const result = explore(model, { harm: MODEL.harm });
    const trace = replay(model, result.shortestHarm ?? []);
    const records = trace.records;
    const slow = records.findIndex((r) => r.timer?.payload['key'] === 'report:big');
    expect(slow).toBeGreaterThan(0);
    // The DEL holds the thread for its 30 ticks: the clock jumps to its end.
    expect(records[slow]!.clockAfter - records[slow]!.clockBefore).toBeGreaterThanOrEqual(29);
    // The lock ADD answered next was waiting behind it, and it is stored: the lock had expired.
    const next = records.slice(slow + 1).find((r) => r.timer !== undefined);
    expect(next?.timer?.payload).toEqual({ command: 'ADD', key: 'lock', took: 1 });
    expect(next?.delivered.map((m) => m.type)).toEqual(['STORED']);
    expect(trace.violations.some((v) => v.invariant === 'stale-at-quiescence')).toBe(true);
  });

  it('the integer core and the reference explorer agree on it', () => {
    for (const granularity of ['operations', 'messages'] as const) {
      const model = MODEL.build({ fix: 'none', granularity, params: {} });
      const core = explore(model, { harm: MODEL.harm });
      const reference = exploreReference(model, { harm: MODEL.harm });
      expect(core.interleavings, granularity).toBe(reference.interleavings);
      expect(core.violating, granularity).toEqual(reference.violating);
      expect(core.shortestHarm?.length, granularity).toBe(reference.shortestHarm?.length);
    }
  });

  it('checks the queue option, with line and column', () => {
    const errors = (text: string) => {
      const result = loadModel(text);
      return result.ok ? [] : formatErrors(result.errors);
    };
    expect(errors(TEXT.replace('command: DEL,', 'command: UNLINK,'))).toEqual([
      '70:24 actors[2].options.queue.durations[0].command: cache option queue.durations.0.command: Invalid option: expected one of "GET"|"WAIT"|"SET"|"ADD"|"CAS"|"DEL"|"INVALIDATE" (with fix none)',
    ]);
    expect(errors(TEXT.replace('        duration: 1\n', '        duration: 0\n'))).toEqual([
      '68:19 actors[2].options.queue.duration: cache option queue.duration: Too small: expected number to be >=1 (with fix none)',
    ]);
    expect(errors(TEXT.replace('duration: $slow }', 'duration: $slow, ticks: 3 }'))).toEqual([
      '70:13 actors[2].options.queue.durations[0]: cache option queue.durations.0.ticks: Unrecognized key: "ticks" (with fix none)',
    ]);
  });
});
