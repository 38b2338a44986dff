/**
 * PCT (probabilistic concurrency testing): a seeded priority scheduler of depth d. Every lane of
 * steps (a channel, a timer, a fault) is a thread with a random priority; the highest-priority
 * enabled thread runs, and at d − 1 random steps the running thread drops below all others. A
 * race that needs d ordering constraints is then hit with probability at least 1 / (n·k^(d−1))
 * for n threads and runs of at most k steps (Burckhardt et al., ASPLOS 2010). Pure given the seed.
 */
import { applyStep } from './apply';
import { createStepper, type Stepper } from './machines';
import { TraceBuilder, type Trace } from './replay';
import { createRng } from './rng';
import { enabledSteps } from './steps';
import type { Model, Step, World } from './types';
import { createWorld } from './world';
import { createKeyer } from './worldKey';

/** The thread a step belongs to: steps of one thread are ordered among themselves. Pure. */
export function threadOf(step: Step): string {
  return step.kind === 'deliver' ? `channel:${step.channel}` : step.key;
}

/** What PCT's bound needs to know of a model: its threads and its longest run. */
export interface RunBounds {
  /** Distinct threads (`threadOf`) of every reachable step. */
  readonly threads: number;
  /** Steps in the longest complete run. */
  readonly longest: number;
  /** Distinct worlds visited to find them. */
  readonly states: number;
}

/**
 * Returns the number of threads and the longest run of `model`, from a search of every world
 * (null past `maxStates` worlds). Pure given the model.
 */
export function runBounds(
  model: Model,
  maxStates = 500_000,
  stepper: Stepper = createStepper(),
): RunBounds | null {
  const keyOf = createKeyer(model, [], true);
  const longest = new Map<string, number>();
  const threads = new Set<string>();
  // Iterative post-order search: a frame is a world, its steps and the best length so far.
  interface Frame {
    world: World;
    key: string;
    steps: Step[];
    next: number;
    best: number;
  }
  const open = (world: World, key: string): Frame => {
    const steps = enabledSteps(model, world);
    for (const step of steps) threads.add(threadOf(step));
    return { world, key, steps, next: 0, best: 0 };
  };
  const initial = createWorld(model, stepper);
  const stack: Frame[] = [open(initial, keyOf(initial))];
  let depth = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const step = frame.steps[frame.next++];
    if (!step) {
      longest.set(frame.key, frame.best);
      stack.pop();
      depth--;
      const parent = stack[stack.length - 1];
      if (parent) parent.best = Math.max(parent.best, 1 + frame.best);
      continue;
    }
    const { world } = applyStep(model, frame.world, step, stepper, depth);
    const key = keyOf(world);
    const known = longest.get(key);
    if (known !== undefined) {
      frame.best = Math.max(frame.best, 1 + known);
      continue;
    }
    if (longest.size + stack.length >= maxStates) return null;
    stack.push(open(world, key));
    depth++;
  }
  return { threads: threads.size, longest: longest.get(keyOf(initial)) ?? 0, states: longest.size };
}

/** Returns PCT's guaranteed chance of hitting a race of depth `depth`: 1 / (n·k^(d−1)). Pure. */
export function pctBound(threads: number, longest: number, depth: number): number {
  if (threads < 1) return 0;
  return 1 / (threads * Math.max(1, longest) ** (depth - 1));
}

export interface PctOptions {
  /** Bug depth d ≥ 1: d − 1 priority change points. */
  readonly depth: number;
  /** Threads n and longest run k: priorities are drawn from n values, change points from 1..k. */
  readonly bounds: Pick<RunBounds, 'threads' | 'longest'>;
  readonly seed: number;
  readonly maxSteps?: number;
  readonly stepper?: Stepper;
}

/**
 * One PCT run's random choices: the priorities handed to threads in order of first appearance
 * (a permutation of d .. d + n − 1), and the change points (step number → the lowered priority
 * 1 .. d − 1).
 */
