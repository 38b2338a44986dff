import { describe, expect, it } from 'vitest';
import { randomWalk } from '../engine/random';
import { replay } from '../engine/replay';
import { SCENARIOS } from './index';
import { buildModel, describeKey, translateSchedule } from './session';

describe('translateSchedule', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: a run carried to messages and back is the same run`, () => {
      const config = { scenarioId: scenario.id, fix: scenario.fixes[0]!.id, params: {} };
      const ops = buildModel({ ...config, granularity: 'operations' });
      const msgs = buildModel({ ...config, granularity: 'messages' });
      for (let seed = 1; seed <= 20; seed++) {
        const run = randomWalk(ops, seed);
        const there = translateSchedule(run, msgs, run.records.length);
        const trace = replay(msgs, there.schedule);
        expect(trace.divergence).toBeNull();
        expect(there.cursor).toBe(there.schedule.length);
        const back = translateSchedule(trace, ops, there.cursor);
        expect(back.schedule).toEqual(run.schedule);
      }
    });
  }
});

describe('describeKey', () => {
  it('names channels, timers and faults in plain words', () => {
    const scenario = SCENARIOS[0]!;
    const model = buildModel({
      scenarioId: scenario.id,
      fix: 'double-delete',
      granularity: 'operations',
      params: {},
    });
    expect(describeKey(model, 'reader->db')).toBe('the message from Reader to Database');
    expect(describeKey(model, 'timer:writer/second-delete')).toBe("Writer's second-delete timer");
    expect(describeKey(model, 'fault:reader-stalls')).toMatch(/^Reader stalls/);
  });
});
