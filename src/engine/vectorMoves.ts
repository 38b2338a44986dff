/**
 * Machine transitions as numbers for the vector stepper: per machine, local state and event, the
 * next local state and the plans, filled the first time each is needed from the memoised
 * stepper (xstate's pure `transition`), so the machines stay the single source of truth.
 */
import { isTimeless, type MachineEvent, type Stepper, type TransitionResult } from './machines';
import type { ActorState, Message, Model, Plan } from './types';
import type { Interner } from './vectorIntern';

/** A send of a plan compiled for one owner: its channel, content and representative message. */
export interface Compiled {
  readonly c: number;
  readonly content: number;
  readonly message: Message;
}

/** A machine transition as numbers: the next local state, and what it asks for. */
export interface Move {
  readonly state: number;
  readonly changed: boolean;
  readonly plans: readonly Plan[];
  /** Per owner (actors may share a machine): its sends compiled, null for timer plans. */
  readonly sends: (readonly (Compiled | null)[] | undefined)[];
}

/**
 * The moves of one machine from one local state: by message number for those that did not read
 * the clock, and by (message, clock) code for those that did.
 */
interface Moves {
  readonly timeless: (Move | undefined)[];
  clocked: Map<number, Move> | null;
}

/** Clock values a transition table keys (later deliveries ask the stepper). */
const CLOCKS = 1 << 12;
const TIMELESS = CLOCKS - 1;

/** The moves of one search's actors: a class, so that no closures are made per search. */
export class MoveTable {
  private readonly machines: Model['actors'][number]['machine'][];
  private readonly machineOf: number[];
  /** Per machine, per local state: its moves. */
  private readonly moves: Moves[][];

  constructor(
    model: Model,
    private readonly stepper: Stepper,
    private readonly interner: Interner,
  ) {
    this.machines = model.actors.map((a) => a.machine);
    const distinct = [...new Set(this.machines)];
    this.machineOf = this.machines.map((m) => distinct.indexOf(m));
    this.moves = distinct.map(() => []);
  }

  /**
   * The move of actor `a` in local state `stateId` on `message` (or `event`, numbered `serial`
   * among messages, or -1 not to keep it) at `clock`: from the table, or from xstate once.
   */
  moveOf(
    a: number,
    stateId: number,
    clock: number,
    message: Message | null,
    event: MachineEvent | null,
    serial: number,
  ): Move {
    // Keyed by the serial alone when it did not read the clock, or else by (serial, clock).
    const code = serial >= 0 && clock < TIMELESS ? serial * CLOCKS + clock : -1;
    const byState = (this.moves[this.machineOf[a]!]![stateId] ??= { timeless: [], clocked: null });
    let move =
      serial < 0
        ? undefined
        : (byState.timeless[serial] ?? byState.clocked?.get(code) ?? undefined);
    if (!move) {
      const state = this.interner.objects[stateId] as ActorState;
      const machine = this.machines[a]!;
      const result: TransitionResult = message
        ? this.stepper.deliverMessage(machine, state, message, clock)
        : this.stepper.deliver(machine, state, event as MachineEvent);
      const next = this.interner.frozen(result.state);
      move = { state: next, changed: result.state !== state, plans: result.plans, sends: [] };
      if (isTimeless(result) && serial >= 0) byState.timeless[serial] = move;
      else if (code >= 0) (byState.clocked ??= new Map()).set(code, move);
    }
    return move;
  }
}
