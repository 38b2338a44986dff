/**
 * Steps on raw integer vectors for the integer search core, with the semantics of `apply.ts`
 * (deliveries, inline and synchronous calls, replies within an operation, timers, faults), and
 * the world a vector stands for, built from interned objects for the invariants to read.
 * Machine transitions come from the move table (`vectorMoves.ts`); a move's sends are compiled
 * once per owner into integer results.
 */
import type { MachineEvent, Stepper } from './machines';
import type { Message, Model, Plan, Step, StepRecord, Timer, World } from './types';
import type { Interner } from './vectorIntern';
import { layoutOf, type Layout } from './vectorKey';
import { MoveTable, type Compiled, type Move } from './vectorMoves';
import {
  createQueues,
  recordCopy,
  sortTimers,
  stepRecord,
  worldOf,
  type Queues,
} from './vectorQueues';
import { MAIN_LANE } from './world';

/** Applies steps to raw vectors and builds the worlds they stand for. */
export interface VectorStepper {
  world(raw: Int32Array, before?: World, prior?: Int32Array): World;
  apply(raw: Int32Array, step: Step, index: number): { raw: Int32Array; record: StepRecord };
  /**
   * Applies `step` to `raw` into `scratch` (zeros past `length`), which the next step overwrites:
   * no vector is made for a step that leads to a known world. The record of a delivery (nearly
   * every step) and the lists of every record are the stepper's own, overwritten by the next
   * step too (`recordCopy` keeps one). `channel`: a delivery's channel number when known.
   */
  into(raw: Int32Array, step: Step, index: number, channel?: number): StepRecord;
  readonly scratch: Int32Array;
  readonly length: number;
  /** Channel `c`'s queue numbered `q`, as messages (one object per channel and content). */
  queue(c: number, q: number): readonly Message[];
  /** The timer set numbered `q`. */
  timers(q: number): readonly Timer[];
}

/** Returns a vector stepper for an untimed `model`, numbering values with `interner`. */
export function createVectorStepper(
  model: Model,
  stepper: Stepper,
  interner: Interner,
): VectorStepper {
  return new VectorSteps(model, stepper, interner);
}

/**
 * The vector stepper of one search. A class with its state in fields (no closures made per
 * search), so that the code compiled for one search's steps is kept for the next.
 */
class VectorSteps implements VectorStepper {
  private readonly layout: Layout;
  private readonly actorBase: number;
  private readonly channelBase: number;
  private readonly actorIds: readonly string[];
  private readonly moves: MoveTable;
  private readonly faultIds: readonly string[];
  private readonly faultIndex: Map<string, number>;
  private readonly operations: boolean;
  private readonly queues: Queues;
  /** Injected events are numbered among messages, so their moves are kept alike. */
  private readonly faultSerials = new Map<string, number>();
  private readonly sends = new WeakMap<Plan, Compiled[]>();

  // The step being applied.
  private v = new Int32Array(64);
  private clock = 0;
  private timerSet: number[] | null = null;
  // The lists of the step's record are reused by the next step (`into`).
  /**
   * The messages the step sent, and for each (side by side, no object per send) its channel, its
   * place in its queue when sent, and how many had been taken off that queue by then.
   */
  private readonly outMessages: Message[] = [];
  private readonly outChannels: number[] = [];
  private readonly outAt: number[] = [];
  private readonly outPopped: number[] = [];
  private readonly dropped: Message[] = [];
  private taken = new Int32Array(64);
  private readonly touched: number[] = [];
  private touchedCount = 0;
  private readonly delivered: Message[] = [];
  private readonly changed: string[] = [];
  /** The record of a delivery, rewritten by every delivery (no object per step). */
  private readonly deliveryRecord: {
    -readonly [K in keyof StepRecord]: StepRecord[K];
  };

  constructor(
    model: Model,
    stepper: Stepper,
    private readonly interner: Interner,
  ) {
    const { actorBase, channelBase } = (this.layout = layoutOf(model));
    this.actorBase = actorBase;
    this.channelBase = channelBase;
    this.actorIds = interner.actorIds;
    this.moves = new MoveTable(model, stepper, interner);
    this.faultIds = model.faults.map((f) => f.id);
    this.faultIndex = new Map(this.faultIds.map((id, i) => [id, i]));
    this.operations = model.granularity === 'operations';
    this.queues = createQueues(interner);
    this.deliveryRecord = {
      index: 0,
      key: '',
      kind: 'deliver',
      clockBefore: 0,
      clockAfter: 0,
      delivered: this.delivered,
      sent: this.outMessages,
      dropped: this.dropped,
      changed: this.changed,
    };
  }

  get scratch(): Int32Array {
    return this.v;
  }

  get length(): number {
    return this.channelBase + this.interner.channelNames.length;
  }

  queue(c: number, q: number): readonly Message[] {
    return this.queues.queueOf(c, q);
  }

