/**
 * Steps xstate machines purely (`getInitialSnapshot` / `transition` in an inert scope, as
 * xstate's `initialTransition` / `transition` do), turning the custom actions they return into
 * engine plans. Never starts an actor.
 * Memoized per (machine, state, event) because xstate's pure transition is slow and the
 * explorer meets the same local states again and again.
 */
import { createActor, type AnyStateMachine } from 'xstate';
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

/** Results of transitions that never read their event's `now` (memo knowledge, not behaviour). */
const timelessResults = new WeakSet<TransitionResult>();

/** Results of transitions that made a new state object (xstate took a transition). */
const changing = new WeakSet<TransitionResult>();

/**
 * `result`, kept from an equal state, as its transition from `state` itself: a new object when
 * the transition made one (even equal to `state`), `state` itself when it did not, as xstate
 * gives it (steps record which actors changed by that).
 */
function asFrom(result: TransitionResult, state: ActorState): TransitionResult {
  const changed = changing.has(result);
  if (changed === (result.state !== state)) return result;
  const out = { state: changed ? { ...result.state } : state, plans: result.plans };
  if (changed) changing.add(out);
  if (isTimeless(result)) timelessResults.add(out);
  return out;
}

/**
 * True when `result` came from a transition that never read its event's `now`: the same result
 * holds at every clock (the vector stepper then keys it without the clock).
 */
export function isTimeless(result: TransitionResult): boolean {
  return timelessResults.has(result);
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

/**
 * What xstate's `initialTransition` does, with the machine's inert scope made once: that
 * function makes a new actor on every call (and the actor computes the initial state once more
 * as it is made), the slowest part of a link's first replay.
 */
function rawInitial(machine: AnyStateMachine, input: Json): TransitionResult {
  const scope = scopeOf(machine);
  scope.take();
  const snapshot = machine.getInitialSnapshot(scope as never, input);
  return { state: toState(snapshot), plans: toPlans(scope.take()) };
}

function rawDeliver(
  machine: AnyStateMachine,
  state: ActorState,
  event: MachineEvent,
): TransitionResult {
  if (state.status !== 'active') return { state, plans: [] };
  const snapshot = machine.resolveState({ value: state.value, context: state.context } as never);
  const scope = scopeOf(machine);
  const next = machine.transition(snapshot, event as never, scope as never);
  return { state: toState(next), plans: toPlans(scope.take()) };
}

/** An inert actor scope that only collects the actions a transition asks for. */
interface InertScope {
  take(): { type: string; params?: unknown }[];
}

const scopes = new WeakMap<AnyStateMachine, InertScope>();

/**
 * The inert actor scope of `machine`, made once: what xstate's pure `transition` makes on every
 * call (an actor that is never started, executing no action, only collecting them).
 */
function scopeOf(machine: AnyStateMachine): InertScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    let actions: { type: string; params?: unknown }[] = [];
    const inert = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: (action: { type: string; params?: unknown }) => void actions.push(action),
      take: () => {
        const out = actions;
        actions = [];
        return out;
      },
    };
    scopes.set(machine, (scope = inert));
  }
  return scope;
}

/** Returns the event an actor receives when `message` is delivered at `now`. Pure. */
export function messageEvent(message: Message, now: number): MachineEvent {
  return { ...message.payload, type: message.type, from: message.from, now };
}

/**
 * Delivers the event made of `fields` and `now`, and notes whether the machine read `now`: the
 * event's `now` is a getter that notes any read (a copy of the event reads it too, and so does
 * a result that kept the event, so the answer errs towards "read").
 */
function deliverTracked(
  machine: AnyStateMachine,
  state: ActorState,
  fields: { readonly [key: string]: Json },
  now: number,
): TransitionResult {
  let read = false;
  const event = { ...fields };
  Object.defineProperty(event, 'now', {
    enumerable: true,
    get: () => ((read = true), now),
  });
  const result = rawDeliver(machine, state, event as MachineEvent);
  // Should the result hold the event itself, reading all of it reads its clock too.
  frozenJson(result.state);
  canonicalJson(result.plans);
  if (!read) timelessResults.add(result);
  return result;
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
  /**
   * The result of the event `fields` (made from `message` when null) at `now` (none when null),
   * kept under `timelessKey` when it does not read `now`, and with `now` when it does.
   */
  const cached = (
    machine: AnyStateMachine,
    state: ActorState,
    timelessKey: string,
    now: number | null,
    fields: { readonly [key: string]: Json } | null,
    message: Message | null,
  ): TransitionResult => {
    stats.calls++;
    const run = (): TransitionResult => {
      const made = fields ?? { ...message!.payload, type: message!.type, from: message!.from };
      if (now === null) return rawDeliver(machine, state, made as MachineEvent);
      return deliverTracked(machine, state, made, now);
    };
    if (!options.memoize) return (stats.misses++, run());
    let states = byState.get(machine);
    if (!states) byState.set(machine, (states = new WeakMap()));
    let known = states.get(state);
    if (!known) states.set(state, (known = new Map()));
    // First looked up without the clock (found when the transition did not read it).
    const eventKey = now === null ? timelessKey : `${timelessKey}\u0000${now}`;
    let hit = known.get(timelessKey) ?? known.get(eventKey);
    if (hit) return hit;
    const stateText = frozenJson(state) + '\u0000';
    const table = tableFor(machine);
    hit = table.get(stateText + timelessKey) ?? table.get(stateText + eventKey);
    if (!hit) {
      hit = (stats.misses++, run());
      if (hit.state !== state) changing.add(hit);
      table.set(stateText + (isTimeless(hit) ? timelessKey : eventKey), hit);
    }
    hit = asFrom(hit, state);
    known.set(isTimeless(hit) ? timelessKey : eventKey, hit);
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
      if (typeof event['now'] !== 'number') {
        return cached(machine, state, 'e' + canonicalJson(event), null, event, null);
      }
      const { now, ...fields } = event;
      return cached(machine, state, 'e' + canonicalJson(fields), now as number, fields, null);
    },
    deliverMessage(machine, state, message, now) {
      return cached(machine, state, `m${messageKey(message)}`, now, null, message);
    },
  };
}

/** Results the shared stepper keeps before it starts afresh (a bound on its memory). */
const SHARED_LIMIT = 200_000;
let shared: Stepper | null = null;

/**
 * A memoising stepper shared by the searches that are not given one, so that the transitions of
 * the same machines are computed once across searches (it starts afresh past a bound).
 */
export function sharedStepper(): Stepper {
  if (!shared || shared.stats.misses > SHARED_LIMIT) shared = createStepper();
  return shared;
}
