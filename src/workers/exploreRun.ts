/**
 * Runs the exhaustive explorer for a list of configurations and reports each summary, and
 * judges fixes over their scenario's sweep. Used by the explore worker; framework-free so it
 * can be tested in Node.
 */
import { harmChanceAlong } from '../engine/chance';
import { completeRun } from '../engine/complete';
import { explore } from '../engine/explore';
import { resultCounts } from '../engine/exploreResult';
import { createStepper } from '../engine/machines';
import type { Model } from '../engine/types';
import {
  headlineRace,
  judgeFix,
  summarize,
  verdictKey,
  type VerdictSummary,
} from '../scenarios/judge';
import { buildModel, scenarioOf, type SessionConfig } from '../scenarios/session';
import type { ChanceRequest, ExploreSummary, SweepRequest } from './protocol';

/** One memoized stepper for everything the worker runs. */
export const stepper = createStepper({ memoize: true });

/**
 * Stored worlds allowed per configuration: at the explorer's ~0.5–1.5 KB per world, one
 * configuration stays under about 750 MB, and its tables are dropped before the next.
 */
export const WORKER_MAX_STATES = 500_000;

/**
 * Explores each configuration in turn (sharing one memoized stepper), calling `report` after
 * each. `now` is the clock used for the time budget.
 */
export function exploreConfigs(
  configs: readonly SessionConfig[],
  timeLimitMs: number,
  now: () => number,
  report: (index: number, config: SessionConfig, summary: ExploreSummary) => void,
  maxStates = WORKER_MAX_STATES,
): void {
  configs.forEach((config, index) => {
    report(index, config, exploreOne(config, timeLimitMs, now, maxStates));
  });
}

/**
 * Explores one configuration within `timeLimitMs` and `maxStates`; `tick` is called every few
 * hundred transitions (it may report progress). `race`, when given, is a harmful run already
 * proven the shortest: an incomplete summary still carries it. `model` is the configuration's.
 */
export function exploreOne(
  config: SessionConfig,
  timeLimitMs: number,
  now: () => number,
  maxStates = WORKER_MAX_STATES,
  tick: () => void = () => {},
  race: readonly string[] | null = null,
  model: Model = buildModel(config),
): ExploreSummary {
  const start = now();
  const deadline = start + timeLimitMs;
  const scenario = scenarioOf(config);
  const result = explore(model, {
    stepper,
    harm: scenario.harm,
    maxStates,
    shouldStop: () => {
      tick();
      return now() > deadline;
    },
  });
  const ids = model.invariants.map((i) => i.id);
  const headline = headlineRace(ids, scenario.harm, result);
  const shortest = (result.complete ? (headline?.schedule ?? result.shortest) : null) ?? race;
  return {
    ...resultCounts(result),
    states: result.states,
    stoppedMessage: result.stoppedMessage,
    shortest,
    run: runOf(model, shortest),
    ms: Math.round(now() - start),
  };
}

/** `schedule` continued to the end of its run as Step would (so the aftermath shows too). */
export function runOf(model: Model, schedule: readonly string[] | null): readonly string[] | null {
  return schedule ? completeRun(model, schedule, 500, stepper).schedule : null;
}

/** What a sweep reports as it goes. */
export interface SweepReport {
  /** After each configuration of a fix's sweep. */
  progress(fixIndex: number, config: number, configs: number): void;
  /** The verdict on a fix, under its `verdictKey`. */
  verdict(fixIndex: number, key: string, summary: VerdictSummary): void;
}

/**
 * Judges each fix of `request` over the scenario's sweep in turn (sharing one memoized
 * stepper); a fix whose budget of `timeLimitMs` runs out is reported with the configurations
 * it finished. `now` is the clock used for the budget.
 */
export function sweepFixes(request: SweepRequest, now: () => number, report: SweepReport): void {
  const scenario = scenarioOf({ ...request, fix: request.fixes[0] ?? 'none' });
  request.fixes.forEach((fix, fixIndex) => {
    const deadline = now() + request.timeLimitMs;
    const verdict = judgeFix(scenario, fix, request.granularity, request.params, {
      stepper,
      shouldStop: () => now() > deadline,
      onConfig: (_outcome, index, total) => report.progress(fixIndex, index + 1, total),
    });
    const key = verdictKey(scenario, fix, request.granularity, request.params);
    report.verdict(fixIndex, key, summarize(scenario, verdict));
  });
}

/** Worlds the point-of-no-return search may store (it runs beside Find the race). */
export const CHANCE_MAX_STATES = 200_000;

/**
 * Returns the chance of harm at the start and after each step of the request's run, and its
 * point of no return; null chances past the state budget or for a scenario without harm.
 */
export function chanceOf(request: ChanceRequest): {
  chances: readonly number[] | null;
  pointOfNoReturn: number | null;
} {
  const scenario = scenarioOf(request.config);
  if (scenario.harm.length === 0) return { chances: null, pointOfNoReturn: null };
  const along = harmChanceAlong(buildModel(request.config), request.schedule, scenario.harm, {
    stepper,
    maxStates: CHANCE_MAX_STATES,
  });
  return { chances: along?.chances ?? null, pointOfNoReturn: along?.pointOfNoReturn ?? null };
}
