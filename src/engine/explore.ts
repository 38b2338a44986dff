/**
 * Exhaustive exploration: every interleaving of a model, with identical worlds de-duplicated
 * (and, with symmetry, worlds equal up to renaming interchangeable actors). Counts complete
 * interleavings exactly and, per invariant, how many violate it; finds the shortest schedule
 * that reaches a violation; and the probability that a uniformly random scheduler ends in harm.
 * Runs the integer search core; timed models, models with delay or crash faults, and the plain
 * search (`reduce: 'none'`) run on the reference explorer, which stays reachable with
 * `core: 'reference'`.
 */
import { exploreCore, onIntegerCore } from './coreSearch';
import { exploreReference } from './exploreReference';
import type { ExploreOptions, ExploreResult } from './exploreResult';
import type { Model } from './types';

export { budgetMessage, type ExploreOptions, type ExploreResult } from './exploreResult';
export { exploreReference } from './exploreReference';

/** Returns the exhaustive exploration of `model`'s interleavings. Pure given the model. */
export function explore(model: Model, options: ExploreOptions = {}): ExploreResult {
  const reference =
    options.core === 'reference' || options.reduce === 'none' || !onIntegerCore(model);
  return reference ? exploreReference(model, options) : exploreCore(model, options);
}
