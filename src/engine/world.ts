/**
 * Building worlds and applying actor plans to them. Pure: every function returns a new
 * world and never mutates its input.
 */
import type { Stepper, TransitionResult } from './machines';
import { rngFor } from './rng';
import type { ActorId, ActorSpec, Message, Model, Plan, Timer, Timing, World } from './types';

export const MAIN_LANE = 'main';

/** Returns the channel key of a sender→receiver lane. Pure. */
export function channelKey(from: ActorId, to: ActorId, lane: string = MAIN_LANE): string {
  return lane === MAIN_LANE ? `${from}->${to}` : `${from}->${to}:${lane}`;
}

/** A world under construction inside one step; copied on first write. */
export interface Draft {
  clock: number;
  actors: Record<ActorId, World['actors'][string]>;
  channels: Record<string, readonly Message[]>;
  sent: Record<string, number>;
  timers: Timer[];
  faultsUsed: Record<string, number>;
  /** Messages sent during this step, in order. */
  outbox: Message[];
  /** Network timing of a timed model, or null. */
  timing: Timing | null;
}

/** Returns a mutable copy of `world` to build the next world from. Pure. */
export function draftOf(world: World, timing: Timing | null = null): Draft {
  return {
    timing,
    clock: world.clock,
    actors: { ...world.actors },
    channels: { ...world.channels },
    sent: { ...world.sent },
    timers: [...world.timers],
    faultsUsed: { ...world.faultsUsed },
    outbox: [],
  };
}

/** Freezes a draft back into a world (drops empty channels so equal worlds compare equal). */
export function worldOf(draft: Draft): World {
  const channels: Record<string, readonly Message[]> = {};
  for (const key of Object.keys(draft.channels).sort()) {
    const queue = draft.channels[key];
    if (queue && queue.length > 0) channels[key] = queue;
  }
  const timers = [...draft.timers].sort(
    (a, b) => a.due - b.due || a.owner.localeCompare(b.owner) || a.name.localeCompare(b.name),
  );
  return {
    clock: draft.clock,
    actors: draft.actors,
    channels,
    sent: draft.sent,
    timers,
    faultsUsed: draft.faultsUsed,
  };
}

/** In a timed model, stamps the arrival time (never before the message ahead of it: FIFO). */
function arrival(draft: Draft, message: Message, ahead: Message | undefined): Message {
  if (!draft.timing) return message;
  const latency = draft.timing.latency(message, rngFor(draft.timing.seed, message.id).float());
  const at = Math.max(draft.clock + Math.max(0, Math.round(latency)), ahead?.at ?? 0);
  return { ...message, at };
}

/** Carries out an actor's plans on a draft: sends become messages, timers are set or cleared. */
export function applyPlans(draft: Draft, owner: ActorId, plans: readonly Plan[]): void {
  for (const plan of plans) {
    if (plan.kind === 'send') {
      const lane = plan.lane ?? MAIN_LANE;
      const key = channelKey(owner, plan.to, lane);
      const seq = (draft.sent[key] ?? 0) + 1;
      draft.sent[key] = seq;
      const id = `${key}#${seq}`;
      const message: Message = {
        id,
        from: owner,
        to: plan.to,
        type: plan.type,
        payload: plan.payload ?? {},
        reply: plan.reply ?? false,
        sync: plan.sync ?? false,
        ...(plan.inline ? { inline: true as const } : {}),
        lane,
      };
      const queue = draft.channels[key] ?? [];
      const stamped = arrival(draft, message, queue[queue.length - 1]);
      draft.channels[key] = [...queue, stamped];
      draft.outbox.push(stamped);
    } else if (plan.kind === 'startTimer') {
      draft.timers = draft.timers.filter((t) => !(t.owner === owner && t.name === plan.name));
      draft.timers.push({
        owner,
        name: plan.name,
        due: draft.clock + plan.delay,
        payload: plan.payload ?? {},
      });
    } else {
      draft.timers = draft.timers.filter((t) => !(t.owner === owner && t.name === plan.name));
    }
  }
}

/** Records an actor's transition result on a draft and carries out its plans. */
export function commitTransition(draft: Draft, actor: ActorId, result: TransitionResult): void {
  draft.actors[actor] = result.state;
  applyPlans(draft, actor, result.plans);
}

/** Returns the initial world of a model: every machine's initial state, entry sends in flight. */
export function createWorld(model: Model, stepper: Stepper): World {
  const empty = { clock: 0, actors: {}, channels: {}, sent: {}, timers: [], faultsUsed: {} };
  const draft = draftOf(empty, model.timing ?? null);
  for (const spec of model.actors) {
    commitTransition(draft, spec.id, stepper.initial(spec.machine, spec.input));
  }
  return worldOf(draft);
}

/** Returns the spec of an actor, or throws when the model has none by that id. */
export function actorSpec(model: Model, id: ActorId): ActorSpec {
  const spec = model.actors.find((a) => a.id === id);
  if (!spec) throw new Error(`unknown actor "${id}"`);
  return spec;
}
