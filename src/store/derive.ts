/**
 * Derived data: the model of the current configuration, the trace of its schedule, the enabled
 * steps at the cursor and the narrative. Computed (and memoized) by the model (`./live`) once it
 * has loaded; until then, the page is on its first run, whose data was computed at build time
 * (`./firstRun`).
 */
import type { Trace } from '../engine/replay';
import type { Model, Step } from '../engine/types';
import type { DivergenceStory } from '../scenarios/divergence';
import { isAuthoredId } from '../scenarios/ids';
import type { PinConfig, SessionConfig } from '../scenarios/session';
import type { ScenarioDef } from '../scenarios/types';
import type { ShareState } from '../share/link';
import { FIRST_RUN, isFirstConfig } from './firstRun';
import { modelNow, requireModel } from './model';
import { pinConfigOf } from './pin';

let firstRunRead = false;

/**
 * Returns whether anything was derived from the first run (the page drawn from it before the
 * model arrived); not on a link, which is opened once the model is at hand.
 */
export function derivedFromFirstRun(): boolean {
  return firstRunRead;
}

/** Returns the (cached) model of `config`. */
export function modelFor(config: SessionConfig): Model {
  const live = modelNow();
  if (live) return live.modelFor(config);
  firstRunRead = true;
  return isFirstConfig(config) ? FIRST_RUN.model : requireModel().modelFor(config);
}

/** Returns the (cached) trace of `schedule` under `config`. */
export function traceFor(config: SessionConfig, schedule: readonly string[]): Trace {
  const live = modelNow();
  if (live) return live.traceFor(config, schedule);
  firstRunRead = true;
  return isFirstConfig(config) && schedule.length === 0
    ? FIRST_RUN.trace
    : requireModel().traceFor(config, schedule);
}

/** Returns the enabled steps after `cursor` steps of `schedule` under `config`. */
export function enabledAt(
  config: SessionConfig,
  schedule: readonly string[],
  cursor: number,
): Step[] {
  const live = modelNow();
  if (live) return live.enabledAt(config, schedule, cursor);
  firstRunRead = true;
  return isFirstConfig(config) && schedule.length === 0
    ? FIRST_RUN.enabled
    : requireModel().enabledAt(config, schedule, cursor);
}

const NO_SENTENCES: string[] = [];

/** Returns one sentence per step of the trace of `schedule` under `config`. */
export function narrativeFor(config: SessionConfig, schedule: readonly string[]): string[] {
  const live = modelNow();
  if (live) return live.narrativeFor(config, schedule);
  return isFirstConfig(config) && schedule.length === 0
    ? NO_SENTENCES
    : requireModel().narrativeFor(config, schedule);
}

/**
 * Returns why the pinned `schedule` (made under `pinned`) stops early under `config`, or null
 * when it replays in full.
 */
export function divergenceFor(
  config: SessionConfig,
  pinned: SessionConfig,
  schedule: readonly string[],
): DivergenceStory | null {
  const live = modelNow();
  if (live) return live.divergenceFor(config, pinned, schedule);
  return isFirstConfig(config) && isFirstConfig(pinned) && schedule.length === 0
    ? null
    : requireModel().divergenceFor(config, pinned, schedule);
}

/** Returns the scenario with `id`: the first run's until the model has loaded. */
function scenarioOf(id: string): ScenarioDef | null {
  const live = modelNow();
  if (live) return live.findScenario(id);
  firstRunRead = true;
  return id === FIRST_RUN.scenario.id ? FIRST_RUN.scenario : requireModel().findScenario(id);
}

export interface ConfigLike extends SessionConfig {
  readonly schedule: readonly string[];
  readonly cursor: number;
}

interface PinnedLike extends ConfigLike {
  readonly pinnedUnder: PinConfig;
}

/** Selector: the scenario in view (the first registered one if the id is unknown). */
export function selectScenario(s: { scenarioId: string }): ScenarioDef {
  return scenarioOf(s.scenarioId) ?? requireModel().defaultScenario();
}
/** Selector: the model of the current configuration. */
export function selectModel(s: ConfigLike): Model {
  return modelFor(s);
}
/**
 * Selector: the replay of the pinned schedule under the current configuration (it stops at
 * the first step that is not possible there: see `trace.divergence`).
 */
export function selectTrace(s: ConfigLike): Trace {
  return traceFor(s, s.schedule);
}
/** Selector: the cursor shown: the pinned cursor, clamped to the part that replays. */
export function selectCursor(s: ConfigLike): number {
  return Math.min(s.cursor, selectTrace(s).records.length);
}
/** Selector: the enabled steps at the cursor shown. */
export function selectEnabled(s: ConfigLike): Step[] {
  return enabledAt(s, s.schedule, selectCursor(s));
}
/** Selector: the pinned schedule replayed where it was pinned (in full). */
export function selectPinnedTrace(s: PinnedLike): Trace {
  return traceFor(pinConfigOf(s), s.schedule);
}
/** Selector: why the pinned run stops early under the current configuration, or null. */
export function selectDivergence(s: PinnedLike): DivergenceStory | null {
  return divergenceFor(s, pinConfigOf(s), s.schedule);
}
/** Selector: the narrative sentences of the pinned schedule as replayed. */
export function selectNarrative(s: ConfigLike): string[] {
  return narrativeFor(s, s.schedule);
}

/**
 * Selector: the fix drawn on the left of the compare view, or null when the view is closed.
 * A fix the scenario does not offer (e.g. after switching scenarios) falls back to its default.
 */
export function selectCompareFix(s: {
  scenarioId: string;
  compareFix: string | null;
}): string | null {
  if (s.compareFix === null) return null;
  const scenario = selectScenario(s);
  if (scenario.fixes.some((f) => f.id === s.compareFix)) return s.compareFix;
  return requireModel().defaultFix(scenario);
}

/** Returns the YAML text of the authored model `s` is on, or null on a built-in. */
export function authoredTextOf(s: {
  scenarioId: string;
  authored: { id: string; text: string } | null;
}): string | null {
  return isAuthoredId(s.scenarioId) && s.authored?.id === s.scenarioId ? s.authored.text : null;
}

/**
 * Selector: what a share link (and an autosaved session) holds of the state, notes aside: the
 * session, the pinned run and where it was pinned, the cursor and the compare view.
 */
export function selectShareState(
  s: PinnedLike & { readonly seed: number; readonly compareFix: string | null },
): ShareState {
  const compare = selectCompareFix(s);
  return {
    scenarioId: s.scenarioId,
    fix: s.fix,
    granularity: s.granularity,
    params: s.params,
    seed: s.seed,
    schedule: s.schedule,
    cursor: s.cursor,
    pinned: s.pinnedUnder,
    ...(compare === null ? {} : { compare }),
  };
}