export interface PctPlan {
  readonly priorities: readonly number[];
  readonly points: ReadonlyMap<number, number>;
}

/** Returns a seeded plan for depth `depth` over `bounds`. Pure given the seed. */
export function drawPlan(
  seed: number,
  depth: number,
  bounds: Pick<RunBounds, 'threads' | 'longest'>,
): PctPlan {
  const rng = createRng(seed);
  const priorities = Array.from({ length: Math.max(1, bounds.threads) }, (_, i) => depth + i);
  for (let i = priorities.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [priorities[i], priorities[j]] = [priorities[j] as number, priorities[i] as number];
  }
  const points = new Map<number, number>();
  const wanted = Math.min(depth - 1, Math.max(0, bounds.longest));
  while (points.size < wanted) {
    const at = rng.int(1, bounds.longest);
    if (!points.has(at)) points.set(at, points.size + 1);
  }
  return { priorities, points };
}

/**
 * Returns the trace of the run `plan` makes: at each step the enabled step of the
 * highest-priority thread is taken; after the i-th step, if i is a change point, the thread that
 * ran drops to that point's priority. Pure.
 */
export function runPlan(model: Model, plan: PctPlan, maxSteps = 500, stepper?: Stepper): Trace {
  const priority = new Map<string, number>();
  const priorityOf = (thread: string): number => {
    let p = priority.get(thread);
    if (p === undefined) {
      // More threads than counted (never with `runBounds`): below every counted one.
      p = plan.priorities[priority.size] ?? -priority.size;
      priority.set(thread, p);
    }
    return p;
  };
  const builder = new TraceBuilder(model, stepper);
  for (let taken = 0; taken < maxSteps; taken++) {
    let best: Step | null = null;
    let bestPriority = -Infinity;
    for (const step of builder.enabled()) {
      const p = priorityOf(threadOf(step));
      if (p > bestPriority) [best, bestPriority] = [step, p];
    }
    if (!best) break;
    builder.take(best.key);
    const point = plan.points.get(taken + 1);
    if (point !== undefined) priority.set(threadOf(best), point);
  }
  return builder.build();
}

/** Returns the trace of one seeded PCT run of `model`. Pure given the seed. */
export function pctRun(model: Model, options: PctOptions): Trace {
  const plan = drawPlan(options.seed, options.depth, options.bounds);
  return runPlan(model, plan, options.maxSteps, options.stepper);
}

export interface PctReport {
  readonly depth: number;
  readonly runs: number;
  /** Runs that ended in harm. */
  readonly hits: number;
  readonly rate: number;
  readonly threads: number;
  readonly longest: number;
  /** PCT's guaranteed lower bound for a race of this depth. */
  readonly bound: number;
  /** The first seed whose run hit harm, to replay it; null when none did. */
  readonly firstHitSeed: number | null;
}

/**
 * Runs PCT `runs` times (seeds seed, seed + 1, …) and counts the runs that violate a harm
 * invariant. Null when the model is too large to bound. Pure given the seed.
 */
export function pctHitRate(
  model: Model,
  harm: readonly string[],
  options: { depth: number; runs: number; seed: number; maxStates?: number },
): PctReport | null {
  const stepper = createStepper();
  const bounds = runBounds(model, options.maxStates, stepper);
  if (!bounds) return null;
  const harmIds = new Set(harm);
  let hits = 0;
  let firstHitSeed: number | null = null;
  for (let i = 0; i < options.runs; i++) {
    const seed = options.seed + i;
    const trace = pctRun(model, { depth: options.depth, bounds, seed, stepper });
    if (trace.violations.some((v) => harmIds.has(v.invariant))) {
      hits++;
      firstHitSeed ??= seed;
    }
  }
  return {
    depth: options.depth,
    runs: options.runs,
    hits,
    rate: options.runs > 0 ? hits / options.runs : 0,
    threads: bounds.threads,
    longest: bounds.longest,
    bound: pctBound(bounds.threads, bounds.longest, options.depth),
    firstHitSeed,
  };
}
