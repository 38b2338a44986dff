/**
 * The timed load simulation: request actors (readers, writers…) driven by a Behaviour, cache
 * servers that each run one command at a time (a FIFO queue in front), a database with a pool
 * of connections and a latency, a constant network hop, and virtual time advanced by an event
 * queue. A cache or database holds one actor state per key, stepped by the same behaviour.
 * Deterministic: no real clock; every draw comes from the seeded generators it is given.
 */
import type { MachineEvent, TransitionResult } from '../machines';
import type { ActorState, Json, Plan } from '../types';
import type { Behaviour } from './behaviour';
import { EventQueue } from './heap';
import { Pool, SingleThread, type Slot } from './servers';

/** A cache server: its per-key actors, and how long each command takes. */
export interface CacheServerSpec {
  readonly id: string;
  /** The behaviour kind of its per-key actors (e.g. `cache`). */
  readonly kind: string;
  /** The input of the per-key actor for `key` when first touched (e.g. a warm entry). */
  input(key: string): Json;
  /** Service time of one command, in ms. */
  service(event: MachineEvent): number;
}

export interface DatabaseSpec {
  readonly id: string;
  readonly kind: string;
  readonly connections: number;
  input(key: string): Json;
  /** Time one statement holds a connection, in ms (may draw from a seeded generator). */
  latency(event: MachineEvent): number;
}

/** Hooks through which a scenario measures a run. All optional. */
export interface LoadObserver {
  /** After every transition of a request actor. */
  onStep?(actor: LoadActor, now: number): void;
  /** When a request actor reaches a final state. */
  onDone?(actor: LoadActor, now: number): void;
  /** When a cache server schedules a command (or a script) of `type`. */
  onCache?(server: string, type: string, slot: Slot): void;
  /** When the database runs a statement; `reply` is its answer's payload. */
  onDatabase?(event: MachineEvent, slot: Slot, reply: Json): void;
}

export interface LoadSpec {
  readonly behaviour: Behaviour;
  readonly caches: readonly CacheServerSpec[];
  readonly database: DatabaseSpec;
  /** One-way network latency between any two parties, in ms (constant: keeps FIFO order). */
  readonly hop: number;
  readonly observer: LoadObserver;
}

/** A running request: its machine kind and state, plus scenario data. */
export interface LoadActor {
  readonly id: string;
  readonly kind: string;
  readonly started: number;
  /** Free for the scenario (e.g. the key index or the client number). */
  readonly tag: number;
  state: ActorState;
  /** Set by the scenario when it has recorded the request's answer. */
  returned: boolean;
  /** Free for the scenario: e.g. whether the request went to the origin. */
  flags: number;
}

interface KeyedServer {
  readonly spec: CacheServerSpec;
  readonly thread: SingleThread;
  readonly states: Map<string, ActorState>;
}

/** Payload fields every load event carries (absent ones as undefined), in one fixed shape. */
const COMMON = new Set(['type', 'from', 'now', 'key', 'value', 'version', 'lease', 'ttl']);

/**
 * Returns the event an actor receives: the payload's fields plus type, sender and time, as the
 * engine's `messageEvent` builds it, except that the common fields are always present (absent
 * ones as undefined, which every machine reads as absent). One object shape keeps this hot
 * path fast; spreads and growing objects are slow here.
 */
export function loadEvent(
  payload: { readonly [key: string]: Json } | undefined,
  type: string,
  from: string,
  now: number,
): MachineEvent {
  const event: { [key: string]: Json | undefined } = {
    type,
    from,
    now,
    key: payload?.key,
    value: payload?.value,
    version: payload?.version,
    lease: payload?.lease,
    ttl: payload?.ttl,
  };
  if (payload) for (const name in payload) if (!COMMON.has(name)) event[name] = payload[name];
  return event as MachineEvent;
}

/** Returns `event` at time `now`. */
function at(event: MachineEvent, now: number): MachineEvent {
  return loadEvent(event, event.type, String(event.from), now);
}

/** One simulation run. Create, schedule sources with `at`/`spawn`, then `run(until)`. */
export class LoadSim {
  now = 0;
  readonly servers = new Map<string, KeyedServer>();
  private readonly queue = new EventQueue<() => void>();
  private readonly actors = new Map<string, LoadActor>();
  private readonly rows = new Map<string, ActorState>();
  private readonly pool: Pool;
  private nextId = 0;
  events = 0;

  constructor(private readonly spec: LoadSpec) {
    for (const cache of spec.caches) {
      this.servers.set(cache.id, { spec: cache, thread: new SingleThread(), states: new Map() });
    }
    this.pool = new Pool(spec.database.connections);
  }

  /** Schedules `task` at virtual time `time` (never before now). */
  at(time: number, task: () => void): void {
    this.queue.push(Math.max(time, this.now), task);
  }

