/**
 * Plain data shapes shared by the engine, actors, invariants and scenarios.
 * Pure module: no I/O, no clocks, no randomness. Everything here serializes to JSON.
 */
import type { AnyStateMachine } from 'xstate';

export type ActorId = string;
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A message in flight on a channel (FIFO per sender→receiver lane). */
export interface Message {
  /** Stable identity: `${channel}#${seq}`; the same in every interleaving. */
  readonly id: string;
  readonly from: ActorId;
  readonly to: ActorId;
  readonly type: string;
  readonly payload: { readonly [key: string]: Json };
  /** A reply to a request; in `operations` granularity it is delivered with its request. */
  readonly reply: boolean;
  /** A synchronous call: its reply is delivered within the same step in every granularity. */
  readonly sync: boolean;
  /**
   * A call made within the sender's step: delivered (with a sync call's reply) as soon as it is
   * sent, so no other step comes between. Sent by an initial transition, it waits for a step of
   * its own, as the sender has not run yet. Absent on every other message.
   */
  readonly inline?: true;
  readonly lane: string;
  /** In a timed model: the clock tick at which the message arrives. */
  readonly at?: number;
}

/** What an actor asks the engine to do; returned by xstate as a custom action, never executed. */
export type Plan =
  | {
      readonly kind: 'send';
      readonly to: ActorId;
      readonly type: string;
      readonly payload?: { readonly [key: string]: Json };
      readonly reply?: boolean;
      readonly sync?: boolean;
      readonly inline?: boolean;
      readonly lane?: string;
    }
  | {
      readonly kind: 'startTimer';
      readonly name: string;
      readonly delay: number;
      readonly payload?: { readonly [key: string]: Json };
    }
  | { readonly kind: 'cancelTimer'; readonly name: string };

/** A pending timer owned by an actor: fires `TIMER` with `name` at `due`. */
export interface Timer {
  readonly owner: ActorId;
  readonly name: string;
  readonly due: number;
  readonly payload: { readonly [key: string]: Json };
}

/** The serializable part of an xstate snapshot that the engine keeps. */
export interface ActorState {
  readonly value: Json;
  readonly context: Json;
  readonly status: 'active' | 'done' | 'error' | 'stopped';
}

/** A whole simulated world. Plain data; two equal worlds behave identically. */
export interface World {
  readonly clock: number;
  readonly actors: { readonly [id: ActorId]: ActorState };
  /** Channel key `${from}->${to}` (plus `:${lane}` for non-default lanes) → FIFO queue. */
  readonly channels: { readonly [key: string]: readonly Message[] };
  /** Number of messages ever sent per channel; gives messages stable ids. */
  readonly sent: { readonly [key: string]: number };
  readonly timers: readonly Timer[];
  /** How many times each fault spec has been used. */
  readonly faultsUsed: { readonly [faultId: string]: number };
}

export type Granularity = 'operations' | 'messages';

/** One enabled step; `key` is its stable, human-readable identity used in schedules. */
export type Step =
  | {
      readonly kind: 'deliver';
      readonly key: string;
      readonly channel: string;
      readonly message: Message;
    }
  | { readonly kind: 'timer'; readonly key: string; readonly timer: Timer }
  | {
      readonly kind: 'fault';
      readonly key: string;
      readonly fault: FaultSpec;
      /** The message a drop fault removes, or a delay fault holds back. */
      readonly message?: Message;
    };

/** Faults a scenario allows the scheduler to inject. */
export type FaultSpec =
  | {
      readonly kind: 'drop';
      readonly id: string;
      readonly channel: string;
      /** Only messages of this type can be dropped. */
      readonly messageType: string;
      readonly max: number;
      readonly label: string;
    }
  | {
      /** Delivers `event` to `actor` (e.g. CRASH, PAUSE); the machine decides what it means. */
      readonly kind: 'inject';
      readonly id: string;
      readonly actor: ActorId;
      readonly event: string;
      readonly max: number;
      /** Only enabled while the actor is in one of these top-level states (all when absent). */
      readonly whenIn?: readonly string[];
      /** Clock ticks the fault takes (a pause); defaults to 1. */
      readonly duration?: number;
      readonly label: string;
    }
  | {
      /**
       * Holds a message of `messageType` back in the network for `duration` ticks: the clock
       * moves on by that much, and the message goes behind every message sent after it on its
       * lane (which overtake it).
       */
      readonly kind: 'delay';
      readonly id: string;
      readonly channel: string;
      readonly messageType: string;
      readonly max: number;
      readonly duration: number;
      readonly label: string;
    }
  | {
      /**
       * Stops `actor` for good: it handles nothing more (messages to it are lost as they
       * arrive, its replies never come) and its timers are cancelled. Takes one tick.
       */
      readonly kind: 'crash';
      readonly id: string;
      readonly actor: ActorId;
      readonly max: number;
      /** Only enabled while the actor is in one of these states (all when absent). */
      readonly whenIn?: readonly string[];
      readonly label: string;
    };

export type ActorRole = 'process' | 'server';

/** How one actor of a model is built. */
export interface ActorSpec {
  readonly id: ActorId;
  readonly label: string;
  readonly role: ActorRole;
  readonly machine: AnyStateMachine;
  readonly input: Json;
}

/** What happened in one step, for traces, diagrams and invariants. */
export interface StepRecord {
  readonly index: number;
  readonly key: string;
  readonly kind: Step['kind'];
  readonly clockBefore: number;
  readonly clockAfter: number;
  /** Messages delivered in this step, in order (several in `operations` granularity). */
  readonly delivered: readonly Message[];
  readonly sent: readonly Message[];
  readonly dropped: readonly Message[];
  readonly timer?: Timer;
  readonly fault?: string;
  /** Actors whose state changed, in the order they transitioned. */
  readonly changed: readonly ActorId[];
}

/** A violation of an invariant, marked at the step where it arises. */
export interface Violation {
  readonly invariant: string;
  /** Index of the step in the trace, or -1 when it concerns the initial world. */
  readonly step: number;
  readonly message: string;
}

/** Context an invariant sees after a step. */
export interface StepCheck {
  readonly before: World;
  readonly after: World;
  readonly record: StepRecord;
}

/**
 * A pure detector. `onStep` runs after every step; `atEnd` runs on a world with no enabled
 * non-fault steps (quiescence). Each returns a message when violated, otherwise null. Its answer
 * may be kept for every world alike in what it read, so it may run once for many worlds (a
 * recorder of worlds must read what it records while it runs).
 */
export interface Invariant {
  readonly id: string;
  readonly title: string;
  readonly onStep?: (check: StepCheck) => string | null;
  readonly atEnd?: (world: World) => string | null;
}

/**
 * Network timing for load scenarios (discrete-event simulation). Each message's latency is
 * drawn from a generator seeded by (seed, message id), so it does not depend on the order in
 * which the world was explored.
 */
export interface Timing {
  readonly seed: number;
  /** Ticks a message takes to arrive; `uniform` is a seeded draw in [0, 1). */
  latency(message: Message, uniform: number): number;
}

/** Everything the engine needs to simulate one configuration of a scenario. */
export interface Model {
  readonly actors: readonly ActorSpec[];
  readonly faults: readonly FaultSpec[];
  readonly invariants: readonly Invariant[];
  readonly granularity: Granularity;
  /** Present for timed (load) models: messages carry arrival times. */
  readonly timing?: Timing;
  /**
   * Actors an invariant singles out (checks one of them, not all alike): the explorer never
   * treats them as interchangeable with their look-alikes.
   */
  readonly distinguished?: readonly ActorId[];
}
