/**
 * The session slice: which scenario, fix, granularity and parameters; the pinned schedule and
 * the cursor into it. Every action keeps `schedule` fully replayable under the configuration.
 */
import type { StateCreator } from 'zustand';
import { randomCompletion } from '../engine/random';
import type { Trace } from '../engine/replay';
import { DEFAULT_SCENARIO, findScenario } from '../scenarios/index';
import {
  defaultFix,
  describeKey,
  translateSchedule,
  type SessionConfig,
} from '../scenarios/session';
import { enabledAt, modelFor, traceFor } from './derive';
import type { AppState, SessionSlice } from './types';

type Set = Parameters<StateCreator<AppState>>[0];
type Get = () => AppState;

const configOf = (s: AppState): SessionConfig => ({
  scenarioId: s.scenarioId,
  fix: s.fix,
  granularity: s.granularity,
  params: s.params,
});

/**
 * Replays the schedule under a new configuration (carried over message by message when the
 * granularity changes), keeps what can be followed, and says where it diverged.
 */
function reconfigure(set: Set, get: Get, change: Partial<SessionConfig>, what: string): void {
  const s = get();
  const before = configOf(s);
  const config = { ...before, ...change };
  let schedule = s.schedule;
  let cursor = s.cursor;
  let trace: Trace;
  try {
    if (config.granularity !== before.granularity) {
      const carried = translateSchedule(traceFor(before, s.schedule), modelFor(config), s.cursor);
      ({ schedule, cursor } = carried);
    }
    trace = traceFor(config, schedule);
  } catch (error) {
    // A scenario may refuse a configuration (e.g. a parameter combination): keep the old one.
    get().notify('error', `This configuration cannot be simulated: ${String(error)}`);
    return;
  }
  const kept = [...trace.schedule];
  set({
    ...change,
    schedule: kept,
    cursor: Math.min(cursor, kept.length),
    navigation: s.navigation + 1,
    playing: false,
  });
  const d = trace.divergence;
  if (d) {
    get().notify(
      'warning',
      `The schedule diverges at step ${d.index + 1}: ${describeKey(modelFor(before), d.key)} is not possible ${what}. The steps after it were dropped.`,
    );
  }
}

/** Returns a new random seed for the Randomize button (not part of the deterministic core). */
function freshSeed(): number {
  return 1 + Math.floor(Math.random() * 999_999);
}

/** Creates the session slice. */
export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => ({
  scenarioId: DEFAULT_SCENARIO,
  fix: defaultFix(findScenario(DEFAULT_SCENARIO)!),
  granularity: 'operations',
  params: {},
  seed: 1,
  schedule: [],
  cursor: 0,
  navigation: 0,
  selectScenario(id) {
    const scenario = findScenario(id);
    if (!scenario) return;
    set((s) => ({
      scenarioId: id,
      fix: defaultFix(scenario),
      params: {},
      schedule: [],
      cursor: 0,
      playing: false,
      navigation: s.navigation + 1,
      // Messages about the previous scenario no longer apply.
      notices: [],
    }));
  },
  setFix(fix) {
    reconfigure(set, get, { fix }, 'with this fix');
  },
  setGranularity(granularity) {
    reconfigure(set, get, { granularity }, `when stepping by ${granularity}`);
  },
  setParam(id, value) {
    reconfigure(set, get, { params: { ...get().params, [id]: value } }, 'with these parameters');
  },
  step() {
    const s = get();
    if (s.cursor < s.schedule.length) return set({ cursor: s.cursor + 1 });
    const next = enabledAt(configOf(s), s.schedule, s.cursor)[0];
    if (!next) return set({ playing: false });
    set({ schedule: [...s.schedule, next.key], cursor: s.cursor + 1 });
  },
  back() {
    set((s) => ({ cursor: Math.max(0, s.cursor - 1) }));
  },
  seek(cursor) {
    set((s) => ({ cursor: Math.max(0, Math.min(s.schedule.length, Math.round(cursor))) }));
  },
  reset() {
    set((s) => ({ schedule: [], cursor: 0, playing: false, navigation: s.navigation + 1 }));
  },
  choose(key) {
    const s = get();
    if (s.schedule[s.cursor] === key) return set({ cursor: s.cursor + 1 });
    if (!enabledAt(configOf(s), s.schedule, s.cursor).some((step) => step.key === key)) return;
    set({ schedule: [...s.schedule.slice(0, s.cursor), key], cursor: s.cursor + 1 });
  },
  randomize(seed) {
    const s = get();
    const chosen = seed ?? freshSeed();
    const prefix = s.schedule.slice(0, s.cursor);
    const trace = randomCompletion(modelFor(configOf(s)), prefix, chosen);
    set({ seed: chosen, schedule: [...trace.schedule], navigation: s.navigation + 1 });
  },
  loadSchedule(schedule, cursor) {
    const s = get();
    const trace = traceFor(configOf(s), schedule);
    const kept = [...trace.schedule];
    set({
      schedule: kept,
      cursor: Math.min(cursor, kept.length),
      playing: false,
      navigation: s.navigation + 1,
    });
  },
  loadShared(state) {
    set({
      scenarioId: state.scenarioId,
      fix: state.fix,
      granularity: state.granularity,
      params: { ...state.params },
      seed: state.seed,
      schedule: [...state.schedule],
      cursor: state.cursor,
      playing: false,
    });
  },
});
