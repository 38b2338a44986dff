/**
 * What a load scenario is: an incident's load phenomenon, the fixes it compares on the same
 * seeded arrivals, and one timed run per fix giving figures (the table) and time series (the
 * charts). Plain data and pure functions.
 */
import type { Behaviour } from '../../engine/load/behaviour';
import type { ParamDef } from '../types';

export interface LoadFixDef {
  readonly id: string;
  readonly label: string;
  /** One line: what the fix does. */
  readonly summary: string;
}

/** One number of a run, e.g. the peak origin QPS. */
export interface LoadFigure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
}

/** A time series of a run in fixed buckets of virtual time. */
export interface LoadSeries {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** Bucket width in ms. */
  readonly bucket: number;
  readonly values: readonly number[];
}

/** What one run of one fix gives. */
export interface LoadRun {
  readonly fix: string;
  readonly figures: readonly LoadFigure[];
  readonly series: readonly LoadSeries[];
  /** Requests started (reads, writes, saves…). */
  readonly requests: number;
  /** Simulation events processed. */
  readonly events: number;
}

export interface LoadRunConfig {
  readonly fix: string;
  readonly params: Readonly<Record<string, number>>;
  readonly seed: number;
  /** The actors' behaviour: the fast kernels by default, or the machines themselves. */
  readonly behaviour: Behaviour;
  /** Called now and then with the share of virtual time done, in [0, 1]. */
  readonly progress?: (done: number) => void;
}

export interface LoadScenarioDef {
  readonly id: string;
  readonly title: string;
  readonly story: string;
  /** The incident write-up it models. */
  readonly source: string;
  readonly fixes: readonly LoadFixDef[];
  readonly params: readonly ParamDef[];
  /** Runs one fix. Pure given the seed: the same config gives the same run. */
  run(config: LoadRunConfig): LoadRun;
}
