/**
 * Applying one enabled step to a world. Pure: returns the next world and a record of what
 * happened; the input world is untouched.
 */
import type { MachineEvent, Stepper } from './machines';
import type { ActorId, Message, Model, Step, StepRecord, World } from './types';
import { actorSpec, channelKey, commitTransition, draftOf, worldOf, type Draft } from './world';

interface StepLog {
  delivered: Message[];
  dropped: Message[];
  changed: ActorId[];
}

function transitionActor(
  model: Model,
  draft: Draft,
  stepper: Stepper,
  log: StepLog,
  actor: ActorId,
  input: { readonly message: Message } | { readonly event: MachineEvent },
): void {
  const spec = actorSpec(model, actor);
  const state = draft.actors[actor];
  if (!state) throw new Error(`actor "${actor}" has no state`);
  const result =
    'message' in input
      ? stepper.deliverMessage(spec.machine, state, input.message, draft.clock)
      : stepper.deliver(spec.machine, state, input.event);
  if (result.state !== state) log.changed.push(actor);
  const sentBefore = draft.outbox.length;
  commitTransition(draft, actor, result);
  deliverInline(model, draft, stepper, log, sentBefore);
}

/** Delivers, within this step, the inline calls sent from outbox position `from` on. */
function deliverInline(
  model: Model,
  draft: Draft,
  stepper: Stepper,
  log: StepLog,
  from: number,
): void {
  const calls = draft.outbox.slice(from).filter((m) => m.inline);
  for (const message of calls) {
    const channel = channelKey(message.from, message.to, message.lane);
    if (draft.channels[channel]?.[0]?.id !== message.id)
      throw new Error(`inline call ${message.id} is queued behind other messages on ${channel}`);
    deliver(model, draft, stepper, log, channel);
  }
}

function removeMessage(draft: Draft, channel: string, id: string): void {
  const queue = draft.channels[channel] ?? [];
  draft.channels[channel] = queue.filter((m) => m.id !== id);
}

function deliver(
  model: Model,
  draft: Draft,
  stepper: Stepper,
  log: StepLog,
  channel: string,
): void {
  const message = draft.channels[channel]?.[0];
  if (!message) throw new Error(`nothing to deliver on ${channel}`);
  removeMessage(draft, channel, message.id);
  log.delivered.push(message);
  const sentBefore = draft.outbox.length;
  transitionActor(model, draft, stepper, log, message.to, { message });
  if (message.sync) deliverReplies(model, draft, stepper, log, sentBefore);
}

/**
 * Delivers, in the order they were sent, the replies sent from outbox position `from` on. In
 * `operations` granularity a client call is one step, so all replies of the step go this way;
 * a synchronous call's replies always do.
 */
function deliverReplies(
  model: Model,
  draft: Draft,
  stepper: Stepper,
  log: StepLog,
  from = 0,
): void {
  for (let i = from; i < draft.outbox.length; i++) {
    const message = draft.outbox[i];
    if (!message?.reply || message.lane !== 'main') continue;
    const channel = `${message.from}->${message.to}`;
    if (draft.channels[channel]?.[0]?.id !== message.id) continue;
    deliver(model, draft, stepper, log, channel);
  }
}

/** Returns the world after `step` and the record of the step (numbered `index`). Pure. */
export function applyStep(
  model: Model,
  world: World,
  step: Step,
  stepper: Stepper,
  index: number,
): { world: World; record: StepRecord } {
  const draft = draftOf(world, model.timing ?? null);
  const log: StepLog = { delivered: [], dropped: [], changed: [] };
  let fault: string | undefined;
  if (step.kind === 'deliver') {
    const at = step.message.at;
    draft.clock = at === undefined ? draft.clock + 1 : Math.max(draft.clock, at);
    deliver(model, draft, stepper, log, step.channel);
  } else if (step.kind === 'timer') {
    draft.clock = Math.max(draft.clock + 1, step.timer.due);
    const { owner, name } = step.timer;
    draft.timers = draft.timers.filter((t) => !(t.owner === owner && t.name === name));
    const event: MachineEvent = { ...step.timer.payload, type: 'TIMER', name, now: draft.clock };
    transitionActor(model, draft, stepper, log, owner, { event });
  } else {
    const spec = step.fault;
    fault = spec.id;
    draft.faultsUsed[spec.id] = (draft.faultsUsed[spec.id] ?? 0) + 1;
    if (spec.kind === 'drop') {
      draft.clock += 1;
      if (!step.message) throw new Error(`fault ${spec.id} has no message to drop`);
      removeMessage(draft, spec.channel, step.message.id);
      log.dropped.push(step.message);
    } else if (spec.kind === 'delay') {
      draft.clock += spec.duration;
      if (!step.message) throw new Error(`fault ${spec.id} has no message to delay`);
      removeMessage(draft, spec.channel, step.message.id);
      draft.channels[spec.channel] = [...(draft.channels[spec.channel] ?? []), step.message];
    } else if (spec.kind === 'crash') {
      draft.clock += 1;
      const state = draft.actors[spec.actor];
      if (!state) throw new Error(`actor "${spec.actor}" has no state`);
      draft.actors[spec.actor] = { ...state, status: 'stopped' };
      draft.timers = draft.timers.filter((t) => t.owner !== spec.actor);
      log.changed.push(spec.actor);
    } else {
      draft.clock += spec.duration ?? 1;
      const event: MachineEvent = { type: spec.event, now: draft.clock };
      transitionActor(model, draft, stepper, log, spec.actor, { event });
    }
  }
  if (model.granularity === 'operations') deliverReplies(model, draft, stepper, log);
  const record: StepRecord = {
    index,
    key: step.key,
    kind: step.kind,
    clockBefore: world.clock,
    clockAfter: draft.clock,
    delivered: log.delivered,
    sent: draft.outbox,
    dropped: log.dropped,
    ...(step.kind === 'timer' ? { timer: step.timer } : {}),
    ...(fault !== undefined ? { fault } : {}),
    changed: [...new Set(log.changed)],
  };
  return { world: worldOf(draft), record };
}
