/**
 * Helpers for unit tests that step one actor machine by hand: build events, fold a list of
 * events over a machine, and read the plans a step returned.
 */
import type { AnyStateMachine } from 'xstate';
import { createStepper, type MachineEvent } from '../../src/engine/machines';
import type { ActorState, Json, Plan } from '../../src/engine/types';

/** A plan that sends a message. */
export type SendPlan = Extract<Plan, { kind: 'send' }>;

/** A stepper without memoization, so every test really runs each transition. */
export const stepper = createStepper({ memoize: false });

/** Fields every event made by an {@link eventMaker} carries unless a call overrides them. */
export interface EventDefaults {
  readonly from: string;
  /** The world clock at delivery; 0 when left out. */
  readonly now?: number;
  readonly [field: string]: Json;
}

/**
 * Returns `ev(type, fields?)`, which builds a {@link MachineEvent} from the defaults; `fields`
 * override them, `from` and `now` included.
 */
export function eventMaker(
  defaults: EventDefaults,
): (type: string, fields?: { readonly [field: string]: Json }) => MachineEvent {
  return (type, fields = {}) => ({ type, now: 0, ...defaults, ...fields });
}

/**
 * Lists plans compactly: a send as `to:TYPE`, with ` (sync)` appended for a synchronous call
 * and ` (inline)` for one made within the sender's step; any other plan as its kind
 * (`startTimer`, `cancelTimer`).
 */
export function sendsOf(plans: readonly Plan[]): string[] {
  return plans.map((p) =>
    p.kind === 'send'
      ? `${p.to}:${p.type}${p.sync ? ' (sync)' : ''}${p.inline ? ' (inline)' : ''}`
      : p.kind,
  );
}

/** Returns the first send among the plans; throws if there is none. */
export function firstSend(plans: readonly Plan[]): SendPlan {
  const send = plans.find((p): p is SendPlan => p.kind === 'send');
  if (!send) {
    throw new Error(`expected a send plan, got [${plans.map((p) => p.kind).join(', ')}]`);
  }
  return send;
}

/** What {@link runEvents} returns. */
export interface RunResult {
  /** The machine's state after the last event. */
  readonly state: ActorState;
  /** The plans of the last step: the last event's, or the initial transition's if there were none. */
  readonly plans: readonly Plan[];
  /** Every plan in order, the initial transition's first. */
  readonly all: readonly Plan[];
}

/** Starts `machine` with `input`, then delivers `events` one after another. */
export function runEvents(
  machine: AnyStateMachine,
  input: Json,
  events: readonly MachineEvent[],
): RunResult {
  let { state, plans } = stepper.initial(machine, input);
  const all: Plan[] = [...plans];
  for (const event of events) {
    ({ state, plans } = stepper.deliver(machine, state, event));
    all.push(...plans);
  }
  return { state, plans, all };
}
