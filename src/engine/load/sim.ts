/**
 * The timed load simulation: request actors (readers, writers…) driven by a Behaviour, cache
 * servers that each run one command at a time (a FIFO queue in front), a database with a pool
 * of connections and a latency, a constant network hop, and virtual time advanced by an event
 * queue. A cache or database holds one actor per key, kept and stepped by the same behaviour
 * (its own per-key store, or a state per key).
 * Deterministic: no real clock; every draw comes from the seeded generators it is given.
 */
import type { MachineEvent } from '../machines';
import type { Json, Plan } from '../types';
import { keyedActors, type KeyedActors } from './behaviour';
import { actorIndex, loadEvent, type TimedEvent } from './events';
import { SlotHeap } from './heap';
import { KeyTable, type KeyHolder } from './keys';
import { Pool, SingleThread } from './servers';
import type { CacheServerSpec, LoadActor, LoadSpec, Runnable } from './spec';

export { loadEvent } from './events';
export type {
  CacheServerSpec,
  DatabaseSpec,
  LoadActor,
  LoadObserver,
  LoadSpec,
  Runnable,
} from './spec';

/** A request actor as the simulation keeps it: with the key of its latest command, numbered. */
interface SimActor extends LoadActor, KeyHolder {}

interface KeyedServer {
  readonly spec: CacheServerSpec;
  readonly thread: SingleThread;
  /** Its per-key cache actors. */
  readonly keys: KeyedActors;
}

// What a scheduled event does; its operands sit in the record pool's `a`, `b` and `c`.
const TASK = 0; // a: () => void
const RUN = 1; // a: Runnable
const DONE = 2; // a: (now) => void (a script's reply)
const STATEMENT = 3; // a: event, c: the caller (server id, or a query's callback), id, span
const REPLIES = 4; // a: the replying server's id, b: its plans
const ANSWER = 5; // a: a query's callback, b: the database's plans
const TIMER = 6; // a: actor, b: the timer's payload
const DELIVER = 7; // a: actor, b: event (timed on delivery)

type QueryDone = (reply: Json, now: number) => void;

/** Returns the payload of the first send in `plans`, or null. Pure. */
function answerOf(plans: readonly Plan[]): Json {
  for (const plan of plans) {
    if (plan.kind === 'send') return plan.payload ?? null;
  }
  return null;
}

/** One simulation run. Create, schedule sources with `at`/`spawn`, then `run(until)`. */
export class LoadSim {
  now = 0;
  readonly servers = new Map<string, KeyedServer>();
  private readonly heap = new SlotHeap();
  // The record pool of scheduled events: what each does and its operands, by slot.
  private kinds = new Uint8Array(1024);
  /** The key number of a scheduled statement, by slot. */
  private ids = new Int32Array(1024);
  /** A scheduled statement's slot in the pool (start, end, waited, depth), four per slot. */
  private spans = new Float64Array(4 * 1024);
  private readonly a: unknown[] = [];
  private readonly b: unknown[] = [];
  private readonly c: unknown[] = [];
  private readonly free: number[] = [];
  /** Live request actors by number (`r<n>`); finished ones are cleared. */
  private readonly actors: (SimActor | undefined)[] = [];
  /** The run's key numbers (one per key name). */
  readonly keys = new KeyTable();
  /** The database's per-key row actors. */
  private readonly rows: KeyedActors;
  private readonly pool: Pool;
  private readonly hop: number;
  private readonly dbId: string;
  private nextId = 0;
  /** The slots an onCache or onDatabase observer reads for a single command, reused. */
  private readonly cacheSlot = { start: 0, end: 0, waited: 0, depth: 0 };
  private readonly dbSlot = { start: 0, end: 0, waited: 0, depth: 0 };
  events = 0;

  constructor(private readonly spec: LoadSpec) {
    for (const cache of spec.caches) {
      const keys = keyedActors(spec.behaviour, cache.kind, cache);
      this.servers.set(cache.id, { spec: cache, thread: new SingleThread(), keys });
    }
    const db = spec.database;
    this.rows = keyedActors(spec.behaviour, db.kind, db);
    this.pool = new Pool(spec.database.connections);
    this.hop = spec.hop;
    this.dbId = spec.database.id;
  }

  /** Schedules `task` at virtual time `time` (never before now). */
  at(time: number, task: () => void): void {
    this.schedule(time, TASK, task, undefined, undefined, 0);
  }

