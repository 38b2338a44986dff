/**
 * The verdict on each fix at the configuration in view: the committed one (default non-actor
 * parameters) or one judged live by the worker's sweep, else none yet. Never written by hand.
 */
import { useMemo } from 'react';
import { verdictKey, type VerdictSummary } from '../../scenarios/judge';
import type { ScenarioDef } from '../../scenarios/types';
import { cachedVerdict } from '../../scenarios/verdicts';
import { useAppStore } from '../../store/index';
import { useConfig, useScenario } from '../hooks';
import type { SessionConfig } from '../../scenarios/session';

/** A fix's verdict and where it comes from. */
export interface KnownVerdict {
  readonly summary: VerdictSummary;
  readonly source: 'committed' | 'live';
}

/** Returns the verdict on `fix` at `config` (its fix is ignored), or null when not judged. Pure. */
export function verdictAt(
  scenario: ScenarioDef,
  config: SessionConfig,
  fix: string,
  sweeps: Readonly<Record<string, VerdictSummary>>,
): KnownVerdict | null {
  const committed = cachedVerdict(scenario.id, fix, config.granularity, config.params);
  if (committed) return { summary: committed, source: 'committed' };
  const live = sweeps[verdictKey(scenario, fix, config.granularity, config.params)];
  return live ? { summary: live, source: 'live' } : null;
}

/** Returns the verdict on every fix of the scenario in view, by fix id (null: not judged). */
export function useVerdicts(): ReadonlyMap<string, KnownVerdict | null> {
  const scenario = useScenario();
  const config = useConfig();
  const sweeps = useAppStore((s) => s.sweeps);
  return useMemo(
    () => new Map(scenario.fixes.map((f) => [f.id, verdictAt(scenario, config, f.id, sweeps)])),
    [scenario, config, sweeps],
  );
}
