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
  /** Whether the fix is meant to close the race; false for fixes that only look right. */
  readonly closes: boolean;
  /**
   * The invariant ids that decide whether the fix closes the race (all of the model's when
   * absent). Others stay reported: e.g. a fix that stops an exception but still fetches twice.
   */
  readonly judgedBy?: readonly string[];
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