  /** Schedules `runnable.run()` at virtual time `time` (never before now). */
  atRun(time: number, runnable: Runnable): void {
    this.schedule(time, RUN, runnable, undefined, undefined, 0);
  }

  /**
   * Starts a request actor now; returns it. `key`, when given, is the number of the key its
   * commands name (from `keys`): saves looking the key up by name. A number that
   * does not match is only slower: each command's key is checked against the number's name.
   */
  spawn(kind: string, input: Json, tag = 0, key = -1): LoadActor {
    const { state, plans } = this.spec.behaviour.initial(kind, input);
    const index = this.nextId++;
    const actor: SimActor = {
      id: `r${index}`,
      index,
      kind,
      started: this.now,
      tag,
      state,
      returned: false,
      flags: 0,
      key: key >= 0 ? this.keys.name(key) : undefined,
      keyId: key,
    };
    this.actors[index] = actor;
    this.settle(actor, plans);
    return actor;
  }

  /** Runs every event due before `until`; returns how many ran. */
  run(until: number): number {
    const heap = this.heap;
    let ran = 0;
    while (heap.size > 0 && heap.peekTime() < until) {
      this.now = heap.peekTime();
      const slot = heap.pop();
      const kind = this.kinds[slot] as number;
      const a = this.a[slot];
      const b = this.b[slot];
      const c = this.c[slot];
      if (kind === STATEMENT) this.span(slot);
      this.a[slot] = this.b[slot] = this.c[slot] = undefined;
      this.free.push(slot);
      this.dispatch(kind, a, b, c, this.ids[slot] as number);
      ran++;
    }
    this.events += ran;
    return ran;
  }

  /**
   * Sends a script to cache server `serverId` now: `commands` run back to back as ONE command
   * (nothing else runs in between) taking `service` ms; `done` is called when its reply lands.
   */
  script(
    serverId: string,
    commands: readonly MachineEvent[],
    service: number,
    done: (now: number) => void,
  ): void {
    const server = this.serverOf(serverId);
    const slot = server.thread.admit(this.now + this.hop, service);
    // A script's replies stay inside the server: nobody reads them.
    for (const command of commands) {
      const key = String(command.key);
      server.keys.deliver(this.keys.number(key), key, command, slot.start, false);
    }
    this.spec.observer.onCache?.(serverId, 'SCRIPT', slot);
    this.schedule(slot.end + this.hop, DONE, done, undefined, undefined, 0);
  }

  /** Runs one database statement for a caller that is not an actor; `done` gets the reply. */
  query(event: MachineEvent, done: (reply: Json, now: number) => void): void {
    this.database(event, done, this.keys.number(String(event.key)));
  }

