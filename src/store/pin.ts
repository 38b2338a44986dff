/**
 * Pinned runs: the configuration a run was pinned under, snapshots for the undo history and
 * when a new run replaces (rather than extends) the pinned one. Pure.
 */
import type { Granularity } from '../engine/types';
import type { PinConfig, SessionConfig } from '../scenarios/session';
import { requireModel } from './model';
import type { PinnedRun, PinSnapshot } from './types';

/** Most runs the undo history keeps. */
export const UNDO_LIMIT = 20;

interface PinnedLike {
  readonly scenarioId: string;
  readonly granularity: Granularity;
  readonly pinnedUnder: PinConfig;
  readonly schedule: readonly string[];
  readonly cursor: number;
}

/** Returns the configuration the pinned run replays in full under. Pure. */
export function pinConfigOf(s: PinnedLike): SessionConfig {
  return {
    scenarioId: s.scenarioId,
    fix: s.pinnedUnder.fix,
    granularity: s.granularity,
    params: s.pinnedUnder.params,
  };
}

/** Returns whether two fix-and-parameter choices are the same (defaults filled in from the model). */
export function samePin(scenarioId: string, a: PinConfig, b: PinConfig): boolean {
  if (a.fix !== b.fix) return false;
  const { findScenario, paramsOf } = requireModel();
  const scenario = findScenario(scenarioId);
  if (!scenario) return true;
  const pa = paramsOf(scenario, a.params);
  const pb = paramsOf(scenario, b.params);
  return Object.keys(pa).every((k) => pa[k] === pb[k]);
}

/** Returns whether `next` drops any step of `old` (i.e. `old` is not a prefix of it). Pure. */
export function loses(old: readonly string[], next: readonly string[]): boolean {
  if (old.length > next.length) return true;
  return old.some((key, i) => next[i] !== key);
}

/** Returns whether two pinned runs are the same run. Pure. */
export function sameRun(scenarioId: string, a: PinnedRun, b: PinnedRun): boolean {
  return (
    a.granularity === b.granularity &&
    a.cursor === b.cursor &&
    a.schedule.length === b.schedule.length &&
    a.schedule.every((k, i) => b.schedule[i] === k) &&
    samePin(scenarioId, a.under, b.under)
  );
}

/** Returns a snapshot of the pinned run of `s` for the undo history. Pure. */
export function snapshotOf(
  s: PinnedLike & { readonly origin: PinSnapshot['origin'] },
): PinSnapshot {
  return {
    granularity: s.granularity,
    under: s.pinnedUnder,
    schedule: [...s.schedule],
    cursor: s.cursor,
    origin: s.origin,
  };
}

/** Returns `stack` with `snapshot` on top, keeping at most UNDO_LIMIT runs. Pure. */
export function pushUndo(stack: readonly PinSnapshot[], snapshot: PinSnapshot): PinSnapshot[] {
  return [...stack, snapshot].slice(-UNDO_LIMIT);
}
