/**
 * Runs the exhaustive explorer for a list of configurations and reports each summary.
 * Used by the explore worker; framework-free so it can be tested in Node.
 */
import { completeRun } from '../engine/complete';
import { explore } from '../engine/explore';
import { createStepper } from '../engine/machines';
import { headlineRace } from '../scenarios/judge';
import { buildModel, scenarioOf, type SessionConfig } from '../scenarios/session';
import type { ExploreSummary } from './protocol';

const stepper = createStepper({ memoize: true });

/**
 * Explores each configuration in turn (sharing one memoized stepper), calling `report` after
 * each. `now` is the clock used for the time budget.
 */
export function exploreConfigs(
  configs: readonly SessionConfig[],
  timeLimitMs: number,
  now: () => number,
  report: (index: number, config: SessionConfig, summary: ExploreSummary) => void,
): void {
  configs.forEach((config, index) => {
    const start = now();
    const deadline = start + timeLimitMs;
    const model = buildModel(config);
    const scenario = scenarioOf(config);
    const result = explore(model, {
      stepper,
      harm: scenario.harm,
      shouldStop: () => now() > deadline,
    });
    const ids = model.invariants.map((i) => i.id);
    const headline = headlineRace(ids, scenario.harm, result);
    const race = headline?.schedule ?? result.shortest;
    report(index, config, {
      complete: result.complete,
      interleavings: result.interleavings,
      violating: result.violating,
      violatingAny: result.violatingAny,
      violatingHarm: result.violatingHarm,
      states: result.states,
      shortest: race,
      run: race ? completeRun(model, race, 500, stepper).schedule : null,
      ms: Math.round(now() - start),
    });
  });
}
