/**
 * The model as the store runs it (see `./model`): the engine, the machines and the memoized
 * derived data (the model of a configuration, the trace of a schedule, the enabled steps at the
 * cursor, the narrative). Replay is pure and deterministic, so results are cached by their
 * inputs; the machines' transitions are memoized by the shared stepper, which a link is read
 * with too. It holds no scenario: the default page loads it with the default scenario
 * (`./live`); a link to another scenario loads it alone, with that scenario (main.tsx).
 */
import { completeRun } from '../engine/complete';
import { sharedStepper } from '../engine/machines';
import { randomCompletion } from '../engine/random';
import { replay, type Trace } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import type { Model, Step } from '../engine/types';
import { describeDivergence, type DivergenceStory } from '../scenarios/divergence';
import { describeSwept } from '../scenarios/judge';
import { describeStep } from '../scenarios/narrate';
import { defaultScenario, findScenario, paramsOf } from '../scenarios/registry';
import {
  buildModel,
  configKey,
  defaultFix,
  translateSchedule,
  type SessionConfig,
} from '../scenarios/session';
import type { StartRun } from '../viz/order';
import { lru } from './lru';

const models = lru<Model>(16);
const traces = lru<Trace>(24);
const enabledCache = lru<Step[]>(64);
const narratives = lru<string[]>(16);
const divergences = lru<DivergenceStory | null>(16);

/** Returns the (cached) model of `config`. */
function modelFor(config: SessionConfig): Model {
  return models(configKey(config), () => buildModel(config));
}

/** Returns the (cached) trace of `schedule` under `config`. */
function traceFor(config: SessionConfig, schedule: readonly string[]): Trace {
  return traces(`${configKey(config)}#${schedule.join(' ')}`, () =>
    replay(modelFor(config), schedule, sharedStepper()),
  );
}

/** Returns the enabled steps after `cursor` steps of `schedule` under `config`. */
function enabledAt(config: SessionConfig, schedule: readonly string[], cursor: number): Step[] {
  const key = `${configKey(config)}#${schedule.slice(0, cursor).join(' ')}`;
  return enabledCache(key, () => {
    const trace = traceFor(config, schedule);
    const world = trace.worlds[Math.min(cursor, trace.worlds.length - 1)];
    return world ? enabledSteps(modelFor(config), world) : [];
  });
}

/** Returns one sentence per step of the trace of `schedule` under `config`. */
function narrativeFor(config: SessionConfig, schedule: readonly string[]): string[] {
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
function divergenceFor(
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

/** The run from the start that orders a diagram's lifelines (see `viz/order`). */
const startRun: StartRun = (model, maxSteps) => completeRun(model, [], maxSteps, sharedStepper());

/** What the store and the diagram need of the model, once it has loaded. */
export const LIVE = {
  modelFor,
  traceFor,
  enabledAt,
  narrativeFor,
  divergenceFor,
  findScenario,
  defaultScenario,
  paramsOf,
  defaultFix,
  translateSchedule,
  randomCompletion,
  completeRun,
  describeSwept,
  startRun,
};

export type LiveModel = typeof LIVE;
