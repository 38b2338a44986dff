/**
 * The committed verdicts of the built-in fixes at default parameters (see verdictTable.ts),
 * looked up by configuration. Other parameters are judged live by the worker or the CLI.
 */
import { COMMITTED_VERDICTS as VERDICTS } from './verdictData';
import { findScenario } from './registry';
import { verdictKey, type VerdictSummary } from './judge';
import type { Granularity } from '../engine/types';

/** Returns the committed verdict for a configuration, or null when it is not cached. Pure. */
export function cachedVerdict(
  scenarioId: string,
  fix: string,
  granularity: Granularity,
  params: Readonly<Record<string, number>> = {},
): VerdictSummary | null {
  const scenario = findScenario(scenarioId);
  if (!scenario) return null;
  return VERDICTS[verdictKey(scenario, fix, granularity, params)] ?? null;
}
