/**
 * Channel queues, timer sets and step records for the vector stepper (`vectorStep.ts`): one
 * representative message per channel and content, queues and timer sets as interned sequences,
 * with pushes and pops kept once computed, and the record of a step.
 */
import type { Message, Plan, Step, StepRecord, Timer } from './types';
import type { Interner } from './vectorIntern';
import { MAIN_LANE } from './world';

/** Queues and timer sets of one search, by their interned numbers. */
export interface Queues {
  /** The representative message of `content` on channel `c`. */
  messageOf(c: number, content: number): Message;
  /** A representative message's number among messages (moves are kept by it). */
  serial(message: Message): number;
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
  const { actorIds, seqs, objects } = interner;
  // Representative messages per channel and content, and queues of them.
  const reps: Map<number, Message>[] = [];
  const serials = new WeakMap<Message, number>();
  let serials_ = 0;
  const queueArrays: Map<number, readonly Message[]>[] = [];
  const messageOf = (c: number, content: number): Message => {
    const byContent = (reps[c] ??= new Map());
    let m = byContent.get(content);
    if (!m) {
      const like = objects[content] as Message;
      const rest = interner.channelRest[c] ?? '';
      const name = interner.channelNames[c] ?? '';
      m = {
        id: `${name}#~${content}`,
        from: actorIds[interner.channelFrom[c]!] ?? '',
        to: actorIds[interner.channelTo[c]!] ?? '',
        type: like.type,
        payload: like.payload,
        reply: like.reply,
        sync: like.sync,
        ...(like.inline ? { inline: true as const } : {}),
        lane: rest === '' ? MAIN_LANE : rest.slice(1),
      };
      interner.message(m);
      byContent.set(content, m);
      serials.set(m, serials_++);
    }
    return m;
  };
  const queueOf = (c: number, q: number): readonly Message[] => {
    const byQueue = (queueArrays[c] ??= new Map());
    let queue = byQueue.get(q);
    if (!queue) byQueue.set(q, (queue = seqs[q]!.map((content) => messageOf(c, content))));
    return queue;
  };
  const pushes = new Map<number, Map<number, number>>();
  const push = (q: number, content: number): number => {
    let byContent = pushes.get(q);
    if (!byContent) pushes.set(q, (byContent = new Map()));
    let out = byContent.get(content);
    if (out === undefined) byContent.set(content, (out = interner.seq([...seqs[q]!, content])));
    return out;
  };
  const pops = new Map<number, number>();
  const pop = (q: number): number => {
    let out = pops.get(q);
    if (out === undefined) pops.set(q, (out = interner.seq(seqs[q]!.slice(1))));
    return out;
  };
  const timerIds = new Map<string, number>();
  const timerOf = (owner: number, plan: Plan & { kind: 'startTimer' }, due: number): number => {
    const payload = plan.payload ?? {};
    const key = `${owner}\u0000${plan.name}\u0000${due}\u0000${JSON.stringify(payload)}`;
    let id = timerIds.get(key);
    if (id === undefined) {
      const timer: Timer = { owner: actorIds[owner] ?? '', name: plan.name, due, payload };
      timerIds.set(key, (id = interner.frozen(timer)));
    }
    return id;
  };
  const timerArrays = new Map<number, readonly Timer[]>();
  const timersOf = (q: number): readonly Timer[] => {
    let timers = timerArrays.get(q);
    if (!timers) timerArrays.set(q, (timers = seqs[q]!.map((t) => objects[t] as Timer)));
    return timers;
  };

  return {
    messageOf,
    serial: (message) => serials.get(message)!,
    newSerial: () => serials_++,
    queueOf,
    push,
    pop,
    timerOf,
    timersOf,
  };
}

/** What a step did, as lists. */
export interface StepLists {
  readonly delivered: Message[];
  readonly sent: Message[];
  readonly dropped: Message[];
  readonly changed: string[];
}

/** The record of `step`, taken as step `index`, from `clockBefore` to `clockAfter`. */
export function stepRecord(
  step: Step,
  index: number,
  clockBefore: number,
  clockAfter: number,
  lists: StepLists,
  fault: string | undefined,
): StepRecord {
  const { delivered, sent, dropped, changed } = lists;
  // Deliveries (nearly every step) make the record in one shape, without spreads.
  if (step.kind === 'deliver' && fault === undefined) {
    const { key, kind } = step;
    return { index, key, kind, clockBefore, clockAfter, delivered, sent, dropped, changed };
  }
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

/** Timers in the order `worldOf` keeps them: by due time, owner, name. */
export function sortTimers(timers: number[], objects: readonly (object | undefined)[]): number[] {
  return timers.sort((x, y) => {
    const a = objects[x] as Timer;
    const b = objects[y] as Timer;
    return a.due - b.due || a.owner.localeCompare(b.owner) || a.name.localeCompare(b.name);
  });
}
