/**
 * What a scenario is: a story from a real incident, the fixes it offers, and how to build the
 * engine model for one configuration. Pure data and functions.
 */
import type { Granularity, Message, Model, StepRecord, World } from '../engine/types';

export interface FixDef {
  readonly id: string;
  readonly label: string;
  /** One line: what the fix does. */
  readonly summary: string;
  /**
   * Per diagnostic invariant id: the mechanism by which this fix keeps it harmless, shown when
   * that diagnostic fires in a run that does no harm (e.g. "CREATE CACHE carries the old epoch
   * and is refused"). Explanation only: whether the fix holds is computed by exploration.
   */
  readonly defuses?: Readonly<Record<string, string>>;
}

/**
 * A parameter the verdict sweep may grow: the values to try, smallest first, given the
 * configuration's other parameters (e.g. the reader's stall from 0 to past the delay).
 */
export interface SweepAxis {
  readonly param: string;
  /** The parameter counts actors (readers, tasks…): fewer actors make a smaller model. */
  readonly actors?: boolean;
  values(params: Readonly<Record<string, number>>): readonly number[];
}

export interface ParamDef {
  readonly id: string;
  readonly label: string;
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
}

/** A number one run yields (e.g. how long the cache served stale data), for the UI and CLI. */
export interface Figure {
  readonly id: string;
  readonly label: string;
  /** The value in `unit`; null when unbounded (e.g. stale forever). */
  readonly value: number | null;
  readonly unit: string;
  /** The value in plain words, e.g. `19 ticks (t=1 → t=20, when the TTL ends)`. */
  readonly text: string;
}

export interface ScenarioConfig {
  readonly fix: string;
  readonly granularity: Granularity;
  readonly params: Readonly<Record<string, number>>;
}

/** Plain words for a message: a request as `Reader GETs k from Cache`, a reply as `miss`. */
export type Phrase = (message: Message, label: (actor: string) => string) => string;

export interface ScenarioDef {
  readonly id: string;
  readonly title: string;
  /** One-line story for the picker. */
  readonly story: string;
  readonly tags: readonly string[];
  /** The incident write-up this models, for the About text. */
  readonly source: string;
  readonly fixes: readonly FixDef[];
  readonly params: readonly ParamDef[];
  /**
   * The invariant ids that are the incident's harm (what people saw). Every fix is judged by
   * this same set; the model's other invariants are diagnostics (the race window opened).
   */
  readonly harm: readonly string[];
  /** The parameters a verdict sweeps over, smallest configuration first. */
  readonly sweep: readonly SweepAxis[];
  /** Builds the engine model for one configuration. Pure. */
  build(config: ScenarioConfig): Model;
  /** Plain-words phrases per message type. */
  readonly phrases: Readonly<Record<string, Phrase>>;
  /** Optional narrative override for a step (e.g. timers and faults). */
  describe?(
    record: StepRecord,
    before: World,
    after: World,
    label: (actor: string) => string,
  ): string | null;
  /** Optional figures of a run, from its worlds and step records. Pure. */
  figures?(worlds: readonly World[], records: readonly StepRecord[]): readonly Figure[];
}
