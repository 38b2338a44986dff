/**
 * The scenario registry with every built-in scenario loaded, by id, and the authored models
 * opened here: for the CLI, the workers and the tests. The page loads built-ins on demand
 * instead (catalog.ts).
 */
import { asyncInvalidation } from './asyncInvalidation';
import { cacheAside } from './cacheAside';
import { droppedDeleteTtlBackstop } from './droppedDeleteTtlBackstop';
import { duplicateInsert } from './duplicateInsert';
import { hotKeyStampede } from './hotKeyStampede';
import { querypilotStaleVerdict } from './querypilotStaleVerdict';
import { registerBuiltIn } from './registry';
import { sharedClassState } from './sharedClassState';
import { writeBehindLoss } from './writeBehindLoss';
import type { ScenarioDef } from './types';

export {
  AUTHORED_PREFIX,
  DEFAULT_SCENARIO,
  findScenario,
  isAuthoredId,
  paramsOf,
  registerAuthored,
} from './registry';

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

for (const scenario of SCENARIOS) registerBuiltIn(scenario);
