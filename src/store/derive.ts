/**
 * Memoized derived data: the model of the current configuration, the trace of its schedule,
 * the enabled steps at the cursor and the narrative. Replay is pure and deterministic, so
 * results are cached by their inputs.
 */
import { createStepper } from '../engine/machines';
import { replay, type Trace } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import type { Model, Step } from '../engine/types';
import { describeDivergence, type DivergenceStory } from '../scenarios/divergence';
import { defaultScenario, findScenario, isAuthoredId } from '../scenarios/registry';
import { describeStep } from '../scenarios/narrate';
import {
  buildModel,
  configKey,
  defaultFix,
  type PinConfig,
  type SessionConfig,
} from '../scenarios/session';
import type { ScenarioDef } from '../scenarios/types';
import type { ShareState } from '../share/link';
import { lru } from './lru';
import { pinConfigOf } from './pin';

const stepper = createStepper({ memoize: true });

const models = lru<Model>(16);
const traces = lru<Trace>(24);
const enabledCache = lru<Step[]>(64);
const narratives = lru<string[]>(16);
const divergences = lru<DivergenceStory | null>(16);

/** Returns the (cached) model of `config`. */
export function modelFor(config: SessionConfig): Model {
  return models(configKey(config), () => buildModel(config));
}

/** Returns the (cached) trace of `schedule` under `config`. */
export function traceFor(config: SessionConfig, schedule: readonly string[]): Trace {
  return traces(`${configKey(config)}#${schedule.join(' ')}`, () =>
    replay(modelFor(config), schedule, stepper),
  );
}

/** Returns the enabled steps after `cursor` steps of `schedule` under `config`. */
export function enabledAt(
  config: SessionConfig,
  schedule: readonly string[],
  cursor: number,
): Step[] {
  const key = `${configKey(config)}#${schedule.slice(0, cursor).join(' ')}`;
  return enabledCache(key, () => {
    const trace = traceFor(config, schedule);
    const world = trace.worlds[Math.min(cursor, trace.worlds.length - 1)];
    return world ? enabledSteps(modelFor(config), world) : [];
  });
}

/** Returns one sentence per step of the trace of `schedule` under `config`. */
export function narrativeFor(config: SessionConfig, schedule: readonly string[]): string[] {
  return narratives(`${configKey(config)}#${schedule.join(' ')}`, () => {
    const trace = traceFor(config, schedule);
    const scenario = findScenario(config.scenarioId);
    const model = modelFor(config);
    if (!scenario) return [];
    return trace.records.map((record, i) =>
      describeStep(scenario, model, record, trace.worlds[i]!, trace.worlds[i + 1]!),
    );
  });
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
  const key = `${configKey(config)}@${configKey(pinned)}#${schedule.join(' ')}`;
  return divergences(key, () => {
    const trace = traceFor(config, schedule);
    const scenario = findScenario(config.scenarioId);
    if (!trace.divergence || !scenario) return null;
    return describeDivergence(
      scenario,
      { config, model: modelFor(config), trace },
      { config: pinned, model: modelFor(pinned), trace: traceFor(pinned, schedule) },
    );
  });
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
  return findScenario(s.scenarioId) ?? defaultScenario();
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
  return scenario.fixes.some((f) => f.id === s.compareFix) ? s.compareFix : defaultFix(scenario);
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
