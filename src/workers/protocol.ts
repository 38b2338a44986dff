/**
 * Messages between the page and the explore worker. Plain JSON both ways.
 */
import type { Granularity } from '../engine/types';
import type { VerdictSummary } from '../scenarios/judge';
import type { SessionConfig } from '../scenarios/session';

/** A summary of one exhaustive exploration, for one configuration. */
export interface ExploreSummary {
  readonly complete: boolean;
  readonly interleavings: number | null;
  readonly violating: Readonly<Record<string, number>> | null;
  readonly violatingAny: number | null;
  /** Interleavings that cause the scenario's harm. */
  readonly violatingHarm: number | null;
  /** The counts above as exact decimal text (the numbers round past 2^53). */
  readonly interleavingsExact?: string | null;
  readonly violatingExact?: Readonly<Record<string, string>> | null;
  readonly violatingAnyExact?: string | null;
  readonly violatingHarmExact?: string | null;
  /** Chance that a run taking each enabled step with equal probability ends in harm. */
  readonly harmProbability?: number | null;
  readonly states: number;
  /** Why the search stopped early, for people, when its state budget ran out. */
  readonly stoppedMessage?: string | null;
  readonly shortest: readonly string[] | null;
  /** `shortest` continued to the end of its run as Step would (so the aftermath shows too). */
  readonly run: readonly string[] | null;
  /** Wall time in the worker, in milliseconds. */
  readonly ms: number;
}

/**
 * A race found before the counts: a harmful run pinned at once, then (when proven) the shortest
 * one, the run the full exploration reports. Plain JSON.
 */
export interface RaceFound {
  /** The harmful run (ending at the harmful step); null when no interleaving causes harm. */
  readonly schedule: readonly string[] | null;
  /** `schedule` continued to the end of its run as Step would. */
  readonly run: readonly string[] | null;
  /** Whether it is proven the shortest (or, without a run, proven that none causes harm). */
  readonly shortest: boolean;
  /** Whether the search for the shortest is still running. */
  readonly searching: boolean;
  /** Why the search for the shortest stopped before it knew, for people; null otherwise. */
  readonly stoppedMessage: string | null;
  /** Wall time in the worker since the request, in milliseconds. */
  readonly ms: number;
}

/** An authored model a request is about: the worker compiles its text and registers it. */
export interface AuthoredModel {
  /** Its app id (`authoredIdOf(text)`), the scenario id the request's configurations name. */
  readonly id: string;
  readonly text: string;
}

export interface ExploreRequest {
  readonly id: number;
  /** The authored model the configurations are of, when they are not of a built-in. */
  readonly model?: AuthoredModel;
  readonly type?: 'explore';
  /** The configurations to explore, in order (one for "Find the race", one per fix for the matrix). */
  readonly configs: readonly SessionConfig[];
  /** Budget per configuration, in milliseconds. */
  readonly timeLimitMs: number;
  /** Stored worlds allowed per configuration (bounds memory); a default when absent. */
  readonly maxStates?: number;
}

/**
 * Find the race for one configuration: a harmful run first, then the shortest, then the full
 * counts (with progress), each reported as it is known.
 */
export interface FindRequest {
  readonly id: number;
  readonly type: 'find';
  readonly model?: AuthoredModel;
  readonly config: SessionConfig;
  /** Budget for the counts, in milliseconds (the search for the shortest gets half of it). */
  readonly timeLimitMs: number;
  readonly maxStates?: number;
}

/** Judge fixes of one scenario over its sweep, around `params` (a verdict per fix). */
export interface SweepRequest {
  readonly id: number;
  readonly type: 'sweep';
  readonly scenarioId: string;
  /** The authored model `scenarioId` names, when it is not a built-in. */
  readonly model?: AuthoredModel;
  readonly granularity: Granularity;
  readonly params: Readonly<Record<string, number>>;
  /** The fixes to judge, in order. */
  readonly fixes: readonly string[];
  /** Budget per fix, in milliseconds; past it the verdict stops, incomplete. */
  readonly timeLimitMs: number;
}

/** The chance of harm after each step of a run (the point-of-no-return strip). */
export interface ChanceRequest {
  readonly id: number;
  readonly type: 'chance';
  readonly config: SessionConfig;
  /** The authored model the configuration is of, when it is not a built-in. */
  readonly model?: AuthoredModel;
  readonly schedule: readonly string[];
}

export type WorkerRequest = ExploreRequest | FindRequest | SweepRequest | ChanceRequest;

export type ExploreResponse =
  | {
      readonly id: number;
      readonly type: 'result';
      readonly index: number;
      readonly config: SessionConfig;
      readonly summary: ExploreSummary;
    }
  | {
      readonly id: number;
      readonly type: 'race';
      readonly config: SessionConfig;
      readonly race: RaceFound;
    }
  | {
      readonly id: number;
      readonly type: 'find-progress';
      /** Looking for the shortest race, or counting every interleaving. */
      readonly phase: 'shortest' | 'count';
      /** Steps tried so far in this phase (to the nearest 256), and its wall time. */
      readonly transitions: number;
      readonly ms: number;
    }
  | {
      readonly id: number;
      readonly type: 'sweep-progress';
      /** Which fix of the request, which configuration of its sweep. */
      readonly fixIndex: number;
      readonly config: number;
      readonly configs: number;
    }
  | {
      readonly id: number;
      readonly type: 'verdict';
      readonly fixIndex: number;
      /** `verdictKey` of the verdict (scenario, fix, granularity, non-actor parameters). */
      readonly key: string;
      readonly summary: VerdictSummary;
    }
  | {
      readonly id: number;
      readonly type: 'chance';
      /** At the start and after each step; null when the search passed its budget. */
      readonly chances: readonly number[] | null;
      readonly pointOfNoReturn: number | null;
    }
  | { readonly id: number; readonly type: 'done' }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
