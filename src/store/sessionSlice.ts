/**
 * The session slice: which scenario, fix, granularity and parameters; the pinned run and the
 * cursor into it. A change of fix or parameter keeps the pinned run whole (the trace shown is
 * its replay, which may stop early); only the user's edits or a loaded run replace it, and the
 * run replaced is kept in an undo history.
 */
import type { StateCreator } from 'zustand';
import type { SessionConfig } from '../scenarios/session';
import { NO_ANNOTATIONS, withNote, withTitle } from '../share/notes';
import { enabledAt, modelFor, traceFor } from './derive';
import { FIRST_RUN } from './firstRun';
import { modelNow, requireModel, withModel } from './model';
import { loses, pinConfigOf, pushUndo, sameRun, snapshotOf } from './pin';
import type { AppState, SessionSlice } from './types';

type Set = Parameters<StateCreator<AppState>>[0];
type Get = () => AppState;

const configOf = (s: AppState): SessionConfig => ({
  scenarioId: s.scenarioId,
  fix: s.fix,
  granularity: s.granularity,
  params: s.params,
});

/** The replay of the pinned run under the current configuration and the cursor shown in it. */
function shownOf(s: AppState) {
  const trace = traceFor(configOf(s), s.schedule);
  return { trace, cursor: Math.min(s.cursor, trace.records.length) };
}

/**
 * Pins `schedule` (made under the current configuration) in place of the pinned run; the old
 * run goes to the undo history when the new one drops any of its steps. Returns whether it did.
 */
function repin(
  set: Set,
  get: Get,
  schedule: string[],
  cursor: number,
  extra: Partial<AppState> = {},
): boolean {
  const s = get();
  const lost = s.schedule.length > 0 && loses(s.schedule, schedule);
  set({
    schedule,
    cursor,
    pinnedUnder: { fix: s.fix, params: s.params },
    origin: null,
    undoStack: lost ? pushUndo(s.undoStack, snapshotOf(s)) : s.undoStack,
    ...extra,
  });
  return lost;
}

/** Changes fix or parameters: the pinned run stays whole; its replay may now stop early. */
function reconfigure(set: Set, get: Get, change: Partial<SessionConfig>): void {
  const s = get();
  try {
    traceFor({ ...configOf(s), ...change }, s.schedule);
  } catch (error) {
    // A scenario may refuse a configuration (e.g. a parameter combination): keep the old one.
    get().notify('error', `This configuration cannot be simulated: ${String(error)}`);
    return;
  }
  set({ ...change, navigation: s.navigation + 1, playing: false });
}

/**
 * Carries the pinned run over to another granularity, message by message, replaying it where
 * it was pinned; changing back restores the original run exactly.
 */
function regranulate(set: Set, get: Get, granularity: AppState['granularity']): void {
  const s = get();
  const { translateSchedule } = requireModel();
  if (granularity === s.granularity) return;
  const pinned = pinConfigOf(s);
  const target = { ...pinned, granularity };
  try {
    const origin = s.origin;
    if (origin && origin.run.granularity === granularity) {
      const { run } = origin;
      const cursor =
        s.cursor === origin.carriedCursor
          ? run.cursor
          : translateSchedule(traceFor(pinned, s.schedule), modelFor(target), s.cursor).cursor;
      traceFor({ ...configOf(s), granularity }, run.schedule);
      set({
        granularity,
        schedule: [...run.schedule],
        cursor,
        pinnedUnder: run.under,
        origin: null,
        navigation: s.navigation + 1,
        playing: false,
      });
      return;
    }
    const carried = translateSchedule(traceFor(pinned, s.schedule), modelFor(target), s.cursor);
    traceFor({ ...configOf(s), granularity }, carried.schedule);
    set({
      granularity,
      schedule: carried.schedule,
      cursor: carried.cursor,
      origin: {
        run: {
          granularity: s.granularity,
          under: s.pinnedUnder,
          schedule: [...s.schedule],
          cursor: s.cursor,
        },
        carriedCursor: carried.cursor,
      },
      navigation: s.navigation + 1,
      playing: false,
    });
  } catch (error) {
    get().notify('error', `This configuration cannot be simulated: ${String(error)}`);
  }
}

/** Returns a new random seed for the Randomize button (not part of the deterministic core). */
function freshSeed(): number {
  return 1 + Math.floor(Math.random() * 999_999);
}

// The page opens on the first run's configuration (the default scenario and fix).
const initialFix = FIRST_RUN.config.fix;

/**
 * Creates the session slice. Every action that runs the model waits for it to load (see
 * `withModel`): the page is drawn from its first run before that.
 */
