/**
 * What the actors of a load simulation do, behind one interface: the xstate machines stepped
 * purely (the source of truth), or a fast path that must give the same states and plans (a
 * test runs the same schedules through both). Kinds name machines, e.g. `reader`, `cache`.
 */
import type { AnyStateMachine } from 'xstate';
import { createStepper, type MachineEvent, type Stepper, type TransitionResult } from '../machines';
import type { ActorState, Json } from '../types';

export interface Behaviour {
  /** A short name for reports, e.g. `xstate` or `fast`. */
  readonly name: string;
  /** The initial state of a `kind` actor built from `input`, with the plans of its entry. */
  initial(kind: string, input: Json): TransitionResult;
  /** The state and plans after `event` reaches a `kind` actor in `state`. */
  deliver(kind: string, state: ActorState, event: MachineEvent): TransitionResult;
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
