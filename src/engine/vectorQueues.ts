/**
 * Channel queues, timer sets and step records for the vector stepper (`vectorStep.ts`): one
 * representative message per channel and content, queues and timer sets as interned sequences,
 * with pushes and pops kept once computed; the record of a step, and the world a vector stands
 * for.
 */
import type { ActorState, Message, Plan, Step, StepRecord, Timer, World } from './types';
import type { Interner } from './vectorIntern';
import type { Layout } from './vectorKey';
import { MAIN_LANE } from './world';

/** Queues and timer sets of one search, by their interned numbers. */
export interface Queues {
  /** The representative message of `content` on channel `c`. */
  messageOf(c: number, content: number): Message;
  /** The number among messages of the representative of `content` on channel `c` (made first). */
  serialOf(c: number, content: number): number;
  /** A new number among messages (for injected events). */
  newSerial(): number;
  /** Channel `c`'s queue numbered `q`, as messages (one array per channel and queue). */
  queueOf(c: number, q: number): readonly Message[];
  /** The queue `q` with `content` added at its end. */
  push(q: number, content: number): number;
  /** The queue `q` without its head. */
  pop(q: number): number;
  /** The number of the timer `plan` of actor `owner` starts, due at `due`. */
  timerOf(owner: number, plan: Plan & { kind: 'startTimer' }, due: number): number;
  /** The timer set numbered `q`. */
  timersOf(q: number): readonly Timer[];
}

/** Returns the queues and timer sets of a search numbering values with `interner`. */
export function createQueues(interner: Interner): Queues {
  return new SearchQueues(interner);
}

/**
 * The queues of one search: a class, so that no closures are made per search. What is kept per
 * channel, content or queue is kept in arrays by those numbers (small, dense integers).
 */
class SearchQueues implements Queues {
  /** Representative messages per channel and content, their numbers, and queues of them. */
  private readonly reps: (Message | undefined)[][] = [];
  private readonly serials: number[][] = [];
  private serialCount = 0;
  private readonly queueArrays: Map<number, readonly Message[]>[] = [];
  private readonly pushes: (number | undefined)[][] = [];
  private readonly pops: (number | undefined)[] = [];
  private readonly timerIds = new Map<string, number>();
  private readonly timerArrays = new Map<number, readonly Timer[]>();

  constructor(private readonly interner: Interner) {}

  messageOf(c: number, content: number): Message {
    const interner = this.interner;
    const byContent = (this.reps[c] ??= []);
    let m = byContent[content];
    if (!m) {
      const like = interner.objects[content] as Message;
      const rest = interner.channelRest[c] ?? '';
      const name = interner.channelNames[c] ?? '';
      const id = `${name}#~${content}`;
      const from = interner.actorIds[interner.channelFrom[c]!] ?? '';
      const to = interner.actorIds[interner.channelTo[c]!] ?? '';
      const { type, payload, reply, sync } = like;
      const lane = rest === '' ? MAIN_LANE : rest.slice(1);
      // Two plain literals, not a spread: their maps are kept by the code (see `keptShapes`).
      m = like.inline
        ? { id, from, to, type, payload, reply, sync, inline: true, lane }
        : { id, from, to, type, payload, reply, sync, lane };
      interner.message(m);
      byContent[content] = m;
      (this.serials[c] ??= [])[content] = this.serialCount++;
    }
    return m;
  }

  serialOf(c: number, content: number): number {
    const serial = this.serials[c]?.[content];
    return serial ?? (this.messageOf(c, content), this.serials[c]![content]!);
  }

  newSerial(): number {
    return this.serialCount++;
  }

  queueOf(c: number, q: number): readonly Message[] {
    const byQueue = (this.queueArrays[c] ??= new Map());
    return byQueue.get(q) ?? this.queueOnce(byQueue, c, q);
  }

  /** Apart from `queueOf`: a closure reading its arguments would make a context on every call. */
  private queueOnce(byQueue: Map<number, readonly Message[]>, c: number, q: number): Message[] {
    const queue = this.interner.seqs[q]!.map((content) => this.messageOf(c, content));
    byQueue.set(q, queue);
    return queue;
  }

