/**
 * The load scenarios (timed simulations with many clients), by id. Separate from the
 * interleaving registry: these are run by the load harness, not the explorer.
 */
import { invalidationStorm } from './invalidationStorm';
import { keyNormalisation } from './keyNormalisation';
import { setAfterDelete } from './setAfterDelete';
import { ttlStampede } from './ttlStampede';
import type { LoadScenarioDef } from './types';

export const LOAD_SCENARIOS: readonly LoadScenarioDef[] = [
  ttlStampede,
  setAfterDelete,
  keyNormalisation,
  invalidationStorm,
];

/** Returns the load scenario with `id`, or null. Pure. */
export function findLoadScenario(id: string): LoadScenarioDef | null {
  return LOAD_SCENARIOS.find((s) => s.id === id) ?? null;
}
