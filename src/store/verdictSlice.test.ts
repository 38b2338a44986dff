import { describe, expect, it } from 'vitest';
// Every built-in's model registered, as in the page once a scenario has been loaded.
import '../scenarios/index';
import { cachedVerdict } from '../scenarios/verdicts';
import { createAppStore, selectTrace } from './index';

describe('verdict slice', () => {
  it("opens write-through's failing configuration with its race, cursor on the harm", () => {
    const store = createAppStore();
    const s = () => store.getState();
    const verdict = cachedVerdict('cache-aside-set-after-delete', 'write-through', 'operations')!;
    const failing = verdict.failing!;
    const navigation = s().navigation;
    s().openConfiguration({ fix: 'write-through', params: failing.params }, failing.race);
    expect(s().fix).toBe('write-through');
    // Only what differs from the defaults is kept, as a link would.
    expect(s().params).toEqual({ writers: 2, pause: 0 });
    expect(s().schedule.slice(0, failing.race.length)).toEqual(failing.race);
    expect(s().cursor).toBe(failing.race.length);
    expect(s().navigation).toBe(navigation + 1);
    const trace = selectTrace(s());
    const harm = trace.violations.filter((v) => v.invariant === 'stale-at-quiescence');
    expect(harm.map((v) => v.step)).toContain(failing.race.length - 1);
    expect(s().pinnedUnder).toEqual({ fix: 'write-through', params: { writers: 2, pause: 0 } });
    expect(s().notices.at(-1)?.text).toBe(
      'Opened readers=1, writers=2, pause=0 with “Write-through”: the shortest run to harm there.',
    );
  });

  it('keeps the run it replaces in the undo history', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().choose('writer->db');
    s().step();
    const mine = s().schedule.slice();
    expect(mine[0]).toBe('writer->db');
    const failing = cachedVerdict('cache-aside-set-after-delete', 'none', 'operations')!.failing!;
    s().openConfiguration({ fix: 'none', params: failing.params }, failing.race);
    expect(s().schedule.slice(0, failing.race.length)).toEqual(failing.race);
    s().undo();
    expect(s().schedule).toEqual(mine);
    expect(s().pinnedUnder).toEqual({ fix: 'none', params: {} });
  });

  it('continues the race to the end of its run (the aftermath is the pinned future)', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().selectScenario('querypilot-stale-verdict');
    const failing = cachedVerdict('querypilot-stale-verdict', 'none', 'operations')!.failing!;
    s().openConfiguration({ fix: 'none', params: failing.params }, failing.race);
    expect(s().params).toEqual({ attempts: 1 });
    expect(s().cursor).toBe(failing.race.length);
    expect(s().schedule.length).toBeGreaterThanOrEqual(failing.race.length);
    expect(selectTrace(s()).divergence).toBeNull();
  });

  it('stops the cursor where a schedule cannot be followed', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().openConfiguration({ fix: 'leases' }, ['writer->db', 'no-such->step']);
    expect(s().fix).toBe('leases');
    expect(s().cursor).toBe(1);
    expect(s().schedule[0]).toBe('writer->db');
  });

  it('keeps live sweep verdicts by key', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const verdict = cachedVerdict('cache-aside-set-after-delete', 'leases', 'operations')!;
    s().sweepResult('k', verdict, 'Judged Leases.');
    expect(s().sweeps).toEqual({ k: verdict });
    expect(s().explore.progress).toBe('Judged Leases.');
  });
});
