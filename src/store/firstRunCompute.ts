/**
 * Computes the default page's first run from the live model (for `npm run first-run` and the
 * test that keeps `./firstRunData` equal to it). Not part of the page.
 */
import { replay } from '../engine/replay';
import { enabledSteps } from '../engine/steps';
import { DEFAULT_SCENARIO } from '../scenarios/ids';
import { buildModel, type SessionConfig } from '../scenarios/session';
import { lifelineOrder } from '../viz/order';
import type { FirstRunData } from './firstRun';
import { LIVE } from './live';
import { installModel } from './model';

/**
 * Returns the first run of the default scenario's default configuration, as plain data, from a
 * model built afresh (none of the live model's caches).
 */
export function computeFirstRun(): FirstRunData {
  installModel(LIVE);
  const scenario = LIVE.findScenario(DEFAULT_SCENARIO);
  if (!scenario) throw new Error(`no scenario ${DEFAULT_SCENARIO}`);
  const config: SessionConfig = {
    scenarioId: scenario.id,
    fix: LIVE.defaultFix(scenario),
    granularity: 'operations',
    params: {},
  };
  const model = buildModel(config);
  const trace = replay(model, []);
  const { id, title, story, tags, source, fixes, params, harm } = scenario;
  // Plain data only: JSON drops what a function or an absent value would leave behind.
  return JSON.parse(
    JSON.stringify({
      scenario: { id, title, story, tags, source, fixes, params, harm },
      config,
      model: {
        actors: model.actors.map(({ id, label, role, input }) => ({ id, label, role, input })),
        faults: model.faults,
        invariants: model.invariants.map(({ id, title }) => ({ id, title })),
        granularity: model.granularity,
        ...(model.distinguished ? { distinguished: model.distinguished } : {}),
      },
      trace,
      enabled: enabledSteps(model, trace.worlds[0]!),
      order: lifelineOrder(model),
    }),
  ) as FirstRunData;
}
