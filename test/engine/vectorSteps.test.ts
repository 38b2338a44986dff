/**
 * The integer core's steps on vectors against the reference steps on worlds, world by world:
 * on every world reached (breadth first, up to a cap) the enabled steps are the same, in the
 * same order, and each step leads to the vector of the world the reference step leads to.
 */
import { describe, expect, it } from 'vitest';
import { applyStep } from '../../src/engine/apply';
import { createStepper } from '../../src/engine/machines';
import { enabledSteps } from '../../src/engine/steps';
import type { Model, World } from '../../src/engine/types';
import { createEnabled } from '../../src/engine/vectorEnabled';
import { Interner } from '../../src/engine/vectorIntern';
import { createVectorKeyer, layoutOf } from '../../src/engine/vectorKey';
import { createVectorStepper } from '../../src/engine/vectorStep';
import { createWorld } from '../../src/engine/world';
import { createKeyer } from '../../src/engine/worldKey';
import { onIntegerCore } from '../../src/engine/coreSearch';
import { paramsOf, SCENARIOS } from '../../src/scenarios/index';
import type { ScenarioDef } from '../../src/scenarios/types';
import { EXAMPLES } from '../support/examples';

/** A vector without its trailing zeros (channels first seen later are zero before). */
const trimmed = (raw: Int32Array): number[] => {
  let n = raw.length;
  while (n > 0 && raw[n - 1] === 0) n--;
  return Array.from(raw.subarray(0, n));
};

/** Walks `model` breadth first up to `cap` worlds; returns the worlds walked. */
function compareSteps(model: Model, cap: number): number {
  const stepper = createStepper();
  const interner = new Interner(model, []);
  const keyer = createVectorKeyer(model, [], interner);
  // Its own stepper, so the memo tables of the two sides are not shared.
  const vectors = createVectorStepper(model, createStepper(), interner);
  const enabled = createEnabled(model, interner, layoutOf(model), vectors);
  const worldKey = createKeyer(model, []);
  const seen = new Set<string>();
  const queue: World[] = [createWorld(model, stepper)];
  while (queue.length > 0 && seen.size < cap) {
    const world = queue.shift()!;
    const key = worldKey(world);
    if (seen.has(key)) continue;
    seen.add(key);
    const raw = keyer.raw(world);
    const steps = enabledSteps(model, world);
    const at = [world.clock, JSON.stringify(world.timers)];
    expect([...at, enabled(raw).map((s) => s.key)]).toEqual([...at, steps.map((s) => s.key)]);
    const onVectors = enabled(raw);
    steps.forEach((step, i) => {
      const next = applyStep(model, world, step, stepper, 0).world;
      const vector = vectors.apply(raw, onVectors[i]!, 0).raw;
      expect([...at, step.key, trimmed(vector)]).toEqual([
        ...at,
        step.key,
        trimmed(keyer.raw(next)),
      ]);
      queue.push(next);
    });
  }
  return seen.size;
}

const CASES: readonly (readonly [string, ScenarioDef])[] = [
  ...SCENARIOS.map((s) => [s.id, s] as const),
  ...EXAMPLES,
];

describe('steps on vectors are the reference steps on worlds', () => {
  it('two timers due together, with nothing else to do, both fire (a queued cache)', () => {
    const scenario = EXAMPLES.find(([file]) => file === 'lock-behind-slow-command.yaml')![1];
    const model = scenario.build({ fix: 'none', granularity: 'messages', params: {} });
    expect(compareSteps(model, 2_000)).toBe(2_000);
  });

  it.each(CASES)(
    '%s: every fix and granularity at the defaults',
    (_, scenario) => {
      for (const fix of scenario.fixes) {
        for (const granularity of ['operations', 'messages'] as const) {
          const model = scenario.build({ fix: fix.id, granularity, params: paramsOf(scenario) });
          if (!onIntegerCore(model)) continue;
          expect(compareSteps(model, 1_500)).toBeGreaterThan(1);
        }
      }
    },
    300_000,
  );
});
