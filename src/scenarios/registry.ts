/**
 * The scenarios at hand, by id: the built-ins once loaded (on demand in the page, the default
 * one with the model, see catalog.ts; all at once elsewhere, see index.ts) and the authored
 * models opened here. It holds no scenario's model itself, so importing it loads none.
 */
import { DEFAULT_SCENARIO, isAuthoredId } from './ids';
import type { ScenarioDef } from './types';

// The scenario a page opens with (it is always at hand) and the authored ids.
export { AUTHORED_PREFIX, DEFAULT_SCENARIO, isAuthoredId } from './ids';

const builtIns = new Map<string, ScenarioDef>();
/** Authored models registered in this page or worker, most recent last (a few are kept). */
const authored = new Map<string, ScenarioDef>();
const MAX_AUTHORED = 8;

/** Registers a built-in scenario's definition once it is loaded. */
export function registerBuiltIn(scenario: ScenarioDef): void {
  if (isAuthoredId(scenario.id)) throw new Error(`not a built-in id: "${scenario.id}"`);
  builtIns.set(scenario.id, scenario);
}

/**
 * Registers a compiled authored model under its id (which must start with `AUTHORED_PREFIX`),
 * so that everything looking scenarios up by id finds it. Only the last few are kept.
 */
export function registerAuthored(scenario: ScenarioDef): void {
  if (!isAuthoredId(scenario.id)) throw new Error(`not an authored id: "${scenario.id}"`);
  authored.delete(scenario.id);
  authored.set(scenario.id, scenario);
  if (authored.size > MAX_AUTHORED) authored.delete(authored.keys().next().value as string);
}

/** Returns the scenario with `id` (a loaded built-in or a registered authored model), or null. */
export function findScenario(id: string): ScenarioDef | null {
  return builtIns.get(id) ?? authored.get(id) ?? null;
}

/**
 * Returns the default scenario's definition; throws if it is not loaded yet (in the page it is
 * loaded with the page's model, except under a link to another scenario: see store/live.ts).
 */
export function defaultScenario(): ScenarioDef {
  const scenario = builtIns.get(DEFAULT_SCENARIO);
  if (!scenario) throw new Error(`The default scenario (${DEFAULT_SCENARIO}) is not loaded yet.`);
  return scenario;
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
