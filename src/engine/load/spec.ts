/**
 * What a scenario gives a load simulation and gets from it: the specs of its cache servers and
 * database, the observer hooks it measures a run through, and the request actors it sees.
 * Types only.
 */
import type { MachineEvent } from '../machines';
import type { ActorState, Json } from '../types';
import type { Behaviour, KeyedInput } from './behaviour';
import type { Slot } from './servers';

/**
 * A cache server: its per-key actors, and how long each command takes. `input(key)` is the
 * input of the per-key actor for `key` when first touched (e.g. a warm entry).
 */
export interface CacheServerSpec extends KeyedInput {
  readonly id: string;
  /** The behaviour kind of its per-key actors (e.g. `cache`). */
  readonly kind: string;
  /** Service time of one command, in ms. */
  service(event: MachineEvent): number;
}

/** The database: its per-key row actors (`input(key)` when first touched) and its pool. */
export interface DatabaseSpec extends KeyedInput {
  readonly id: string;
  readonly kind: string;
  readonly connections: number;
  /** Time one statement holds a connection, in ms (may draw from a seeded generator). */
  latency(event: MachineEvent): number;
}

/** Hooks through which a scenario measures a run. All optional. */
export interface LoadObserver {
  /** After every transition of a request actor. */
  onStep?(actor: LoadActor, now: number): void;
  /** When a request actor reaches a final state. */
  onDone?(actor: LoadActor, now: number): void;
  /**
   * When a cache server schedules a command (or a script) of `type`. The slot of a single
   * command is one object the simulation reuses: read it during the call, do not keep it.
   */
  onCache?(server: string, type: string, slot: Slot): void;
  /**
   * When the database runs a statement; `reply` is its answer's payload. Its slot is one object
   * the simulation reuses, as for onCache.
   */
  onDatabase?(event: MachineEvent, slot: Slot, reply: Json): void;
}

export interface LoadSpec {
  readonly behaviour: Behaviour;
  readonly caches: readonly CacheServerSpec[];
  readonly database: DatabaseSpec;
  /** One-way network latency between any two parties, in ms (constant: keeps FIFO order). */
  readonly hop: number;
  readonly observer: LoadObserver;
}

/** A running request: its machine kind and state, plus scenario data. */
export interface LoadActor {
  readonly id: string;
  /** The number n of its id `r<n>`. */
  readonly index: number;
  readonly kind: string;
  readonly started: number;
  /** Free for the scenario (e.g. the key index or the client number). */
  readonly tag: number;
  state: ActorState;
  /** Set by the scenario when it has recorded the request's answer. */
  returned: boolean;
  /** Free for the scenario: e.g. whether the request went to the origin. */
  flags: number;
}

/** Something to run at a virtual time without a closure per event (e.g. an arrival source). */
export interface Runnable {
  run(): void;
}
