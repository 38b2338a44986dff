/**
 * The verdict slice: fix verdicts judged live by the worker's sweep (keyed by `verdictKey`),
 * and opening a configuration with a schedule in one step (e.g. a verdict's failing
 * configuration with its shortest harmful race), pinned under it; the run it replaces can be
 * undone. Plain JSON.
 */
import type { StateCreator } from 'zustand';
import type { SessionConfig } from '../scenarios/session';
import { modelFor } from './derive';
import { requireModel, withModel } from './model';
import { loses, pushUndo, snapshotOf } from './pin';
import type { AppState, VerdictSlice } from './types';

/** Steps a failing race is continued by, so the aftermath of the harm shows too. */
const AFTERMATH_STEPS = 500;

/** Creates the verdict slice. */
export const createVerdictSlice: StateCreator<AppState, [], [], VerdictSlice> = (set, get) => ({
  sweeps: {},
  sweepResult(key, summary, progress) {
    set((s) => ({
      sweeps: { ...s.sweeps, [key]: summary },
      explore: { ...s.explore, progress },
    }));
  },
  sweepProgress(progress) {
    set((s) => ({ explore: { ...s.explore, progress } }));
  },
  openConfiguration: withModel((change, schedule) => {
    const s = get();
    const { completeRun, describeSwept, findScenario, paramsOf } = requireModel();
    const scenario = findScenario(s.scenarioId);
    if (!scenario) return;
    const config: SessionConfig = {
      scenarioId: s.scenarioId,
      fix: change.fix ?? s.fix,
      granularity: change.granularity ?? s.granularity,
      params: paramsOf(scenario, change.params ?? s.params),
    };
    let run: readonly string[];
    let cursor: number;
    try {
      const trace = completeRun(modelFor(config), schedule, AFTERMATH_STEPS);
      run = trace.schedule;
      // The cursor lands on the race's last step (where the harm happens), or where it stopped.
      cursor = Math.min(schedule.length, run.length);
    } catch (error) {
      get().notify('error', `This configuration cannot be simulated: ${String(error)}`);
      return;
    }
    // Parameters at their default are left out, as a link leaves them out.
    const defaults = paramsOf(scenario);
    const params = Object.fromEntries(
      Object.entries(config.params).filter(([id, value]) => defaults[id] !== value),
    );
    // The run it replaces goes to the undo history, as when any loaded run replaces it.
    const lost = s.schedule.length > 0 && loses(s.schedule, run);
    set({
      fix: config.fix,
      granularity: config.granularity,
      params,
      schedule: [...run],
      cursor,
      pinnedUnder: { fix: config.fix, params },
      origin: null,
      undoStack: lost ? pushUndo(s.undoStack, snapshotOf(s)) : s.undoStack,
      playing: false,
      navigation: s.navigation + 1,
    });
    const fix = scenario.fixes.find((f) => f.id === config.fix)?.label ?? config.fix;
    get().notify(
      'info',
      `Opened ${describeSwept(scenario, config.params)} with “${fix}”: the shortest run to harm there.`,
    );
  }),
});
