/**
 * Where and why a pinned run stops when replayed under another configuration, in plain words
 * naming the fix (by its label) and the parameters on screen. Pure.
 */
import type { Trace } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import type { Model } from '../engine/types';
import { paramsOf } from './registry';
import { describeEnabled, describeKey, type PinConfig } from './session';
import type { ScenarioDef } from './types';

/** One replay of the pinned run: the configuration, its model and the trace. */
export interface ReplaySide {
  readonly config: PinConfig;
  readonly model: Model;
  readonly trace: Trace;
}

/** A pinned run that cannot be followed to its end under the configuration on screen. */
export interface DivergenceStory {
  /** Index of the first step that cannot be taken (0-based; shown as step index + 1). */
  readonly index: number;
  /** Steps in the pinned run. */
  readonly pinnedSteps: number;
  /** e.g. `With “Single-flight (per-key future)”`. */
  readonly setting: string;
  /** The pinned step that cannot be taken, in plain words. */
  readonly blocked: string;
  /** What can happen instead (or that nothing can). */
  readonly instead: string;
  /** Where the run was pinned, e.g. `“No fix”` ('' when the same as `setting`). */
  readonly pinnedSetting: string;
  /** How to see the whole run again, naming where it was pinned. */
  readonly restore: string;
  /** The whole explanation as one paragraph. */
  readonly text: string;
}

/** Returns the label of a fix as shown on screen (its id when unknown). Pure. */
export function fixLabel(scenario: ScenarioDef, fix: string): string {
  return scenario.fixes.find((f) => f.id === fix)?.label ?? fix;
}

/** Returns e.g. `“No fix”` or `“Leases” with Cache TTL (ticks) 5` (parameters that differ). */
function settingOf(scenario: ScenarioDef, config: PinConfig, other: PinConfig): string {
  const mine = paramsOf(scenario, config.params);
  const theirs = paramsOf(scenario, other.params);
  const changed = scenario.params
    .filter((p) => mine[p.id] !== theirs[p.id])
    .map((p) => `${p.label} ${mine[p.id]}`);
  const fix = `“${fixLabel(scenario, config.fix)}”`;
  return changed.length > 0 ? `${fix} with ${changed.join(', ')}` : fix;
}

const MAX_LISTED = 3;

/**
 * Returns why `current` (the pinned run replayed on screen) stops before the end of `pinned`
 * (the same run where it was pinned), or null when it does not diverge. Pure.
 */
export function describeDivergence(
  scenario: ScenarioDef,
  current: ReplaySide,
  pinned: ReplaySide,
): DivergenceStory | null {
  const d = current.trace.divergence;
  if (!d) return null;
  const setting = settingOf(scenario, current.config, pinned.config);
  const where = settingOf(scenario, pinned.config, current.config);
  const pinnedWorld = pinned.trace.worlds[d.index];
  const pinnedStep = pinnedWorld
    ? enabledSteps(pinned.model, pinnedWorld).find((s) => s.key === d.key)
    : undefined;
  const blocked = pinnedStep
    ? describeEnabled(scenario, pinned.model, pinnedStep)
    : describeKey(current.model, d.key);
  const world = current.trace.worlds[d.index];
  const options = world ? enabledSteps(current.model, world) : [];
  const listed = options
    .slice(0, MAX_LISTED)
    .map((s) => describeEnabled(scenario, current.model, s));
  const more = options.length > MAX_LISTED ? ` (and ${options.length - MAX_LISTED} more)` : '';
  const instead =
    options.length === 0
      ? 'Nothing else can happen at that point: the run is over.'
      : `What can happen there instead: ${listed.join('; ')}${more}.`;
  const pinnedSteps = pinned.trace.records.length;
  const restore =
    where === setting
      ? ''
      : `Switch back to ${where} to see the whole pinned run (${pinnedSteps} steps).`;
  const head = `With ${setting}, the pinned run stops at step ${d.index + 1} of ${pinnedSteps}`;
  const text = [`${head}: its next step (${blocked}) is not possible.`, instead, restore]
    .filter(Boolean)
    .join(' ');
  const pinnedSetting = where === setting ? '' : where;
  return { index: d.index, pinnedSteps, setting, blocked, instead, pinnedSetting, restore, text };
}
