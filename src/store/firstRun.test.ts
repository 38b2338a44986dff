import { describe, expect, it } from 'vitest';
import { cacheAside } from '../scenarios/cacheAside';
import { DEFAULT_SCENARIO } from '../scenarios/registry';
import { buildModel } from '../scenarios/session';
import { layoutDiagram } from '../viz/layout';
import { metricsOf } from '../viz/metrics';
import { lifelineOrder } from '../viz/order';
import { FIRST_RUN, firstRunOf, isFirstConfig } from './firstRun';
import { computeFirstRun } from './firstRunCompute';
import { FIRST_RUN_DATA } from './firstRunData';
import { LIVE } from './live';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const config = FIRST_RUN.config;

describe('the first run computed at build time', () => {
  it('is the one the machines give now (run `npm run first-run` when this fails)', () => {
    expect(FIRST_RUN_DATA).toEqual(computeFirstRun());
  });

  it('opens the default scenario on its default fix, by operations, at default parameters', () => {
    expect(config).toEqual({
      scenarioId: DEFAULT_SCENARIO,
      fix: LIVE.defaultFix(cacheAside),
      granularity: 'operations',
      params: {},
    });
    expect(isFirstConfig(config)).toBe(true);
    expect(isFirstConfig({ ...config, fix: 'leases' })).toBe(false);
    expect(isFirstConfig({ ...config, params: { readers: 2 } })).toBe(false);
    expect(isFirstConfig({ ...config, granularity: 'messages' })).toBe(false);
  });

  it('gives the live trace, enabled steps and lifeline order of that configuration', () => {
    // A model built afresh: the live model's own is given the first run's order once loaded.
    const model = buildModel(config);
    expect(FIRST_RUN.trace).toEqual(plain(LIVE.traceFor(config, [])));
    expect(FIRST_RUN.enabled).toEqual(plain(LIVE.enabledAt(config, [], 0)));
    expect(lifelineOrder(FIRST_RUN.model)).toEqual(lifelineOrder(model));
    expect(FIRST_RUN.model.actors.map((a) => [a.id, a.label, a.role])).toEqual(
      model.actors.map((a) => [a.id, a.label, a.role]),
    );
    expect(FIRST_RUN.scenario.phrases).toBe(cacheAside.phrases);
  });

  it('lays out the same first diagram as the live model, on a desktop and on a phone', () => {
    const live = {
      scenario: cacheAside,
      model: buildModel(config),
      trace: LIVE.traceFor(config, []),
      cursor: 0,
      enabled: LIVE.enabledAt(config, [], 0),
    };
    const first = { ...FIRST_RUN, cursor: 0 };
    for (const phone of [false, true]) {
      const metrics = metricsOf(live.model.actors, phone);
      expect(plain(layoutDiagram({ ...first, metrics }))).toEqual(
        plain(layoutDiagram({ ...live, metrics })),
      );
    }
  });

  it('gives its lifeline order to the live model of its configuration', () => {
    expect(lifelineOrder(LIVE.modelFor(config))).toBe(FIRST_RUN_DATA.order);
  });

  it('refuses to run its machines or build another configuration (they wait for the model)', () => {
    const run = firstRunOf(FIRST_RUN_DATA);
    expect(() => run.model.actors[0]!.machine).toThrow(/has not loaded/);
    expect(() =>
      run.scenario.build({ fix: 'none', granularity: 'operations', params: {} }),
    ).toThrow(/has not loaded/);
    expect(() => run.scenario.sweep).toThrow(/has not loaded/);
  });
});