  /** Schedules an event; returns its slot in the record pool. */
  private schedule(
    time: number,
    kind: number,
    a: unknown,
    b: unknown,
    c: unknown,
    id: number,
  ): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.a.length;
      if (slot === this.kinds.length) {
        const kinds = new Uint8Array(slot * 2);
        kinds.set(this.kinds);
        this.kinds = kinds;
        const ids = new Int32Array(slot * 2);
        ids.set(this.ids);
        this.ids = ids;
        const spans = new Float64Array(slot * 8);
        spans.set(this.spans);
        this.spans = spans;
      }
    }
    this.kinds[slot] = kind;
    this.ids[slot] = id;
    this.a[slot] = a;
    this.b[slot] = b;
    this.c[slot] = c;
    this.heap.push(Math.max(time, this.now), slot);
    return slot;
  }

  /** Reads the pool slot of the statement scheduled in record `slot` into `dbSlot`. */
  private span(slot: number): void {
    const spans = this.spans;
    const at = 4 * slot;
    const dbSlot = this.dbSlot;
    dbSlot.start = spans[at] as number;
    dbSlot.end = spans[at + 1] as number;
    dbSlot.waited = spans[at + 2] as number;
    dbSlot.depth = spans[at + 3] as number;
  }

  private dispatch(kind: number, a: unknown, b: unknown, c: unknown, id: number): void {
    switch (kind) {
      case TASK:
        return (a as () => void)();
      case RUN:
        return (a as Runnable).run();
      case DONE:
        return (a as (now: number) => void)(this.now);
      case STATEMENT:
        return this.statement(a as MachineEvent, c as string | QueryDone, id);
      case REPLIES:
        return this.replies(a as string, b as readonly Plan[]);
      case ANSWER:
        return (a as QueryDone)(answerOf(b as readonly Plan[]), this.now);
      case TIMER: {
        const actor = a as SimActor;
        const payload = b as { [key: string]: Json };
        return this.deliver(actor, loadEvent(payload, 'TIMER', actor.id, this.now));
      }
      case DELIVER: {
        const event = b as TimedEvent;
        event.now = this.now;
        return this.deliver(a as SimActor, event);
      }
    }
  }

  private serverOf(id: string): KeyedServer {
    const server = this.servers.get(id);
    if (!server) throw new Error(`no cache server "${id}"`);
    return server;
  }

  /**
   * Queues a statement on key number `id` for the database; its caller is a server id or a
   * query's callback.
   */
  private database(event: MachineEvent, caller: string | QueryDone, id: number): void {
    const pool = this.pool;
    pool.take(this.now + this.hop, this.spec.database.latency(event));
    const at = 4 * this.schedule(pool.start, STATEMENT, event, undefined, caller, id);
    const spans = this.spans;
    spans[at] = pool.start;
    spans[at + 1] = pool.end;
    spans[at + 2] = pool.waited;
    spans[at + 3] = pool.depth;
  }

  /**
   * Runs a statement as its connection takes it (its pool slot read into `dbSlot`), then sends
   * the reply back to the caller.
   */
  private statement(event: MachineEvent, caller: string | QueryDone, id: number): void {
    const plans = this.rows.deliver(id, String(event.key), event, this.now);
    const slot = this.dbSlot;
    this.spec.observer.onDatabase?.(event, slot, answerOf(plans));
    const end = slot.end + this.hop;
    if (typeof caller === 'string') this.schedule(end, REPLIES, caller, plans, undefined, 0);
    else this.schedule(end, ANSWER, caller, plans, undefined, 0);
  }

  private deliver(actor: SimActor, event: MachineEvent): void {
    if (this.actors[actor.index] !== actor) return;
    const result = this.spec.behaviour.deliver(actor.kind, actor.state, event);
    actor.state = result.state;
    this.settle(actor, result.plans);
  }

  /** Carries out an actor's plans, then reports its step (and its end). */
  private settle(actor: SimActor, plans: readonly Plan[]): void {
    for (const plan of plans) this.carryOut(actor, plan);
    this.spec.observer.onStep?.(actor, this.now);
    if (actor.state.status !== 'active') {
      this.actors[actor.index] = undefined;
      this.spec.observer.onDone?.(actor, this.now);
    }
  }

  private carryOut(actor: SimActor, plan: Plan): void {
    if (plan.kind === 'startTimer') {
      const payload = { ...(plan.payload ?? {}), name: plan.name };
      this.schedule(this.now + plan.delay, TIMER, actor, payload, undefined, 0);
      return;
    }
    if (plan.kind === 'cancelTimer') throw new Error('load actors do not cancel timers');
    const event = loadEvent(plan.payload, plan.type, actor.id, this.now);
    const server = this.servers.get(plan.to);
    if (server) {
      const thread = server.thread;
      thread.take(this.now + this.hop, server.spec.service(event));
      const { start, end } = thread;
      // Fresh and seen only by `service`: timed in place for the command's start.
      event.now = start;
      const id = this.keys.numberFor(actor, event.key);
      const replies = server.keys.deliver(id, String(event.key), event, start);
      const onCache = this.spec.observer.onCache;
      if (onCache) {
        const slot = this.cacheSlot;
        slot.start = start;
        slot.end = end;
        slot.waited = thread.waited;
        slot.depth = thread.depth;
        onCache.call(this.spec.observer, plan.to, plan.type, slot);
      }
      this.schedule(end + this.hop, REPLIES, plan.to, replies, undefined, 0);
      return;
    }
    if (plan.to === this.dbId) {
      this.database(event, plan.to, this.keys.numberFor(actor, event.key));
      return;
    }
    const target = this.actorOf(plan.to);
    if (target) this.schedule(this.now + this.hop, DELIVER, target, event, undefined, 0);
  }

  /** The live request actor with id `id`, if any. */
  private actorOf(id: string): SimActor | undefined {
    const index = actorIndex(id);
    const actor = index < 0 ? undefined : this.actors[index];
    return actor !== undefined && actor.id === id ? actor : undefined;
  }

  /** Delivers the reply plans of server `from` to the actors they address, now. */
  private replies(from: string, plans: readonly Plan[]): void {
    for (const plan of plans) {
      if (plan.kind !== 'send') continue;
      const target = this.actorOf(plan.to);
      if (target) this.deliver(target, loadEvent(plan.payload, plan.type, from, this.now));
    }
  }
}
