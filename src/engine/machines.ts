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
  // Should the result hold the event itself, reading all of it reads its clock too (the state's
  // text is wanted anyway: it is cached for the interner and the memo).
  frozenJson(result.state);
  readAll(result.plans);
  if (!read) timelessResults.add(result);
  return result;
}

/** Reads every property of `value`, deeply (as serializing it would). Plain data, no cycles. */
function readAll(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) for (const item of value) readAll(item);
  else for (const key of Object.keys(value)) readAll((value as Record<string, unknown>)[key]);
}

/** The event a delivery of `message` makes, without its clock. */
function fieldsOf(message: Message): { readonly [key: string]: Json } {
  return { ...message.payload, type: message.type, from: message.from };
}

/** The result of the event `fields` at `now` (none when null) from `state`, computed. */
function computed(
  machine: AnyStateMachine,
  state: ActorState,
  fields: { readonly [key: string]: Json },
  now: number | null,
): TransitionResult {
  if (now === null) return rawDeliver(machine, state, fields as MachineEvent);
  return deliverTracked(machine, state, fields, now);
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
  return new MemoStepper(options.memoize);
}

/** Results by event key. */
type ByEvent = Map<string, TransitionResult>;

/**
 * The stepper: a class (no closures made per stepper or per call). The event is built only on
 * a miss: most deliveries are answered from the memo, first by the state object itself (states
 * are shared from step to step), then by the state's text (its canonical JSON, cached per
 * object), each then by the event's key: without the clock first (found when the transition
 * did not read it), then with it.
 */
class MemoStepper implements Stepper {
  readonly stats: StepperStats = { calls: 0, misses: 0 };
  private readonly inits = new WeakMap<AnyStateMachine, Map<string, TransitionResult>>();
  private readonly byState = new WeakMap<AnyStateMachine, WeakMap<ActorState, ByEvent>>();
  private readonly byText = new WeakMap<AnyStateMachine, Map<string, ByEvent>>();

  constructor(private readonly memoize: boolean) {}

  initial(machine: AnyStateMachine, input: Json): TransitionResult {
    this.stats.calls++;
    if (!this.memoize) return (this.stats.misses++, rawInitial(machine, input));
    let table = this.inits.get(machine);
    if (!table) this.inits.set(machine, (table = new Map()));
    const key = canonicalJson(input);
    let hit = table.get(key);
    if (!hit) table.set(key, (hit = (this.stats.misses++, rawInitial(machine, input))));
    return hit;
  }

  deliver(machine: AnyStateMachine, state: ActorState, event: MachineEvent): TransitionResult {
    if (typeof event['now'] !== 'number') {
      return this.cached(machine, state, 'e' + canonicalJson(event), null, event, null);
    }
    const { now, ...fields } = event;
    return this.cached(machine, state, 'e' + canonicalJson(fields), now as number, fields, null);
  }

  deliverMessage(
    machine: AnyStateMachine,
    state: ActorState,
    message: Message,
    now: number,
  ): TransitionResult {
    return this.cached(machine, state, `m${messageKey(message)}`, now, null, message);
  }

  /**
   * The result of the event `fields` (made from `message` when null) at `now` (none when null),
   * kept under `timelessKey` when it does not read `now`, and with `now` when it does.
   */
  private cached(
    machine: AnyStateMachine,
    state: ActorState,
    timelessKey: string,
    now: number | null,
    fields: { readonly [key: string]: Json } | null,
    message: Message | null,
  ): TransitionResult {
    this.stats.calls++;
    if (!this.memoize) {
      this.stats.misses++;
      return computed(machine, state, fields ?? fieldsOf(message!), now);
    }
    let states = this.byState.get(machine);
    if (!states) this.byState.set(machine, (states = new WeakMap()));
    let known = states.get(state);
    if (!known) states.set(state, (known = new Map()));
    const eventKey = now === null ? timelessKey : `${timelessKey}\u0000${now}`;
    let hit = known.get(timelessKey) ?? known.get(eventKey);
    if (hit) return hit;
    let texts = this.byText.get(machine);
    if (!texts) this.byText.set(machine, (texts = new Map()));
    const stateText = frozenJson(state);
    let same = texts.get(stateText);
    if (!same) texts.set(stateText, (same = new Map()));
    hit = same.get(timelessKey) ?? same.get(eventKey);
    if (!hit) {
      this.stats.misses++;
      hit = computed(machine, state, fields ?? fieldsOf(message!), now);
      if (hit.state !== state) changing.add(hit);
      same.set(isTimeless(hit) ? timelessKey : eventKey, hit);
    }
    hit = asFrom(hit, state);
    known.set(isTimeless(hit) ? timelessKey : eventKey, hit);
    return hit;
  }
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