  /** Starts a request actor now; returns it. */
  spawn(kind: string, input: Json, tag = 0): LoadActor {
    const { state, plans } = this.spec.behaviour.initial(kind, input);
    const actor: LoadActor = {
      id: `r${this.nextId++}`,
      kind,
      started: this.now,
      tag,
      state,
      returned: false,
      flags: 0,
    };
    this.actors.set(actor.id, actor);
    this.settle(actor, plans);
    return actor;
  }

  /** Runs every event due before `until`; returns how many ran. */
  run(until: number): number {
    let ran = 0;
    while (this.queue.peekTime() < until) {
      const next = this.queue.pop();
      if (!next) break;
      this.now = next.time;
      next.item();
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
    const slot = server.thread.admit(this.now + this.spec.hop, service);
    for (const command of commands) this.execute(server, at(command, slot.start));
    this.spec.observer.onCache?.(serverId, 'SCRIPT', slot);
    this.at(slot.end + this.spec.hop, () => done(this.now));
  }

  /** Runs one database statement for a caller that is not an actor; `done` gets the reply. */
  query(event: MachineEvent, done: (reply: Json, now: number) => void): void {
    this.database(event, (plans, now) => {
      const reply = plans.find((p) => p.kind === 'send');
      done(reply?.kind === 'send' ? (reply.payload ?? null) : null, now);
    });
  }

  private serverOf(id: string): KeyedServer {
    const server = this.servers.get(id);
    if (!server) throw new Error(`no cache server "${id}"`);
    return server;
  }

  /** Applies a command to its key's actor on `server`; returns the plans (the reply). */
  private execute(server: KeyedServer, event: MachineEvent): readonly Plan[] {
    const key = String(event.key);
    const state =
      server.states.get(key) ??
      this.spec.behaviour.initial(server.spec.kind, server.spec.input(key)).state;
    const result = this.spec.behaviour.deliver(server.spec.kind, state, event);
    server.states.set(key, result.state);
    return result.plans;
  }

  private database(event: MachineEvent, reply: (plans: readonly Plan[], now: number) => void) {
    const db = this.spec.database;
    const slot = this.pool.admit(this.now + this.spec.hop, db.latency(event));
    this.at(slot.start, () => {
      const key = String(event.key);
      const state = this.rows.get(key) ?? this.spec.behaviour.initial(db.kind, db.input(key)).state;
      const result: TransitionResult = this.spec.behaviour.deliver(
        db.kind,
        state,
        at(event, this.now),
      );
      this.rows.set(key, result.state);
      const answer = result.plans.find((p) => p.kind === 'send');
      this.spec.observer.onDatabase?.(
        event,
        slot,
        answer?.kind === 'send' ? (answer.payload ?? null) : null,
      );
      this.at(slot.end + this.spec.hop, () => reply(result.plans, this.now));
    });
  }

  private deliver(actor: LoadActor, event: MachineEvent): void {
    if (!this.actors.has(actor.id)) return;
    const result = this.spec.behaviour.deliver(actor.kind, actor.state, event);
    actor.state = result.state;
    this.settle(actor, result.plans);
  }

  /** Carries out an actor's plans, then reports its step (and its end). */
  private settle(actor: LoadActor, plans: readonly Plan[]): void {
    for (const plan of plans) this.carryOut(actor, plan);
    this.spec.observer.onStep?.(actor, this.now);
    if (actor.state.status !== 'active') {
      this.actors.delete(actor.id);
      this.spec.observer.onDone?.(actor, this.now);
    }
  }

  private carryOut(actor: LoadActor, plan: Plan): void {
    if (plan.kind === 'startTimer') {
      const payload = { ...(plan.payload ?? {}), name: plan.name };
      this.at(this.now + plan.delay, () =>
        this.deliver(actor, loadEvent(payload, 'TIMER', actor.id, this.now)),
      );
      return;
    }
    if (plan.kind === 'cancelTimer') throw new Error('load actors do not cancel timers');
    const event = loadEvent(plan.payload, plan.type, actor.id, this.now);
    const server = this.servers.get(plan.to);
    if (server) {
      const slot = server.thread.admit(this.now + this.spec.hop, server.spec.service(event));
      const replies = this.execute(server, at(event, slot.start));
      this.spec.observer.onCache?.(plan.to, plan.type, slot);
      this.at(slot.end + this.spec.hop, () => this.replies(plan.to, replies));
      return;
    }
    if (plan.to === this.spec.database.id) {
      this.database(event, (replies) => this.replies(plan.to, replies));
      return;
    }
    const target = this.actors.get(plan.to);
    if (target) this.at(this.now + this.spec.hop, () => this.deliver(target, at(event, this.now)));
  }

  /** Delivers the reply plans of server `from` to the actors they address, now. */
  private replies(from: string, plans: readonly Plan[]): void {
    for (const plan of plans) {
      if (plan.kind !== 'send') continue;
      const target = this.actors.get(plan.to);
      if (target) this.deliver(target, loadEvent(plan.payload, plan.type, from, this.now));
    }
  }
}
