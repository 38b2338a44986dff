/**
 * The scenario registry: every built-in scenario, by id.
 */
import { asyncInvalidation } from './asyncInvalidation';
import { cacheAside } from './cacheAside';
import { droppedDeleteTtlBackstop } from './droppedDeleteTtlBackstop';
import { duplicateInsert } from './duplicateInsert';
import { hotKeyStampede } from './hotKeyStampede';
import { querypilotStaleVerdict } from './querypilotStaleVerdict';
import { sharedClassState } from './sharedClassState';
import { writeBehindLoss } from './writeBehindLoss';
import type { ScenarioDef } from './types';

export const SCENARIOS: readonly ScenarioDef[] = [
  cacheAside,
  droppedDeleteTtlBackstop,
  writeBehindLoss,
  sharedClassState,
  querypilotStaleVerdict,
  duplicateInsert,
  hotKeyStampede,
  asyncInvalidation,
];

export const DEFAULT_SCENARIO = cacheAside.id;

/** Returns the scenario with `id`, or null. Pure. */
export function findScenario(id: string): ScenarioDef | null {
  return SCENARIOS.find((s) => s.id === id) ?? null;
}

/** Returns a scenario's parameter values: its defaults overridden by `overrides`. Pure. */
export function paramsOf(
  scenario: ScenarioDef,
  overrides: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const params: Record<string, number> = {};
  for (const p of scenario.params) params[p.id] = overrides[p.id] ?? p.defaultValue;
  return params;
}
