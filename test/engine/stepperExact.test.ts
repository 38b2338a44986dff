/**
 * The memoising stepper against xstate's own pure functions, on every scenario's machines: every
 * call a search makes, replayed on a fresh memoising stepper, on the plain one, and through
 * `initialTransition` / `transition`, gives the same state, plans and clock-reading.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import { explore } from '../../src/engine/explore';
import {
  createStepper,
  isTimeless,
  messageEvent,
  type MachineEvent,
  type Stepper,
  type TransitionResult,
} from '../../src/engine/machines';
import type { ActorState, Json, Message } from '../../src/engine/types';
import { paramsOf, SCENARIOS } from '../../src/scenarios/index';

type Call =
  | { readonly kind: 'initial'; readonly machine: AnyStateMachine; readonly input: Json }
  | {
      readonly kind: 'message';
      readonly machine: AnyStateMachine;
      readonly state: ActorState;
      readonly message: Message;
      readonly now: number;
    }
  | {
      readonly kind: 'event';
      readonly machine: AnyStateMachine;
      readonly state: ActorState;
      readonly event: MachineEvent;
    };

/** A stepper that notes every call it is asked, answering through `inner`. */
function recording(inner: Stepper, calls: Call[]): Stepper {
  return {
    stats: inner.stats,
    initial: (machine, input) => (
      calls.push({ kind: 'initial', machine, input }),
      inner.initial(machine, input)
    ),
    deliver: (machine, state, event) => (
      calls.push({ kind: 'event', machine, state, event }),
      inner.deliver(machine, state, event)
    ),
    deliverMessage: (machine, state, message, now) => (
      calls.push({ kind: 'message', machine, state, message, now }),
      inner.deliverMessage(machine, state, message, now)
    ),
  };
}

function replay(stepper: Stepper, call: Call): TransitionResult {
  if (call.kind === 'initial') return stepper.initial(call.machine, call.input);
  if (call.kind === 'event') return stepper.deliver(call.machine, call.state, call.event);
  return stepper.deliverMessage(call.machine, call.state, call.message, call.now);
}

const PLANS = new Set(['send', 'startTimer', 'cancelTimer']);

/** What xstate's own pure functions give for `call`, as the stepper states it. */
function byXstate(call: Call): { state: ActorState; plans: unknown[] } {
  let snapshot;
  let actions: { type: string; params?: unknown }[];
  if (call.kind === 'initial') [snapshot, actions] = initialTransition(call.machine, call.input);
  else if (call.state.status !== 'active') return { state: call.state, plans: [] };
  else {
    const event = call.kind === 'event' ? call.event : messageEvent(call.message, call.now);
    const { value, context } = call.state;
    const from = call.machine.resolveState({ value, context } as never);
    [snapshot, actions] = transition(call.machine, from, event as never);
  }
  return {
    state: {
      value: snapshot.value,
      context: snapshot.context,
      status: snapshot.status,
    } as ActorState,
    plans: actions
      .filter((a) => PLANS.has(a.type))
      .map((a) => ({ kind: a.type, ...(a.params as object) })),
  };
}

describe('the stepper gives what xstate gives, memoised or not', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: every call of a search, on every fix and granularity`, () => {
      let compared = 0;
      for (const fix of scenario.fixes) {
        for (const granularity of ['operations', 'messages'] as const) {
          const model = scenario.build({ fix: fix.id, granularity, params: paramsOf(scenario) });
          const calls: Call[] = [];
          explore(model, { stepper: recording(createStepper(), calls), maxStates: 3_000 });
          const memo = createStepper();
          const plain = createStepper({ memoize: false });
          for (const call of calls) {
            const fromMemo = replay(memo, call);
            const fromPlain = replay(plain, call);
            const truth = byXstate(call);
            expect(fromMemo.state).toEqual(truth.state);
            expect(fromPlain.state).toEqual(truth.state);
            expect(fromMemo.plans).toEqual(truth.plans);
            expect(fromPlain.plans).toEqual(truth.plans);
            // A result from the state itself is that state only when xstate took no transition.
            if (call.kind !== 'initial') {
              expect(fromMemo.state === call.state).toBe(fromPlain.state === call.state);
            }
            if (call.kind === 'message') expect(isTimeless(fromMemo)).toBe(isTimeless(fromPlain));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});
