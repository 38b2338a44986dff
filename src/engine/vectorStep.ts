/**
 * Steps on raw integer vectors for the integer search core, with the semantics of `apply.ts`
 * (deliveries, inline and synchronous calls, replies within an operation, timers, faults), and
 * the world a vector stands for, built from interned objects for the invariants to read.
 * Machine transitions come from the memoised stepper (xstate's pure `transition`), compiled once
 * per distinct (local state, event) into integer results: next local state and sends.
 */
import { isTimeless, type MachineEvent, type Stepper, type TransitionResult } from './machines';
import type { ActorState, Message, Model, Plan, Step, StepRecord, Timer, World } from './types';
import type { Interner } from './vectorIntern';
import { layoutOf } from './vectorKey';
import { createQueues, sortTimers, stepRecord } from './vectorQueues';
import { MAIN_LANE } from './world';

/** Applies steps to raw vectors and builds the worlds they stand for. */
export interface VectorStepper {
  world(raw: Int32Array, before?: World, prior?: Int32Array): World;
  apply(raw: Int32Array, step: Step, index: number): { raw: Int32Array; record: StepRecord };
  /**
   * Applies `step` to `raw` into `scratch` (zeros past `length`), which the next step overwrites:
   * no vector is made for a step that leads to a known world.
   */
  into(raw: Int32Array, step: Step, index: number): StepRecord;
  readonly scratch: Int32Array;
  readonly length: number;
  /** Channel `c`'s queue numbered `q`, as messages (one object per channel and content). */
  queue(c: number, q: number): readonly Message[];
  /** The timer set numbered `q`. */
  timers(q: number): readonly Timer[];
}

interface Sent {
  readonly c: number;
  readonly message: Message;
  /** Its place in its queue when sent, and how many had been taken off that queue by then. */
  readonly at: number;
  readonly popped: number;
}

interface Compiled {
  readonly c: number;
  readonly content: number;
  readonly message: Message;
}

/** A machine transition as numbers: the next local state, and what it asks for. */
interface Move {
  readonly state: number;
  readonly changed: boolean;
  readonly plans: readonly Plan[];
  /** Per owner (actors may share a machine): its sends compiled, null for timer plans. */
  readonly sends: (readonly (Compiled | null)[] | undefined)[];
}

/** Clock values a transition table keys (later deliveries ask the stepper). */
const CLOCKS = 1 << 12;
const TIMELESS = CLOCKS - 1;

const NO_SENT: Readonly<Record<string, number>> = Object.freeze({});

