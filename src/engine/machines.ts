/**
 * Steps xstate machines purely with `initialTransition` / `transition`, turning the custom
 * actions they return into engine plans. Never creates or starts an actor.
 * Memoized per (machine, state, event) because xstate's pure transition is slow and the
 * explorer meets the same local states again and again.
 */
import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import { canonicalJson, frozenJson } from './canonical';
import type { ActorState, Json, Message, Plan } from './types';

export interface MachineEvent {
  readonly type: string;
  readonly [key: string]: Json;
}

export interface TransitionResult {
  readonly state: ActorState;
  readonly plans: readonly Plan[];
}

/** Counts of machine transitions, for benchmarks. */
export interface StepperStats {
  calls: number;
  misses: number;
}

/** A pure-function facade over xstate machines, optionally memoized. */
export interface Stepper {
  initial(machine: AnyStateMachine, input: Json): TransitionResult;
  deliver(machine: AnyStateMachine, state: ActorState, event: MachineEvent): TransitionResult;
  /** Delivers `message` at `now`; the same as `deliver` with the event the message makes. */
  deliverMessage(
    machine: AnyStateMachine,
    state: ActorState,
    message: Message,
    now: number,
  ): TransitionResult;
  readonly stats: StepperStats;
}

const PLAN_ACTIONS = new Set(['send', 'startTimer', 'cancelTimer']);

function toPlans(actions: readonly { type: string; params?: unknown }[]): Plan[] {
  const plans: Plan[] = [];
  for (const action of actions) {
    if (!PLAN_ACTIONS.has(action.type)) continue;
    plans.push({ kind: action.type, ...(action.params as object) } as Plan);
  }
  return plans;
}

function toState(snapshot: { value: unknown; context: unknown; status: string }): ActorState {
  return {
    value: snapshot.value as Json,
    context: snapshot.context as Json,
    status: snapshot.status as ActorState['status'],
  };
}

function rawInitial(machine: AnyStateMachine, input: Json): TransitionResult {
  const [snapshot, actions] = initialTransition(machine, input);
  return { state: toState(snapshot), plans: toPlans(actions) };
}

function rawDeliver(
  machine: AnyStateMachine,
  state: ActorState,
  event: MachineEvent,
): TransitionResult {
  if (state.status !== 'active') return { state, plans: [] };
  const snapshot = machine.resolveState({ value: state.value, context: state.context } as never);
  const [next, actions] = transition(machine, snapshot, event as never);
  return { state: toState(next), plans: toPlans(actions) };
}

/** Returns the event an actor receives when `message` is delivered at `now`. Pure. */
export function messageEvent(message: Message, now: number): MachineEvent {
  return { ...message.payload, type: message.type, from: message.from, now };
}

const messageKeys = new WeakMap<Message, string>();
const payloadTexts = new WeakMap<object, string>();

/**
 * The part of a message that its event depends on, serialized once per message object, and
 * its payload once per payload object (messages sent by the same plan share it).
 */
function messageKey(message: Message): string {
  let key = messageKeys.get(message);
  if (key === undefined) {
    let payload = payloadTexts.get(message.payload);
    if (payload === undefined) {
      payload = canonicalJson(message.payload);
      payloadTexts.set(message.payload, payload);
    }
    key = `${canonicalJson(message.type)}\u0001${canonicalJson(message.from)}\u0001${payload}`;
    messageKeys.set(message, key);
  }
  return key;
}

/** Returns a stepper; with `memoize` it caches results per machine, state and event. */
export function createStepper(options: { memoize: boolean } = { memoize: true }): Stepper {
  const stats: StepperStats = { calls: 0, misses: 0 };
  const memo = new WeakMap<AnyStateMachine, Map<string, TransitionResult>>();
  const tableFor = (machine: AnyStateMachine): Map<string, TransitionResult> => {
    let table = memo.get(machine);
    if (!table) memo.set(machine, (table = new Map()));
    return table;
  };
  // The event is built only on a miss: most deliveries are answered from the table.
  // First by the state object itself (states are shared from step to step, so this avoids
  // serializing them), then by the state's text.
  const byState = new WeakMap<
    AnyStateMachine,
    WeakMap<ActorState, Map<string, TransitionResult>>
  >();
  const cached = (
    machine: AnyStateMachine,
    state: ActorState,
    eventKey: string,
    message: Message | null,
    event: MachineEvent | null,
    now: number,
  ): TransitionResult => {
    stats.calls++;
    const make = (): MachineEvent => event ?? messageEvent(message as Message, now);
    if (!options.memoize) return (stats.misses++, rawDeliver(machine, state, make()));
    let states = byState.get(machine);
    if (!states) byState.set(machine, (states = new WeakMap()));
    let known = states.get(state);
    if (!known) states.set(state, (known = new Map()));
    let hit = known.get(eventKey);
    if (hit) return hit;
    const key = frozenJson(state) + '\u0000' + eventKey;
    const table = tableFor(machine);
    hit = table.get(key);
    if (!hit) table.set(key, (hit = (stats.misses++, rawDeliver(machine, state, make()))));
    known.set(eventKey, hit);
    return hit;
  };
  return {
    stats,
    initial(machine, input) {
      stats.calls++;
      if (!options.memoize) return (stats.misses++, rawInitial(machine, input));
      const key = 'init\u0000' + canonicalJson(input);
      const table = tableFor(machine);
      let hit = table.get(key);
      if (!hit) table.set(key, (hit = (stats.misses++, rawInitial(machine, input))));
      return hit;
    },
    deliver(machine, state, event) {
      return cached(machine, state, 'e' + canonicalJson(event), null, event, 0);
    },
    deliverMessage(machine, state, message, now) {
      const key = `m${messageKey(message)}\u0000${now}`;
      return cached(machine, state, key, message, null, now);
    },
  };
}
