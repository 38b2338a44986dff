/**
 * The built-in scenarios for the page: what the picker lists (see info.ts) without their
 * models, and each model loaded on demand (the default one with the page's model, unless the
 * page opens on a link to another scenario: see store/live.ts), so the first diagram waits
 * only for the scenario it shows.
 */
import { DEFAULT_SCENARIO } from './ids';
import { BUILT_IN_INFO, type ScenarioInfo } from './info';
import { findScenario, registerBuiltIn } from './registry';
import type { ScenarioDef } from './types';

export type { ScenarioInfo };
export { BUILT_IN_INFO };

/** Loads each built-in's module. */
const LOADERS: Readonly<Record<string, () => Promise<ScenarioDef>>> = {
  [DEFAULT_SCENARIO]: () => import('./cacheAside').then((m) => m.cacheAside),
  'dropped-delete-ttl-backstop': () =>
    import('./droppedDeleteTtlBackstop').then((m) => m.droppedDeleteTtlBackstop),
  'write-behind-loss': () => import('./writeBehindLoss').then((m) => m.writeBehindLoss),
  'shared-class-state': () => import('./sharedClassState').then((m) => m.sharedClassState),
  'querypilot-stale-verdict': () =>
    import('./querypilotStaleVerdict').then((m) => m.querypilotStaleVerdict),
  'duplicate-insert': () => import('./duplicateInsert').then((m) => m.duplicateInsert),
  'hot-key-stampede': () => import('./hotKeyStampede').then((m) => m.hotKeyStampede),
  'async-invalidation-stale-read': () =>
    import('./asyncInvalidation').then((m) => m.asyncInvalidation),
};

/** Returns whether `id` names a built-in scenario (loaded or not). */
export function isBuiltIn(id: string): boolean {
  return BUILT_IN_INFO.some((s) => s.id === id);
}

/** Returns whether `id` names a built-in whose model is not loaded yet. */
export function needsLoading(id: string): boolean {
  return findScenario(id) === null && Object.hasOwn(LOADERS, id);
}

/**
 * Returns the scenario with `id`, loading a built-in's model first when it is not at hand;
 * null for an id that is neither a built-in nor registered.
 */
export async function loadScenario(id: string): Promise<ScenarioDef | null> {
  const found = findScenario(id);
  if (found) return found;
  const loader = Object.hasOwn(LOADERS, id) ? LOADERS[id] : undefined;
  if (!loader) return null;
  const scenario = await loader();
  registerBuiltIn(scenario);
  return scenario;
}

/** Loads every built-in's model (e.g. when the page is idle, or the picker opens). */
export async function loadAllScenarios(): Promise<void> {
  await Promise.all(BUILT_IN_INFO.map((s) => loadScenario(s.id)));
}
