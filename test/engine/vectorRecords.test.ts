/**
 * Step records of the integer core: the vector stepper reuses its record's lists from step to
 * step, yet a record an invariant kept, or one `apply` returned, keeps the lists of its own step.
 */
import { describe, expect, it } from 'vitest';
import { findHarm } from '../../src/engine/coreFind';
import { explore } from '../../src/engine/explore';
import { createStepper } from '../../src/engine/machines';
import type { Invariant, Model, StepRecord } from '../../src/engine/types';
import { enabledSteps } from '../../src/engine/steps';
import { Interner } from '../../src/engine/vectorIntern';
import { createVectorKeyer } from '../../src/engine/vectorKey';
import { createVectorStepper } from '../../src/engine/vectorStep';
import { createWorld } from '../../src/engine/world';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf } from '../../src/scenarios/index';

/** A record's lists as text. */
const listsOf = (r: StepRecord): string =>
  JSON.stringify([r.delivered, r.sent, r.dropped, r.changed].map((l) => l.map((x) => x)));

const MODELS: readonly (readonly [string, Model])[] = (['messages', 'operations'] as const).map(
  (granularity) => [
    `cache-aside, ${granularity} 2R+1W`,
    cacheAside.build({
      fix: 'none',
      granularity,
      params: paramsOf(cacheAside, { readers: 2, writers: 1 }),
    }),
  ],
);

describe('step records on the integer core', () => {
  it.each(MODELS)('%s: a record an invariant kept reads alike after the search', (_, model) => {
    const kept: [StepRecord, string][] = [];
    const keeper: Invariant = {
      id: 'keeper',
      title: 'Keeps records',
      onStep: ({ record }) => (kept.push([record, listsOf(record)]), null),
    };
    const withKeeper = { ...model, invariants: [...model.invariants, keeper] };
    for (const run of [
      () => explore(withKeeper, { core: 'integer' }),
      () => findHarm(withKeeper, { harm: model.invariants.map((i) => i.id) }),
    ]) {
      kept.length = 0;
      run();
      expect(kept.length).toBeGreaterThan(1);
      expect(kept.some(([r]) => r.sent.length > 0)).toBe(true);
      for (const [record, lists] of kept) expect(listsOf(record)).toBe(lists);
    }
  });

  it.each(MODELS)('%s: records `apply` returned keep their lists', (_, model) => {
    const stepper = createStepper();
    const interner = new Interner(model, []);
    const vectors = createVectorStepper(model, stepper, interner);
    const world = createWorld(model, stepper);
    const raw = createVectorKeyer(model, [], interner).raw(world);
    const applied = enabledSteps(model, world).map((step) => vectors.apply(raw, step, 0).record);
    expect(applied.length).toBeGreaterThan(1);
    const again = enabledSteps(model, world).map((step) => vectors.apply(raw, step, 0).record);
    applied.forEach((record, i) => expect(listsOf(record)).toBe(listsOf(again[i]!)));
    expect(new Set(applied.map(listsOf)).size).toBeGreaterThan(1);
  });
});