  push(q: number, content: number): number {
    const byContent = (this.pushes[q] ??= []);
    let out = byContent[content];
    if (out === undefined) {
      out = this.interner.seq([...this.interner.seqs[q]!, content]);
      byContent[content] = out;
    }
    return out;
  }

  pop(q: number): number {
    let out = this.pops[q];
    if (out === undefined) this.pops[q] = out = this.interner.seq(this.interner.seqs[q]!.slice(1));
    return out;
  }

  timerOf(owner: number, plan: Plan & { kind: 'startTimer' }, due: number): number {
    const payload = plan.payload ?? {};
    const key = `${owner}\u0000${plan.name}\u0000${due}\u0000${JSON.stringify(payload)}`;
    let id = this.timerIds.get(key);
    if (id === undefined) {
      const timer: Timer = {
        owner: this.interner.actorIds[owner] ?? '',
        name: plan.name,
        due,
        payload,
      };
      this.timerIds.set(key, (id = this.interner.frozen(timer)));
    }
    return id;
  }

  timersOf(q: number): readonly Timer[] {
    let timers = this.timerArrays.get(q);
    if (!timers) {
      const objects = this.interner.objects;
      timers = this.interner.seqs[q]!.map((t) => objects[t] as Timer);
      this.timerArrays.set(q, timers);
    }
    return timers;
  }
}

/**
 * The world `raw` (laid out as `layout`) stands for; given the world `before` of vector `prior`,
 * shares with it.
 */
export function worldOf(
  interner: Interner,
  queues: Queues,
  layout: Layout,
  faultIds: readonly string[],
  raw: Int32Array,
  before?: World,
  prior?: Int32Array,
): World {
  const { actorBase, channelBase } = layout;
  const { actorIds, objects } = interner;
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
    if (q !== 0) channels[interner.channelNames[c]!] = queues.queueOf(c, q);
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
    timers: queues.timersOf(raw[1]!),
    faultsUsed,
  };
}

const NO_SENT: Readonly<Record<string, number>> = Object.freeze({});

/** What a step did, as lists. */
export interface StepLists {
  readonly delivered: Message[];
  readonly sent: Message[];
  readonly dropped: Message[];
  readonly changed: string[];
}

/** The record of `step` (a timer or a fault: the stepper keeps its own for deliveries), as step `index`. */
export function stepRecord(
  step: Step,
  index: number,
  clockBefore: number,
  clockAfter: number,
  lists: StepLists,
  fault: string | undefined,
): StepRecord {
  const { delivered, sent, dropped, changed } = lists;
  return {
    index,
    key: step.key,
    kind: step.kind,
    clockBefore,
    clockAfter,
    delivered,
    sent,
    dropped,
    ...(step.kind === 'timer' ? { timer: step.timer } : {}),
    ...(fault !== undefined ? { fault } : {}),
    changed,
  };
}

/** A copy of `record` with lists of its own (the vector stepper reuses its lists). */
export function recordCopy(record: StepRecord): StepRecord {
  const { delivered, sent, dropped, changed } = record;
  return {
    ...record,
    delivered: [...delivered],
    sent: [...sent],
    dropped: [...dropped],
    changed: [...changed],
  };
}

/**
 * Empties `list` by popping: setting `length` to 0 trims the array's store in the runtime, about
 * ten times the cost of popping the few items a step's lists hold.
 */
export function empty(list: unknown[]): void {
  while (list.length > 0) list.pop();
}

/** Timers in the order `worldOf` keeps them: by due time, owner, name. */
export function sortTimers(timers: number[], objects: readonly (object | undefined)[]): number[] {
  return timers.sort((x, y) => {
    const a = objects[x] as Timer;
    const b = objects[y] as Timer;
    return a.due - b.due || a.owner.localeCompare(b.owner) || a.name.localeCompare(b.name);
  });
}
