/**
 * What the actors of a load simulation do, behind one interface: the xstate machines stepped
 * purely (the source of truth), or a fast path that must give the same states and plans (a
 * test runs the same schedules through both). Kinds name machines, e.g. `reader`, `cache`.
 */
import type { AnyStateMachine } from 'xstate';
import { createStepper, type MachineEvent, type Stepper, type TransitionResult } from '../machines';
import type { ActorState, Json, Plan } from '../types';
import { retimed } from './events';

export interface Behaviour {
  /** A short name for reports, e.g. `xstate` or `fast`. */
  readonly name: string;
  /** The initial state of a `kind` actor built from `input`, with the plans of its entry. */
  initial(kind: string, input: Json): TransitionResult;
  /** The state and plans after `event` reaches a `kind` actor in `state`. */
  deliver(kind: string, state: ActorState, event: MachineEvent): TransitionResult;
  /**
   * Optional: the per-key actors of a `kind` server (one actor per key, each made from
   * `input(key)` when first touched and only ever sent commands on its own key), kept as the
   * behaviour likes. Absent: `keyedActors` keeps each key's state and steps it by `deliver`.
   */
  keyed?(kind: string, input: KeyedInput): KeyedActors | undefined;
}

/** How a server's per-key actors start. */
export interface KeyedInput {
  /** The input of key `key`'s actor, when first touched. */
  input(key: string): Json;
  /**
   * Optional, the same told shorter: the part of `input(key)` that is the key's own (a cache's
   * entry, a database's row; undefined for none) when the input holds nothing of other keys.
   * A per-key store may start a key from it without building the input.
   */
  own?(key: string): Json | undefined;
}

/**
 * The per-key actors of a cache or database server. The simulation numbers keys densely from
 * 0 (one number per key name for the whole run), so a store may keep its actors by number.
 */
export interface KeyedActors {
  /**
   * Delivers `event` at time `now` to the actor of key number `id` (named `key`); returns its
   * plans (the reply). With `reply` false nobody reads the reply (a script's commands): a store
   * may skip it.
   */
  deliver(
    id: number,
    key: string,
    event: MachineEvent,
    now: number,
    reply?: boolean,
  ): readonly Plan[];
  /** The state of key number `id`'s actor in the machine's shape; undefined until first touched. */
  state(id: number): ActorState | undefined;
}

/** Returns the per-key actors of `kind` for `behaviour`: its own store, or states by key. */
export function keyedActors(behaviour: Behaviour, kind: string, start: KeyedInput): KeyedActors {
  const own = behaviour.keyed?.(kind, start);
  if (own) return own;
  const states: (ActorState | undefined)[] = [];
  return {
    deliver(id, key, event, now) {
      while (states.length <= id) states.push(undefined);
      const held = states[id];
      const state = held ?? behaviour.initial(kind, start.input(key)).state;
      const timed = event.now === now ? event : retimed(event, now);
      const result = behaviour.deliver(kind, state, timed);
      states[id] = result.state;
      return result.plans;
    },
    state: (id) => states[id],
  };
}

/**
 * Returns the behaviour of `machines` (kind → machine), stepped by xstate's pure transition.
 * Not memoized by default: load states rarely repeat (they carry times and values).
 */
export function machineBehaviour(
  machines: Readonly<Record<string, AnyStateMachine>>,
  stepper: Stepper = createStepper({ memoize: false }),
): Behaviour {
  const machineOf = (kind: string): AnyStateMachine => {
    const machine = machines[kind];
    if (!machine) throw new Error(`no machine for actor kind "${kind}"`);
    return machine;
  };
  return {
    name: 'xstate',
    initial: (kind, input) => stepper.initial(machineOf(kind), input),
    deliver: (kind, state, event) => stepper.deliver(machineOf(kind), state, event),
  };
}
