// PCT: thread and run-length bounds against a naive walk, determinism, and the guarantee checked
// exactly by enumerating every plan of small models.
import { describe, expect, it } from 'vitest';
import { applyStep } from '../../src/engine/apply';
import { createStepper } from '../../src/engine/machines';
import {
  drawPlan,
  pctBound,
  pctHitRate,
  pctRun,
  runBounds,
  runPlan,
  threadOf,
  type PctPlan,
} from '../../src/engine/pct';
import { replay } from '../../src/engine/replay';
import { enabledSteps } from '../../src/engine/steps';
import type { Model, World } from '../../src/engine/types';
import { createWorld } from '../../src/engine/world';
import { SCENARIOS, findScenario, paramsOf } from '../../src/scenarios/index';
import type { ScenarioDef } from '../../src/scenarios/types';

const GRANULARITIES = ['operations', 'messages'] as const;

function build(s: ScenarioDef, g: (typeof GRANULARITIES)[number], params = {}): Model {
  return s.build({ fix: 'none', granularity: g, params: paramsOf(s, params) });
}

/** Walks every path separately: the longest run and every thread met, or null past `limit`. */
function naive(model: Model, limit = 5_000): { longest: number; threads: number } | null {
  const stepper = createStepper();
  const threads = new Set<string>();
  let runs = 0;
  let longest = 0;
  const walk = (world: World, depth: number): boolean => {
    const steps = enabledSteps(model, world);
    if (steps.length === 0) {
      longest = Math.max(longest, depth);
      return ++runs <= limit;
    }
    for (const step of steps) {
      threads.add(threadOf(step));
      if (!walk(applyStep(model, world, step, stepper, depth).world, depth + 1)) return false;
    }
    return true;
  };
  return walk(createWorld(model, stepper), 0) ? { longest, threads: threads.size } : null;
}

function permutations(values: readonly number[]): number[][] {
  if (values.length <= 1) return [[...values]];
  return values.flatMap((v, i) =>
    permutations([...values.slice(0, i), ...values.slice(i + 1)]).map((rest) => [v, ...rest]),
  );
}

/** The exact chance that PCT at `depth` (1 or 2) hits harm: every plan is equally likely. */
function exactChance(model: Model, harm: readonly string[], depth: 1 | 2): number {
  const bounds = runBounds(model);
  if (!bounds) throw new Error('model too large');
  const orders = permutations(Array.from({ length: bounds.threads }, (_, i) => depth + i));
  const pointSets: Map<number, number>[] =
    depth === 1
      ? [new Map()]
      : Array.from({ length: bounds.longest }, (_, i) => new Map([[i + 1, 1]]));
  let hits = 0;
  let plans = 0;
  for (const priorities of orders) {
    for (const points of pointSets) {
      const plan: PctPlan = { priorities, points };
      const trace = runPlan(model, plan);
      plans++;
      if (trace.violations.some((v) => harm.includes(v.invariant))) hits++;
    }
  }
  return hits / plans;
}

describe('runBounds', () => {
  for (const s of SCENARIOS) {
    for (const g of GRANULARITIES) {
      it(`${s.id} (${g}): threads and longest run equal a naive walk of every path`, () => {
        const model = build(s, g);
        const expected = naive(model);
        const bounds = runBounds(model);
        expect(bounds).not.toBeNull();
        if (!expected) return; // too many paths to walk naively: checked on the smaller ones
        expect({ longest: bounds?.longest, threads: bounds?.threads }).toEqual(expected);
      });
    }
  }

  it('returns null past its state budget', () => {
    const s = findScenario('cache-aside-set-after-delete') as ScenarioDef;
    expect(runBounds(build(s, 'messages', { readers: 2, writers: 2 }), 50)).toBeNull();
  });
});

describe('pctRun', () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: every run is complete, replayable and the same for the same seed`, () => {
      const model = build(s, 'messages');
      const bounds = runBounds(model);
      if (!bounds) throw new Error('model too large');
      for (let seed = 1; seed <= 40; seed++) {
        const trace = pctRun(model, { depth: 3, bounds, seed });
        expect(trace.finished).toBe(true);
        expect(trace.schedule.length).toBeLessThanOrEqual(bounds.longest);
        const again = replay(model, trace.schedule);
        expect(again.divergence).toBeNull();
        expect(again.violations).toEqual(trace.violations);
        expect(pctRun(model, { depth: 3, bounds, seed }).schedule).toEqual(trace.schedule);
      }
    });
  }

  it('draws d − 1 distinct change points and a permutation of the n priorities', () => {
    for (let seed = 0; seed < 200; seed++) {
      const plan = drawPlan(seed, 3, { threads: 6, longest: 9 });
      expect([...plan.priorities].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
      expect([...plan.points.values()].sort()).toEqual([1, 2]);
      for (const at of plan.points.keys()) expect(at >= 1 && at <= 9).toBe(true);
    }
  });
});

describe('the PCT guarantee, exactly', () => {
  // Each race needs two ordering constraints (a read before a write and a delete before a set; two
  // checks before either insert; an acknowledged write before a crash before its flush), so PCT at
  // depth 2 must hit it with probability at least 1 / (n·k).
  const cases = [
    ['cache-aside-set-after-delete', 'operations'],
    ['duplicate-insert', 'operations'],
    ['write-behind-loss', 'operations'],
  ] as const;
  for (const [id, g] of cases) {
    it(`${id} (${g}): the exact depth-2 hit chance is at least 1 / (n·k)`, () => {
      const s = findScenario(id) as ScenarioDef;
      const model = build(s, g);
      const bounds = runBounds(model);
      if (!bounds) throw new Error('model too large');
      const two = exactChance(model, s.harm, 2);
      expect(two).toBeGreaterThanOrEqual(pctBound(bounds.threads, bounds.longest, 2));
      // The seeded runs estimate the same chance.
      const report = pctHitRate(model, s.harm, { depth: 2, runs: 2_000, seed: 7 });
      expect(report?.bound).toBe(pctBound(bounds.threads, bounds.longest, 2));
      expect(Math.abs((report?.rate ?? 0) - two)).toBeLessThan(0.05);
    });
  }
});