  timers(q: number): readonly Timer[] {
    return this.queues.timersOf(q);
  }

  private compile(owner: number, plan: Plan & { kind: 'send' }): Compiled {
    let byOwner = this.sends.get(plan);
    if (!byOwner) this.sends.set(plan, (byOwner = []));
    let out = byOwner[owner];
    if (!out) {
      const lane = plan.lane ?? MAIN_LANE;
      const c = this.interner.channelOf(owner, plan.to, lane);
      const content = this.interner.message({
        id: '',
        from: this.actorIds[owner] ?? '',
        to: plan.to,
        type: plan.type,
        payload: plan.payload ?? {},
        reply: plan.reply ?? false,
        sync: plan.sync ?? false,
        ...(plan.inline ? { inline: true as const } : {}),
        lane,
      });
      byOwner[owner] = out = { c, content, message: this.queues.messageOf(c, content) };
    }
    return out;
  }

  /** The world `raw` stands for; given the world `before` of vector `prior`, shares with it. */
  world(raw: Int32Array, before?: World, prior?: Int32Array): World {
    return worldOf(this.interner, this.queues, this.layout, this.faultIds, raw, before, prior);
  }

  private queueAt(c: number): number {
    const i = this.channelBase + c;
    if (i >= this.v.length) {
      const grown = new Int32Array(Math.max(this.v.length * 2, i + 1));
      grown.set(this.v);
      this.v = grown;
    }
    return this.v[i]!;
  }

  private takenFrom(c: number): number {
    return c < this.taken.length ? this.taken[c]! : 0;
  }

  /** Whether the i-th message sent in this step is at the head of its queue. */
  private headOf(i: number): boolean {
    return this.outAt[i]! - (this.takenFrom(this.outChannels[i]!) - this.outPopped[i]!) === 0;
  }

  private timerList(): number[] {
    return (this.timerSet ??= [...this.interner.seqs[this.v[1]!]!]);
  }

  /** The timers without actor `owner`'s timer `name`. */
  private withoutTimer(owner: string, name: string): number[] {
    const objects = this.interner.objects;
    return this.timerList().filter((t) => {
      const timer = objects[t] as Timer;
      return !(timer.owner === owner && timer.name === name);
    });
  }

  /**
   * The sends of `move` compiled for `owner`. Apart from `applyPlans`: a function making a closure
   * that reads its arguments allocates their context on every call, made or not.
   */
  private compiled(owner: number, move: Move): readonly (Compiled | null)[] {
    return (move.sends[owner] ??= move.plans.map((p) =>
      p.kind === 'send' ? this.compile(owner, p) : null,
    ));
  }