export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  modelReady: modelNow() !== null,
  scenarioId: FIRST_RUN.config.scenarioId,
  fix: initialFix,
  granularity: 'operations',
  params: {},
  seed: 1,
  schedule: [],
  cursor: 0,
  pinnedUnder: { fix: initialFix, params: {} },
  origin: null,
  undoStack: [],
  navigation: 0,
  annotations: NO_ANNOTATIONS,
  setTitle(title) {
    set((s) => ({ annotations: withTitle(s.annotations, title) }));
  },
  setNote(step, text) {
    set((s) => ({ annotations: withNote(s.annotations, step, text) }));
  },
  selectScenario: withModel((id) => {
    const { findScenario, defaultFix } = requireModel();
    const scenario = findScenario(id);
    if (!scenario) return;
    const fix = defaultFix(scenario);
    set((s) => ({
      scenarioId: id,
      fix,
      params: {},
      schedule: [],
      cursor: 0,
      pinnedUnder: { fix, params: {} },
      origin: null,
      undoStack: [],
      annotations: NO_ANNOTATIONS,
      playing: false,
      navigation: s.navigation + 1,
      // Messages about the previous scenario no longer apply.
      notices: [],
    }));
  }),
  setFix: withModel((fix) => {
    reconfigure(set, get, { fix });
  }),
  followPinned: withModel(() => {
    const { fix, params } = get().pinnedUnder;
    reconfigure(set, get, { fix, params: { ...params } });
  }),
  setGranularity: withModel((granularity) => {
    regranulate(set, get, granularity);
  }),
  setParam: withModel((id, value) => {
    reconfigure(set, get, { params: { ...get().params, [id]: value } });
  }),
  step: withModel(() => {
    const s = get();
    const { trace, cursor } = shownOf(s);
    if (cursor < trace.records.length) return set({ cursor: cursor + 1 });
    const next = enabledAt(configOf(s), s.schedule, cursor)[0];
    if (!next) return set({ playing: false });
    repin(set, get, [...trace.schedule, next.key], cursor + 1);
  }),
  back: withModel(() => {
    const { cursor } = shownOf(get());
    set({ cursor: Math.max(0, cursor - 1) });
  }),
  seek: withModel((cursor) => {
    const { trace } = shownOf(get());
    set({ cursor: Math.max(0, Math.min(trace.records.length, Math.round(cursor))) });
  }),
  reset: withModel(() => {
    const s = get();
    repin(set, get, [], 0, { playing: false, navigation: s.navigation + 1 });
  }),
  choose: withModel((key) => {
    const s = get();
    const { trace, cursor } = shownOf(s);
    if (trace.schedule[cursor] === key) return set({ cursor: cursor + 1 });
    if (!enabledAt(configOf(s), s.schedule, cursor).some((step) => step.key === key)) return;
    repin(set, get, [...trace.schedule.slice(0, cursor), key], cursor + 1);
  }),
  randomize: withModel((seed) => {
    const s = get();
    const { randomCompletion } = requireModel();
    const { trace, cursor } = shownOf(s);
    const chosen = seed ?? freshSeed();
    const prefix = trace.schedule.slice(0, cursor);
    const run = randomCompletion(modelFor(configOf(s)), prefix, chosen);
    // The cursor goes to the end of the new run, so what changed is in view.
    repin(set, get, [...run.schedule], run.schedule.length, {
      seed: chosen,
      navigation: s.navigation + 1,
      playing: false,
    });
  }),
  loadSchedule: withModel((schedule, cursor) => {
    const s = get();
    const kept = [...traceFor(configOf(s), schedule).schedule];
    const lost = repin(set, get, kept, Math.min(cursor, kept.length), {
      playing: false,
      navigation: s.navigation + 1,
    });
    if (lost) {
      get().notify(
        'info',
        'Loaded a new run in place of yours. Undo (Ctrl+Z) or the browser’s Back button restores your previous run.',
      );
    }
  }),
  replaceRun(from, schedule, cursor) {
    const s = get();
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((key, i) => key === b[i]);
    if (!same(s.schedule, from)) return false;
    const kept = [...traceFor(configOf(s), schedule).schedule];
    set({ schedule: kept, cursor: Math.min(cursor, kept.length), playing: false });
    return true;
  },
  loadShared: withModel((state) => {
    const s = get();
    const under = state.pinned ?? { fix: state.fix, params: state.params };
    const run = {
      granularity: state.granularity,
      under,
      schedule: state.schedule,
      cursor: state.cursor,
    };
    let undoStack = state.scenarioId === s.scenarioId ? s.undoStack : [];
    // Browser Back to the run an undo entry holds: that entry has been restored.
    const top = undoStack.at(-1);
    if (top && sameRun(state.scenarioId, top, run)) undoStack = undoStack.slice(0, -1);
    set({
      scenarioId: state.scenarioId,
      fix: state.fix,
      granularity: state.granularity,
      params: { ...state.params },
      seed: state.seed,
      schedule: [...state.schedule],
      cursor: state.cursor,
      pinnedUnder: { fix: under.fix, params: { ...under.params } },
      origin: null,
      undoStack,
      annotations: state.annotations ?? NO_ANNOTATIONS,
      playing: false,
    });
  }),
  undo: withModel(() => {
    const s = get();
    const entry = s.undoStack.at(-1);
    if (!entry) return;
    set({
      granularity: entry.granularity,
      schedule: [...entry.schedule],
      cursor: entry.cursor,
      pinnedUnder: entry.under,
      origin: entry.origin,
      undoStack: s.undoStack.slice(0, -1),
      playing: false,
      navigation: s.navigation + 1,
    });
  }),
});
