/**
 * What an exhaustive exploration is asked and answers, shared by the integer search core and the
 * reference explorer. Pure.
 */
import { countNumber, countText, type Count } from './count';
import type { SymmetryClasses } from './symmetry';
import type { Stepper } from './machines';
import type { Model } from './types';

export interface ExploreOptions {
  /** State budget: the search stops (with `stopped: 'states'`) when it would store more. */
  readonly maxStates?: number;
  readonly stepper?: Stepper;
  /** Called every few hundred transitions; returning true stops with `incomplete`. */
  readonly shouldStop?: () => boolean;
  /**
   * Invariant ids that make up the harm: interleavings violating any of them are counted in
   * `violatingHarm`, and the shortest one is `shortestHarm`. None when absent.
   */
  readonly harm?: readonly string[];
  /**
   * How worlds are de-duplicated; answers are the same for each. `all` (the default): one world
   * per renaming of interchangeable actors, keyed without message names; `key`: no symmetry;
   * `none`: the whole world is the key (the plain search, kept to check the others against).
   */
  readonly reduce?: 'all' | 'key' | 'none';
  /**
   * Which search runs: `integer` (the default; untimed models) or `reference` (the explorer over
   * world objects, kept to check the other against; timed models always use it).
   */
  readonly core?: 'integer' | 'reference';
}

export interface ExploreResult {
  readonly complete: boolean;
  /** Why exploration stopped early. */
  readonly stopped: 'states' | 'cancelled' | null;
  /** Distinct complete interleavings (maximal schedules). Null when incomplete. */
  readonly interleavings: number | null;
  /** Per invariant id: how many complete interleavings violate it. */
  readonly violating: Readonly<Record<string, number>> | null;
  /** Complete interleavings violating at least one invariant. */
  readonly violatingAny: number | null;
  /** Complete interleavings violating at least one of the `harm` invariants. */
  readonly violatingHarm: number | null;
  /** The same counts as exact decimal text (the numbers above round past 2^53). */
  readonly interleavingsExact: string | null;
  readonly violatingExact: Readonly<Record<string, string>> | null;
  readonly violatingAnyExact: string | null;
  readonly violatingHarmExact: string | null;
  /** Probability that a scheduler picking each enabled step uniformly at random ends in harm. */
  readonly harmProbability: number | null;
  /** Distinct worlds stored (one per renaming of interchangeable actors). */
  readonly states: number;
  /** Steps applied during the search. */
  readonly transitions: number;
  /** Classes of interchangeable actors the search reduced by (none when off). */
  readonly symmetry: SymmetryClasses;
  /** Rough memory the stored worlds take, in bytes. */
  readonly approxBytes: number;
  /** Why the search stopped, for people ("stopped at 2,000,000 states (≈ 600 MB): try …"). */
  readonly stoppedMessage: string | null;
  /** Shortest schedule that reaches a violation (ending at the violating step), or null. */
  readonly shortest: readonly string[] | null;
  /** Per invariant id: the shortest schedule reaching that invariant's violation. */
  readonly shortestBy: Readonly<Record<string, readonly string[]>>;
  /** Shortest schedule reaching a violation of a `harm` invariant, or null. */
  readonly shortestHarm: readonly string[] | null;
  /**
   * Along `shortestHarm`: the chance that a random continuation ends in harm, at the start and
   * after each step (1 from the harmful step on). Shows where the race becomes likely.
   */
  readonly harmChanceAlong: readonly number[] | null;
}

/** The answer's counts, as the CLI's JSON and the explore worker report them. */
export type ResultCounts = Pick<
  ExploreResult,
  | 'complete'
  | 'interleavings'
  | 'violating'
  | 'violatingAny'
  | 'violatingHarm'
  | 'interleavingsExact'
  | 'violatingExact'
  | 'violatingAnyExact'
  | 'violatingHarmExact'
  | 'harmProbability'
>;

/** Returns the counts of `result`, numbers and their exact decimal text, in one order. Pure. */
export function resultCounts(result: ExploreResult): ResultCounts {
  return {
    complete: result.complete,
    interleavings: result.interleavings,
    violating: result.violating,
    violatingAny: result.violatingAny,
    violatingHarm: result.violatingHarm,
    // Exact decimal text of the counts above (numbers round past 2^53).
    interleavingsExact: result.interleavingsExact,
    violatingExact: result.violatingExact,
    violatingAnyExact: result.violatingAnyExact,
    violatingHarmExact: result.violatingHarmExact,
    harmProbability: result.harmProbability,
  };
}

/** Returns the message of a search stopped by its state budget. Pure. */
export function budgetMessage(states: number, approxBytes: number): string {
  const mb = Math.max(1, Math.round(approxBytes / 2 ** 20)).toLocaleString('en');
  return (
    `stopped at ${states.toLocaleString('en')} states (≈ ${mb} MB): try stepping by ` +
    'operations, fewer readers or writers, or a larger state budget'
  );
}

/** Why a search stopped early, thrown from deep inside it. */
export class Stop extends Error {
  constructor(readonly why: 'states' | 'cancelled') {
    super(why);
  }
}

/** Returns the result of a search stopped early (`why`) after storing `states` worlds. Pure. */
export function stoppedResult(
  symmetry: SymmetryClasses,
  why: Stop['why'],
  states: number,
  transitions: number,
  approxBytes: number,
): ExploreResult {
  return {
    symmetry,
    shortestBy: {},
    complete: false,
    stopped: why,
    interleavings: null,
    violating: null,
    violatingAny: null,
    violatingHarm: null,
    interleavingsExact: null,
    violatingExact: null,
    violatingAnyExact: null,
    violatingHarmExact: null,
    harmProbability: null,
    states,
    transitions,
    approxBytes,
    stoppedMessage: why === 'states' ? budgetMessage(states, approxBytes) : null,
    shortest: null,
    shortestHarm: null,
    harmChanceAlong: null,
  };
}

/**
 * Per invariant of `model`: its violating count (`countAt(i)`, as a number and as exact text)
 * and its shortest run (`pathOf(i)`, left out when none). Pure given the functions.
 */
export function perInvariant(
  model: Model,
  countAt: (i: number) => Count,
  pathOf: (i: number) => readonly string[] | null,
): Pick<ExploreResult, 'shortestBy'> & {
  readonly violating: Readonly<Record<string, number>>;
  readonly violatingExact: Readonly<Record<string, string>>;
} {
  const shortestBy: Record<string, readonly string[]> = {};
  const violating: Record<string, number> = {};
  const violatingExact: Record<string, string> = {};
  model.invariants.forEach((inv, i) => {
    const count = countAt(i);
    violating[inv.id] = countNumber(count);
    violatingExact[inv.id] = countText(count);
    const keys = pathOf(i);
    if (keys) shortestBy[inv.id] = keys;
  });
  return { shortestBy, violating, violatingExact };
}
