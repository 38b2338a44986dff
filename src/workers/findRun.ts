/**
 * Find the race for one configuration, answering each part as soon as it is known: a harmful run
 * found depth-first (pinned at once), then the shortest harmful run found breadth-first (the run
 * the counts report), then the exhaustive counts, with progress. Models the integer core does not
 * run, and scenarios without harm, go straight to the counts. Framework-free (tested in Node).
 */
import { findAnyHarm, findHarm, type FindResult } from '../engine/coreFind';
import { onIntegerCore } from '../engine/coreSearch';
import { buildModel, scenarioOf, type SessionConfig } from '../scenarios/session';
import { exploreOne, runOf, stepper, WORKER_MAX_STATES } from './exploreRun';
import type { ExploreSummary, RaceFound } from './protocol';

/** What Find the race reports as it goes. */
export interface FindReport {
  /** A harmful run, the shortest one, or that none causes harm. */
  race(race: RaceFound): void;
  /** Every `PROGRESS_MS` or so while looking for the shortest race or counting. */
  progress(phase: 'shortest' | 'count', transitions: number, ms: number): void;
  /** The exhaustive counts (complete, or stopped by their budget). */
  result(summary: ExploreSummary): void;
}

/** How often progress is reported, in milliseconds. */
export const PROGRESS_MS = 250;

/**
 * Worlds the quick depth-first search may store before it gives way to the counts (about a
 * second's work): it finds a race in hundreds where there is one, and bounds the time lost where
 * there is none. A budget of worlds, not of time, so a busy machine finds the same race.
 */
export const QUICK_MAX_STATES = 20_000;

/** Why the search for the shortest race stopped, for people. Pure. */
function stoppedLine(found: FindResult, seconds: number): string {
  const states = found.states.toLocaleString('en');
  return found.stopped === 'states'
    ? `the search for the shortest race stopped at its budget of ${states} states`
    : `the search for the shortest race stopped after ${seconds.toFixed(1)} s (${states} states)`;
}

/**
 * Finds the race for `config` and counts its interleavings, reporting each answer to `report`
 * as it is known. The counts get `timeLimitMs`; the search for the shortest race half of it.
 * `now` is the clock used for the budgets and the times reported.
 */
export function findAndCount(
  config: SessionConfig,
  timeLimitMs: number,
  now: () => number,
  report: FindReport,
  maxStates = WORKER_MAX_STATES,
): void {
  const start = now();
  const model = buildModel(config);
  const harm = scenarioOf(config).harm;
  const since = (): number => Math.round(now() - start);
  /** A `shouldStop` for a phase: past `ms` from now; reports progress on the way. */
  const budget = (ms: number, phase?: 'shortest' | 'count') => {
    const begun = now();
    let transitions = 0;
    let reported = begun;
    return (): boolean => {
      const t = now();
      transitions += 256;
      if (phase && t - reported >= PROGRESS_MS) {
        reported = t;
        report.progress(phase, transitions, Math.round(t - begun));
      }
      return t - begun > ms;
    };
  };
  const race = (schedule: readonly string[] | null, more: Partial<RaceFound>): RaceFound => ({
    schedule,
    run: runOf(model, schedule),
    shortest: false,
    searching: false,
    stoppedMessage: null,
    ms: since(),
    ...more,
  });

  let proven: readonly string[] | null = null;
  if (harm.length > 0 && onIntegerCore(model)) {
    const options = { stepper, harm, maxStates };
    const quick = findAnyHarm(model, {
      ...options,
      maxStates: Math.min(maxStates, QUICK_MAX_STATES),
      shouldStop: budget(timeLimitMs),
    });
    if (quick.found === 'none') report.race(race(null, { shortest: true }));
    if (quick.found === 'harm') {
      const first = race(quick.shortestHarm, { searching: true });
      report.race(first);
      const begun = now();
      const shortestMs = timeLimitMs / 2;
      const best = findHarm(model, { ...options, shouldStop: budget(shortestMs, 'shortest') });
      if (best.found === 'harm') proven = best.shortestHarm;
      report.race(
        best.found === 'harm'
          ? race(proven, { shortest: true })
          : {
              ...first,
              searching: false,
              stoppedMessage: stoppedLine(best, (now() - begun) / 1000),
            },
      );
    }
  }
  report.result(
    exploreOne(config, timeLimitMs, now, maxStates, budget(Infinity, 'count'), proven, model),
  );
}