/** Returns a vector stepper for an untimed `model`, numbering values with `interner`. */
export function createVectorStepper(
  model: Model,
  stepper: Stepper,
  interner: Interner,
): VectorStepper {
  const { actorBase, channelBase } = layoutOf(model);
  const { actorIds, actorIndex, seqs, objects } = interner;
  const machines = model.actors.map((a) => a.machine);
  const distinct = [...new Set(machines)];
  const machineOf = machines.map((m) => distinct.indexOf(m));
  /** Per machine, per local state: moves by (message, clock) code. */
  const moves: Map<number, Move>[][] = distinct.map(() => []);
  const faultIds = model.faults.map((f) => f.id);
  const faultIndex = new Map(faultIds.map((id, i) => [id, i]));
  const operations = model.granularity === 'operations';

  const queues = createQueues(interner);
  const { messageOf, queueOf, push, pop, timerOf, timersOf } = queues;
  /** Injected events are numbered among messages, so their moves are kept alike. */
  const faultSerials = new Map<string, number>();
  const sends = new WeakMap<Plan, Compiled[]>();
  const compile = (owner: number, plan: Plan & { kind: 'send' }): Compiled => {
    let byOwner = sends.get(plan);
    if (!byOwner) sends.set(plan, (byOwner = []));
    let out = byOwner[owner];
    if (!out) {
      const lane = plan.lane ?? MAIN_LANE;
      const c = interner.channelOf(owner, plan.to, lane);
      const content = interner.message({
        id: '',
        from: actorIds[owner] ?? '',
        to: plan.to,
        type: plan.type,
        payload: plan.payload ?? {},
        reply: plan.reply ?? false,
        sync: plan.sync ?? false,
        ...(plan.inline ? { inline: true as const } : {}),
        lane,
      });
      byOwner[owner] = out = { c, content, message: messageOf(c, content) };
    }
    return out;
  };
  /** The world `raw` stands for; given the world `before` of vector `prior`, shares with it. */
  const world = (raw: Int32Array, before?: World, prior?: Int32Array): World => {
    let actors: Record<string, ActorState>;
    if (before && prior) {
      actors = { ...before.actors };
      for (let a = 0; a < actorIds.length; a++) {
        const i = actorBase + a;
        if (raw[i] !== prior[i]) actors[actorIds[a]!] = objects[raw[i]!] as ActorState;
      }
    } else {
      actors = {};
      for (let a = 0; a < actorIds.length; a++) {
        actors[actorIds[a]!] = objects[raw[actorBase + a]!] as ActorState;
      }
    }
    const channels: Record<string, readonly Message[]> = {};
    for (const c of interner.sortedChannels) {
      const q = raw[channelBase + c] ?? 0;
      if (q !== 0) channels[interner.channelNames[c]!] = queueOf(c, q);
    }
    let faultsUsed: Record<string, number> = {};
    let sameFaults = before !== undefined && prior !== undefined;
    for (let i = 0; i < faultIds.length; i++) {
      if (raw[2 + i]) faultsUsed[faultIds[i]!] = raw[2 + i]!;
      if (raw[2 + i] !== prior?.[2 + i]) sameFaults = false;
    }
    if (sameFaults && before) faultsUsed = before.faultsUsed as Record<string, number>;
    return {
      clock: raw[0]!,
      actors,
      channels,
      sent: NO_SENT,
      timers: timersOf(raw[1]!),
      faultsUsed,
    };
  };

  // The step being applied.
  let v = new Int32Array(64);
  let clock = 0;
  let timers: number[] | null = null;
  let outbox: Sent[] = [];
  let outMessages: Message[] = [];
  let taken = new Int32Array(64);
  const touched: number[] = [];
  let touchedCount = 0;
  let delivered: Message[] = [];
  let changed: string[] = [];
  const queueAt = (c: number): number => {
    const i = channelBase + c;
    if (i >= v.length) {
      const grown = new Int32Array(Math.max(v.length * 2, i + 1));
      grown.set(v);
      v = grown;
    }
    return v[i]!;
  };
  const takenFrom = (c: number): number => (c < taken.length ? taken[c]! : 0);
  const headOf = (s: Sent): boolean => s.at - (takenFrom(s.c) - s.popped) === 0;
  const timerList = (): number[] => (timers ??= [...seqs[v[1]!]!]);

  const applyPlans = (owner: number, move: Move): void => {
    const plans = move.plans;
    const compiled = (move.sends[owner] ??= plans.map((p) =>
      p.kind === 'send' ? compile(owner, p) : null,
    ));
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i]!;
      const send = compiled[i];
      if (send) {
        const { c, content, message } = send;
        const q = queueAt(c);
        outbox.push({ c, message, at: seqs[q]!.length, popped: takenFrom(c) });
        outMessages.push(message);
        v[channelBase + c] = push(q, content);
      } else if (plan.kind !== 'send') {
        const name = actorIds[owner];
        timers = timerList().filter((t) => {
          const timer = objects[t] as Timer;
          return !(timer.owner === name && timer.name === plan.name);
        });
        if (plan.kind === 'startTimer') timers.push(timerOf(owner, plan, clock + plan.delay));
      }
    }
  };
  /**
   * The move of actor `a` on `message` (or `event`, numbered `serial` among messages, or -1 not
   * to keep it) now: from the table, or from xstate once.
   */
  const moveOf = (
    a: number,
    message: Message | null,
    event: MachineEvent | null,
    serial: number,
  ): Move => {
    const stateId = v[actorBase + a]!;
    const state = objects[stateId] as ActorState;
    // Keyed by (serial, clock), or by the serial alone (clock TIMELESS) when it did not read it.
    const timeless = serial >= 0 ? serial * CLOCKS + TIMELESS : -1;
    const code = serial >= 0 && clock < TIMELESS ? timeless - TIMELESS + clock : -1;
    const byState = (moves[machineOf[a]!]![stateId] ??= new Map());
    let move = serial >= 0 ? (byState.get(timeless) ?? byState.get(code)) : undefined;
    if (!move) {
      const result: TransitionResult = message
        ? stepper.deliverMessage(machines[a]!, state, message, clock)
        : stepper.deliver(machines[a]!, state, event as MachineEvent);
      const next = interner.frozen(result.state);
      move = { state: next, changed: result.state !== state, plans: result.plans, sends: [] };
      if (isTimeless(result) && timeless >= 0) byState.set(timeless, move);
      else if (code >= 0) byState.set(code, move);
    }
    return move;
  };
  const transition = (
    a: number,
    message: Message | null,
    event: MachineEvent | null,
    serial = message ? queues.serial(message) : -1,
  ): void => {
    const move = moveOf(a, message, event, serial);
    if (move.changed && !changed.includes(actorIds[a]!)) changed.push(actorIds[a]!);
    const sentBefore = outbox.length;
    v[actorBase + a] = move.state;
    applyPlans(a, move);
    const end = outbox.length;
    for (let i = sentBefore; i < end; i++) {
      const s = outbox[i]!;
      if (!s.message.inline) continue;
      if (!headOf(s)) throw new Error(`inline call is queued behind other messages`);
      deliver(s.c);
    }
  };
  const deliver = (c: number): void => {
    const q = queueAt(c);
    if (q === 0) throw new Error(`nothing to deliver on ${interner.channelNames[c]}`);
    const message = messageOf(c, seqs[q]![0]!);
    v[channelBase + c] = pop(q);
    if (c >= taken.length) {
      const grown = new Int32Array(Math.max(taken.length * 2, c + 1));
      grown.set(taken);
      taken = grown;
    }
    if (taken[c] === 0) touched[touchedCount++] = c;
    taken[c]! += 1;
    delivered.push(message);
    const sentBefore = outbox.length;
    transition(interner.channelTo[c]!, message, null);
    if (message.sync) deliverReplies(sentBefore);
  };
  const deliverReplies = (from: number): void => {
    for (let i = from; i < outbox.length; i++) {
      const s = outbox[i]!;
      if (!s.message.reply || s.message.lane !== MAIN_LANE || !headOf(s)) continue;
      deliver(s.c);
    }
  };

  const into = (raw: Int32Array, step: Step, index: number): StepRecord => {
    const size = channelBase + interner.channelNames.length;
    if (v.length < size) v = new Int32Array(size * 2);
    v.fill(0);
    v.set(raw);
    clock = raw[0]!;
    timers = null;
    outbox = [];
    outMessages = [];
    for (let k = 0; k < touchedCount; k++) taken[touched[k]!] = 0;
    touchedCount = 0;
    delivered = [];
    changed = [];
    const dropped: Message[] = [];
    let fault: string | undefined;
    if (step.kind === 'deliver') {
      clock += 1;
      deliver(interner.channel(step.channel));
    } else if (step.kind === 'timer') {
      const { owner, name, due } = step.timer;
      clock = Math.max(clock + 1, due);
      timers = timerList().filter((t) => {
        const timer = objects[t] as Timer;
        return !(timer.owner === owner && timer.name === name);
      });
      const event: MachineEvent = { ...step.timer.payload, type: 'TIMER', name, now: clock };
      transition(actorIndex.get(owner)!, null, event);
    } else {
      const spec = step.fault;
      fault = spec.id;
      v[2 + faultIndex.get(spec.id)!]! += 1;
      if (spec.kind === 'drop') {
        clock += 1;
        const c = interner.channel(spec.channel);
        const items = [...seqs[queueAt(c)]!];
        const at = items.findIndex((m) => (objects[m] as Message).type === spec.messageType);
        if (at < 0 || !step.message) throw new Error(`fault ${spec.id} has no message to drop`);
        dropped.push(messageOf(c, items[at]!));
        items.splice(at, 1);
        v[channelBase + c] = interner.seq(items);
      } else {
        // `explore` sends models with other faults (delay, crash) to the reference explorer.
        if (spec.kind !== 'inject') throw new Error(`fault kind ${spec.kind} is not on the core`);
        clock += spec.duration ?? 1;
        const event: MachineEvent = { type: spec.event, now: clock };
        let serial = faultSerials.get(spec.id);
        if (serial === undefined) faultSerials.set(spec.id, (serial = queues.newSerial()));
        transition(actorIndex.get(spec.actor)!, null, event, serial);
      }
    }
    if (operations) deliverReplies(0);
    v[0] = clock;
    if (timers) v[1] = interner.seq(sortTimers(timers, objects));
    return stepRecord(
      step,
      index,
      raw[0]!,
      clock,
      { delivered, sent: outMessages, dropped, changed },
      fault,
    );
  };
  const apply = (raw: Int32Array, step: Step, index: number) => {
    const record = into(raw, step, index);
    return { raw: copyOf(v, channelBase + interner.channelNames.length), record };
  };
  return {
    world,
    apply,
    into,
    get scratch() {
      return v;
    },
    get length() {
      return channelBase + interner.channelNames.length;
    },
    queue: queueOf,
    timers: timersOf,
  };
}

/** Returns a copy of `from[0..length)` (a plain loop: `slice` is slow on small typed arrays). */
export function copyOf(from: Int32Array, length: number): Int32Array {
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) out[i] = from[i]!;
  return out;
}
