/**
 * The explore client's actions, loaded on first use: the first paint does not need the worker
 * client, so it stays out of the initial chunk. Same names as `exploreClient`.
 */
import { loadModel } from '../../store/index';

// The model first: the client reads the configuration's model and trace.
const client = () => loadModel().then(() => import('./exploreClient'));

/** Find the race for the current configuration (see `exploreClient.findRace`). */
export function findRace(): void {
  void client().then((c) => c.findRace());
}

/** Judges `fixes` over the scenario's sweep (see `exploreClient.judgeFixes`). */
export function judgeFixes(fixes: readonly string[]): void {
  void client().then((c) => c.judgeFixes(fixes));
}

/** Judges every fix not judged yet (see `exploreClient.compareAllFixes`). */
export function compareAllFixes(): void {
  void client().then((c) => c.compareAllFixes());
}

/** Stops a running exploration (see `exploreClient.cancelExplore`). */
export function cancelExplore(): void {
  void client().then((c) => c.cancelExplore());
}