  private applyPlans(owner: number, move: Move): void {
    const plans = move.plans;
    const compiled = move.sends[owner] ?? this.compiled(owner, move);
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i]!;
      const send = compiled[i];
      if (send) {
        const { c, content, message } = send;
        const q = this.queueAt(c);
        const at = this.interner.seqs[q]!.length;
        this.outMessages.push(message);
        this.outChannels.push(c);
        this.outAt.push(at);
        this.outPopped.push(this.takenFrom(c));
        this.v[this.channelBase + c] = this.queues.push(q, content);
      } else if (plan.kind !== 'send') {
        this.timerSet = this.withoutTimer(this.actorIds[owner]!, plan.name);
        if (plan.kind === 'startTimer') {
          this.timerSet.push(this.queues.timerOf(owner, plan, this.clock + plan.delay));
        }
      }
    }
  }

  private transition(
    a: number,
    message: Message | null,
    event: MachineEvent | null,
    serial: number,
  ): void {
    const stateId = this.v[this.actorBase + a]!;
    const move = this.moves.moveOf(a, stateId, this.clock, message, event, serial);
    const id = this.actorIds[a]!;
    if (move.changed && !this.changed.includes(id)) this.changed.push(id);
    const sentBefore = this.outMessages.length;
    this.v[this.actorBase + a] = move.state;
    this.applyPlans(a, move);
    const end = this.outMessages.length;
    for (let i = sentBefore; i < end; i++) {
      if (!this.outMessages[i]!.inline) continue;
      if (!this.headOf(i)) throw new Error(`inline call is queued behind other messages`);
      this.deliver(this.outChannels[i]!);
    }
  }

  private deliver(c: number): void {
    const q = this.queueAt(c);
    if (q === 0) throw new Error(`nothing to deliver on ${this.interner.channelNames[c]}`);
    const head = this.interner.seqs[q]![0]!;
    const message = this.queues.messageOf(c, head);
    this.v[this.channelBase + c] = this.queues.pop(q);
    if (c >= this.taken.length) {
      const grown = new Int32Array(Math.max(this.taken.length * 2, c + 1));
      grown.set(this.taken);
      this.taken = grown;
    }
    if (this.taken[c] === 0) this.touched[this.touchedCount++] = c;
    this.taken[c]! += 1;
    this.delivered.push(message);
    const sentBefore = this.outMessages.length;
    const to = this.interner.channelTo[c]!;
    this.transition(to, message, null, this.queues.serialOf(c, head));
    if (message.sync) this.deliverReplies(sentBefore);
  }

  private deliverReplies(from: number): void {
    for (let i = from; i < this.outMessages.length; i++) {
      const message = this.outMessages[i]!;
      if (!message.reply || message.lane !== MAIN_LANE || !this.headOf(i)) continue;
      this.deliver(this.outChannels[i]!);
    }
  }

  /**
   * Empties the record's lists, each popped at a site of its own (one kind of array per site; a
   * shared helper's pop sees them all), the sends' four side by side.
   */
  private emptyLists(): void {
    const { outMessages, outChannels, outAt, outPopped, dropped, delivered, changed } = this;
    for (let n = outMessages.length; n > 0; n--) {
      outMessages.pop();
      outChannels.pop();
      outAt.pop();
      outPopped.pop();
    }
    while (dropped.length > 0) dropped.pop();
    while (delivered.length > 0) delivered.pop();
    while (changed.length > 0) changed.pop();
  }

  into(raw: Int32Array, step: Step, index: number, channel = -1): StepRecord {
    const { interner, channelBase } = this;
    const size = channelBase + interner.channelNames.length;
    if (this.v.length < size) this.v = new Int32Array(size * 2);
    // Past `size` the scratch holds only zeros (no channel is numbered there yet).
    const v = this.v;
    const rawLength = raw.length;
    for (let i = 0; i < rawLength; i++) v[i] = raw[i]!;
    for (let i = rawLength; i < size; i++) v[i] = 0;
    this.clock = raw[0]!;
    this.timerSet = null;
    this.emptyLists();
    for (let k = 0; k < this.touchedCount; k++) this.taken[this.touched[k]!] = 0;
    this.touchedCount = 0;
    const dropped = this.dropped;
    let fault: string | undefined;
    if (step.kind === 'deliver') {
      this.clock += 1;
      this.deliver(channel >= 0 ? channel : interner.channel(step.channel));
    } else if (step.kind === 'timer') {
      const { owner, name, due } = step.timer;
      this.clock = Math.max(this.clock + 1, due);
      this.timerSet = this.withoutTimer(owner, name);
      const event: MachineEvent = { ...step.timer.payload, type: 'TIMER', name, now: this.clock };
      this.transition(interner.actorIndex.get(owner)!, null, event, -1);
    } else {
      const spec = step.fault;
      fault = spec.id;
      this.v[2 + this.faultIndex.get(spec.id)!]! += 1;
      if (spec.kind === 'drop') {
        this.clock += 1;
        const c = interner.channel(spec.channel);
        const items = [...interner.seqs[this.queueAt(c)]!];
        const objects = interner.objects;
        const at = items.findIndex((m) => (objects[m] as Message).type === spec.messageType);
        if (at < 0 || !step.message) throw new Error(`fault ${spec.id} has no message to drop`);
        dropped.push(this.queues.messageOf(c, items[at]!));
        items.splice(at, 1);
        this.v[channelBase + c] = interner.seq(items);
      } else {
        // `explore` sends models with other faults (delay, crash) to the reference explorer.
        if (spec.kind !== 'inject') throw new Error(`fault kind ${spec.kind} is not on the core`);
        this.clock += spec.duration ?? 1;
        const event: MachineEvent = { type: spec.event, now: this.clock };
        let serial = this.faultSerials.get(spec.id);
        if (serial === undefined)
          this.faultSerials.set(spec.id, (serial = this.queues.newSerial()));
        this.transition(interner.actorIndex.get(spec.actor)!, null, event, serial);
      }
    }
    if (this.operations) this.deliverReplies(0);
    this.v[0] = this.clock;
    if (this.timerSet) this.v[1] = interner.seq(sortTimers(this.timerSet, interner.objects));
    if (step.kind === 'deliver') {
      const record = this.deliveryRecord;
      record.index = index;
      record.key = step.key;
      record.clockBefore = raw[0]!;
      record.clockAfter = this.clock;
      return record;
    }
    const lists = {
      delivered: this.delivered,
      sent: this.outMessages,
      dropped,
      changed: this.changed,
    };
    return stepRecord(step, index, raw[0]!, this.clock, lists, fault);
  }

  apply(raw: Int32Array, step: Step, index: number): { raw: Int32Array; record: StepRecord } {
    const record = recordCopy(this.into(raw, step, index));
    return { raw: copyOf(this.v, this.length), record };
  }
}

/** Returns a copy of `from[0..length)` (a plain loop: `slice` is slow on small typed arrays). */
export function copyOf(from: Int32Array, length: number): Int32Array {
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) out[i] = from[i]!;
  return out;
}
