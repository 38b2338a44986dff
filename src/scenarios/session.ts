/**
 * A session: one configuration of one scenario (fix, granularity, parameters), as plain JSON,
 * and the pure helpers the app, the share codec and the worker need around it.
 */
import type { Stepper } from '../engine/machines';
import { TraceBuilder, type Trace } from '../engine/replay';
import type { Granularity, Model, Step } from '../engine/types';
import { findScenario, paramsOf } from './registry';
import { labeller } from './narrate';
import type { ScenarioDef } from './types';

export interface SessionConfig {
  readonly scenarioId: string;
  readonly fix: string;
  readonly granularity: Granularity;
  /** Parameter overrides; missing ones take the scenario's defaults. */
  readonly params: Readonly<Record<string, number>>;
}

/** A fix and parameter overrides: what a pinned run was made under (it replays in full there). */
export interface PinConfig {
  readonly fix: string;
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

/** A schedule carried over to another granularity, and where the cursor lands in it. */
export interface Translated {
  readonly schedule: string[];
  readonly cursor: number;
}

/**
 * Carries the run `source` over to `target` (the same scenario at another granularity):
 * each delivered message is delivered again, by its stable id, unless the target already
 * delivered it within an earlier step (a reply in `operations`); timers and faults are taken
 * by key. Stops at the first step the target cannot take. Pure.
 */
export function translateSchedule(
  source: Trace,
  target: Model,
  cursor: number,
  stepper?: Stepper,
): Translated {
  const builder = new TraceBuilder(target, stepper);
  let newCursor = 0;
  for (const [i, record] of source.records.entries()) {
    if (record.kind === 'deliver') {
      for (const message of record.delivered) {
        const step = builder
          .enabled()
          .find((s) => s.kind === 'deliver' && s.message.id === message.id);
        if (step) builder.take(step.key);
      }
    } else if (!builder.take(record.key)) break;
    if (i < cursor) newCursor = builder.schedule.length;
  }
  return { schedule: [...builder.schedule], cursor: newCursor };
}

/** Returns a plain-words name for a step key (`Reader → Database`, a timer, a fault). Pure. */
export function describeKey(model: Model, key: string): string {
  const label = labeller(model);
  if (key.startsWith('timer:')) {
    const [owner = '', name = ''] = key.slice(6).split('/');
    return `${label(owner)}'s ${name} timer`;
  }
  if (key.startsWith('fault:')) {
    return model.faults.find((f) => f.id === key.slice(6))?.label ?? key;
  }
  const [from = '', rest = ''] = key.split('->');
  const [to = '', lane] = rest.split(':');
  return `the message from ${label(from)} to ${label(to)}${lane ? ` (${lane})` : ''}`;
}
