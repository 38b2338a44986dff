import { describe, expect, it } from 'vitest';
// Every built-in's model registered, as in the page once a scenario has been loaded.
import '../scenarios/index';
import { completeRun } from '../engine/complete';
import { explore } from '../engine/explore';
import {
  createAppStore,
  selectCursor,
  selectDivergence,
  selectEnabled,
  selectModel,
  selectTrace,
} from './index';

/** A store on `scenarioId` with a failing run loaded the way Find the race loads one. */
function withRace(scenarioId: string) {
  const store = createAppStore();
  store.getState().selectScenario(scenarioId);
  const model = selectModel(store.getState());
  const shortest = explore(model).shortest!;
  const run = [...completeRun(model, shortest).schedule];
  store.getState().loadSchedule(run, shortest.length);
  return { s: () => store.getState(), run, cursor: shortest.length };
}

describe('pinned runs survive fix changes', () => {
  it('duplicate-insert: single-flight replays the race as far as it goes; No fix restores it', () => {
    const { s, run, cursor } = withRace('duplicate-insert');
    expect(run.length).toBe(6);
    expect(selectTrace(s()).violations.length).toBeGreaterThan(0);

    s().setFix('single-flight');
    expect(s().schedule).toEqual(run);
    expect(s().cursor).toBe(cursor);
    const trace = selectTrace(s());
    expect(trace.divergence?.index).toBe(3);
    expect(trace.records.length).toBe(3);
    expect(selectCursor(s())).toBe(3);
    const story = selectDivergence(s());
    expect(story?.index).toBe(3);
    expect(story?.text).toMatch(
      /^With “Single-flight \(per-key future\)”, the pinned run stops at step 4 of 6: its next step \(Task 2 .*\) is not possible\./,
    );
    expect(story?.text).toContain('Switch back to “No fix” to see the whole pinned run (6 steps).');

    s().setFix('none');
    expect(s().schedule).toEqual(run);
    expect(selectTrace(s()).records.length).toBe(6);
    expect(selectTrace(s()).divergence).toBeNull();
    expect(selectTrace(s()).violations.length).toBeGreaterThan(0);
    expect(selectCursor(s())).toBe(cursor);
    expect(selectDivergence(s())).toBeNull();
  });

  it('a parameter change keeps the run too, and names what differs', () => {
    const { s, run } = withRace('duplicate-insert');
    s().setParam('tasks', 3);
    expect(s().schedule).toEqual(run);
    s().setFix('single-flight');
    expect(selectDivergence(s())?.text).toContain(
      'Switch back to “No fix” with Concurrent fetch_user calls 2',
    );
    s().setParam('tasks', 2);
    s().setFix('none');
    expect(selectTrace(s()).records.length).toBe(run.length);
  });

  it('names the fix in a divergence under a timer (cache-aside double delete)', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().setFix('double-delete');
    s().randomize(3);
    const pinned = s().schedule.slice();
    const timer = pinned.findIndex((k) => k.startsWith('timer:'));
    expect(timer).toBeGreaterThan(0);
    s().setFix('none');
    expect(s().schedule).toEqual(pinned);
    expect(selectTrace(s()).divergence?.index).toBe(timer);
    expect(selectDivergence(s())?.text).toMatch(
      new RegExp(
        `^With “No fix”, the pinned run stops at step ${timer + 1} of ${pinned.length}: its next step \\(Writer's [\\w-]+ timer fires\\) is not possible`,
      ),
    );
    expect(selectDivergence(s())?.text).toContain('Switch back to “Delayed double-delete”');
    // No toast: the explanation stays in view while the run diverges.
    expect(s().notices).toEqual([]);
  });

  it('switching back to where the run was pinned restores it whole', () => {
    const { s, run, cursor } = withRace('duplicate-insert');
    s().setFix('single-flight');
    s().setParam('tasks', 3);
    s().followPinned();
    expect(s().fix).toBe('none');
    expect(s().params).toEqual({});
    expect(selectTrace(s()).records.length).toBe(run.length);
    expect(selectCursor(s())).toBe(cursor);
  });

  it('back, seek and step move within the part that replays', () => {
    const { s } = withRace('duplicate-insert');
    s().setFix('single-flight');
    s().seek(99);
    expect(s().cursor).toBe(3);
    s().back();
    expect(s().cursor).toBe(2);
    s().step();
    expect(s().cursor).toBe(3);
  });

  it('stepping at the divergence pins a new run under the current fix, which Undo reverts', () => {
    const { s, run } = withRace('duplicate-insert');
    s().setFix('single-flight');
    s().seek(3);
    const next = selectEnabled(s())[0]!;
    s().step();
    expect(s().schedule).toEqual([...run.slice(0, 3), next.key]);
    expect(s().pinnedUnder.fix).toBe('single-flight');
    expect(selectTrace(s()).divergence).toBeNull();
    s().undo();
    expect(s().schedule).toEqual(run);
    expect(s().pinnedUnder.fix).toBe('none');
    s().setFix('none');
    expect(selectTrace(s()).records.length).toBe(run.length);
  });

  it('choosing another branch while diverged also pins a new run', () => {
    const { s, run } = withRace('duplicate-insert');
    s().setFix('single-flight');
    s().seek(1);
    const other = selectEnabled(s()).find((step) => step.key !== run[1])!;
    s().choose(other.key);
    expect(s().schedule).toEqual([run[0], other.key]);
    expect(s().undoStack).toHaveLength(1);
  });
});

