import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { selectComparison } from './comparison';
import {
  createAppStore,
  selectCompareFix,
  selectEnabled,
  selectModel,
  selectScenario,
  selectTrace,
} from './index';

describe('app store', () => {
  it('steps, chooses, goes back and keeps the pinned future', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().step();
    s().step();
    expect(s().cursor).toBe(2);
    const keys = s().schedule.slice();
    s().back();
    expect(s().cursor).toBe(1);
    expect(s().schedule).toEqual(keys);
    const other = selectEnabled(s()).find((step) => step.key !== keys[1]);
    expect(other).toBeDefined();
    s().choose(other!.key);
    expect(s().schedule).toEqual([keys[0], other!.key]);
    expect(s().cursor).toBe(2);
  });

  it('turning on leases replays the same schedule without the stale entry', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const result = explore(selectModel(s()));
    s().loadSchedule(result.shortest!, result.shortest!.length);
    expect(selectTrace(s()).violations.length).toBeGreaterThan(0);
    s().setFix('leases');
    expect(s().schedule).toEqual(result.shortest);
    expect(selectTrace(s()).violations).toEqual([]);
  });

  it('carries a run over to messages and back, message by message', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const race = explore(selectModel(s())).shortest!;
    s().loadSchedule(race, race.length);
    s().setGranularity('messages');
    expect(s().schedule.length).toBe(10);
    expect(s().cursor).toBe(10);
    expect(selectTrace(s()).violations.length).toBeGreaterThan(0);
    expect(s().notices).toEqual([]);
    s().setGranularity('operations');
    expect(s().schedule).toEqual(race);
  });

  it('the compare view projects the one pinned schedule under two fixes', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const race = explore(selectModel(s())).shortest!;
    s().loadSchedule(race, race.length);
    s().setFix('leases');
    expect(selectComparison(s())).toBeNull();
    s().toggleCompare();
    expect(s().compareFix).toBe('none');
    const c = selectComparison(s())!;
    expect(c.left.fix.id).toBe('none');
    expect(c.right.fix.id).toBe('leases');
    expect(c.left.trace.schedule).toEqual(s().schedule);
    expect(c.right.trace).toBe(selectTrace(s()));
    expect(c.result.decisive?.step).toBe(4);
    expect(c.result.sentence).toContain('lease 1 was voided by a DEL');
    // Stepping back moves the one cursor both diagrams show; the schedule stays whole.
    s().back();
    expect(s().cursor).toBe(race.length - 1);
    expect(selectComparison(s())).toBe(c);
    s().setCompare('versioned-cas');
    expect(selectComparison(s())?.left.fix.id).toBe('versioned-cas');
    s().toggleCompare();
    expect(s().compareFix).toBeNull();
    expect(selectComparison(s())).toBeNull();
  });

  it('compare opened on the default fix starts the other side on another fix', () => {
    const store = createAppStore();
    const s = () => store.getState();
    expect(s().fix).toBe('none');
    s().toggleCompare();
    expect(s().compareFix).toBe(selectScenario(s()).fixes.find((f) => f.id !== 'none')!.id);
    expect(selectComparison(s())?.right.fix.id).toBe('none');
  });

  it('a compare fix the scenario does not offer falls back to its default fix', () => {
    const store = createAppStore();
    store.getState().setCompare('no-such-fix');
    expect(selectCompareFix(store.getState())).toBe('none');
  });

  it('randomize is deterministic for a seed', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().randomize(42);
    b.getState().randomize(42);
    expect(a.getState().schedule).toEqual(b.getState().schedule);
    // The cursor moves to the end of the new run, so something visibly happens.
    expect(a.getState().cursor).toBe(a.getState().schedule.length);
    expect(a.getState().cursor).toBeGreaterThan(0);
    expect(a.getState().seed).toBe(42);
  });
});
