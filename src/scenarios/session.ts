/**
 * A session: one configuration of one scenario (fix, granularity, parameters), as plain JSON,
 * and the pure helpers the app, the share codec and the worker need around it.
 */
import type { Granularity, Model, Step } from '../engine/types';
import { findScenario, paramsOf } from './index';
import { labeller } from './narrate';
import type { ScenarioDef } from './types';

export interface SessionConfig {
  readonly scenarioId: string;
  readonly fix: string;
  readonly granularity: Granularity;
  /** Parameter overrides; missing ones take the scenario's defaults. */
  readonly params: Readonly<Record<string, number>>;
}

/** Returns the scenario of `config`, or throws when it is not registered. Pure. */
export function scenarioOf(config: SessionConfig): ScenarioDef {
  const scenario = findScenario(config.scenarioId);
  if (!scenario) throw new Error(`unknown scenario "${config.scenarioId}"`);
  return scenario;
}

/** Returns the engine model for `config`; throws on an unknown scenario or fix. Pure. */
export function buildModel(config: SessionConfig): Model {
  const scenario = scenarioOf(config);
  return scenario.build({
    fix: config.fix,
    granularity: config.granularity,
    params: paramsOf(scenario, config.params),
  });
}

/** Returns a stable string identifying `config` (for memoization and result caches). Pure. */
export function configKey(config: SessionConfig): string {
  const params = Object.keys(config.params)
    .sort()
    .map((k) => `${k}=${config.params[k]}`)
    .join(',');
  return `${config.scenarioId}|${config.fix}|${config.granularity}|${params}`;
}

/** Returns the fix to use by default for a scenario: `none` when offered, else the first. Pure. */
export function defaultFix(scenario: ScenarioDef): string {
  return scenario.fixes.some((f) => f.id === 'none') ? 'none' : (scenario.fixes[0]?.id ?? 'none');
}

/**
 * Returns a short plain-words label for an enabled step, before it is taken
 * (e.g. `Reader SETs v1 into Cache`). Pure.
 */
export function describeEnabled(scenario: ScenarioDef, model: Model, step: Step): string {
  const label = labeller(model);
  if (step.kind === 'timer') return `${label(step.timer.owner)}'s ${step.timer.name} timer fires`;
  if (step.kind === 'fault') {
    if (step.fault.kind === 'drop' && step.message) {
      return `Fault: lose ${label(step.message.from)}'s ${step.message.type} to ${label(step.message.to)}`;
    }
    return `Fault: ${step.fault.label}`;
  }
  const phrase = scenario.phrases[step.message.type];
  if (!phrase)
    return `${label(step.message.from)} → ${label(step.message.to)}: ${step.message.type}`;
  const text = phrase(step.message, label);
  return step.message.reply
    ? `${label(step.message.to)} hears back from ${label(step.message.from)}: ${text}`
    : text;
}