describe('Find the race never silently replaces a hand-pinned run', () => {
  it('keeps the hand-pinned run in the undo history and says so', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().step();
    s().step();
    s().step();
    s().back();
    const mine = s().schedule.slice();
    const race = explore(selectModel(s())).shortest!;
    s().loadSchedule(race, race.length);
    expect(s().schedule).toEqual(race);
    expect(s().notices.at(-1)).toMatchObject({
      kind: 'info',
      text: expect.stringContaining('Undo'),
    });
    s().undo();
    expect(s().schedule).toEqual(mine);
    expect(s().cursor).toBe(2);
    expect(s().undoStack).toEqual([]);
    // Nothing more to undo: a no-op.
    s().undo();
    expect(s().schedule).toEqual(mine);
  });

  it('loading the same run again, or a run that extends it, keeps no history', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const race = explore(selectModel(s())).shortest!;
    s().loadSchedule(race.slice(0, 2), 2);
    s().loadSchedule(race, race.length);
    s().loadSchedule(race, race.length);
    expect(s().undoStack).toEqual([]);
    expect(s().notices).toEqual([]);
  });

  it('undo restores a run made at another granularity exactly', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const race = explore(selectModel(s())).shortest!;
    s().loadSchedule(race, 3);
    s().setGranularity('messages');
    const carried = s().schedule.slice();
    s().reset();
    expect(s().schedule).toEqual([]);
    s().undo();
    expect(s().granularity).toBe('messages');
    expect(s().schedule).toEqual(carried);
    s().setGranularity('operations');
    expect(s().schedule).toEqual(race);
    expect(s().cursor).toBe(3);
  });

  it('a loaded link that matches the last undo entry consumes it (browser Back)', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const race = explore(selectModel(s())).shortest!;
    s().choose(selectEnabled(s()).find((step) => step.key !== race[0])!.key);
    const mine = s().schedule.slice();
    s().loadSchedule(race, race.length);
    expect(s().undoStack).toHaveLength(1);
    s().loadShared({
      scenarioId: s().scenarioId,
      fix: 'none',
      granularity: 'operations',
      params: {},
      seed: 1,
      schedule: mine,
      cursor: 1,
    });
    expect(s().undoStack).toEqual([]);
  });
});

describe('granularity', () => {
  it('a diverged run is carried over where it was pinned, and comes back whole', () => {
    const { s, run, cursor } = withRace('duplicate-insert');
    s().setFix('single-flight');
    s().setGranularity('messages');
    expect(s().schedule.length).toBeGreaterThan(run.length);
    expect(selectTrace(s()).divergence).not.toBeNull();
    s().setGranularity('operations');
    expect(s().schedule).toEqual(run);
    expect(s().cursor).toBe(cursor);
  });
});
