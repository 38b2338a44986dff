/**
 * The enabled steps of a world: deliverable channel heads, due timers, and allowed faults.
 * Choosing one of them is the interleaving. Pure.
 */
import type { ActorState, FaultSpec, Model, Step, World } from './types';

function topState(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.keys(value)[0] ?? '';
  return '';
}

/**
 * The name of the state an actor is in: its top-level state, or, for a machine that keeps a
 * `phase` in its context (a scripted process: the label of the step it waits on), that. Pure.
 */
export function stateName(state: ActorState): string {
  const context = state.context;
  if (context && typeof context === 'object' && !Array.isArray(context)) {
    const phase = context['phase'];
    if (typeof phase === 'string') return phase;
  }
  return topState(state.value);
}

function faultStep(model: Model, world: World, fault: FaultSpec): Step | null {
  if ((world.faultsUsed[fault.id] ?? 0) >= fault.max) return null;
  if (fault.kind === 'drop' || fault.kind === 'delay') {
    const message = world.channels[fault.channel]?.find((m) => m.type === fault.messageType);
    return message ? { kind: 'fault', key: `fault:${fault.id}`, fault, message } : null;
  }
  const actor = world.actors[fault.actor];
  if (!actor || actor.status !== 'active') return null;
  if (fault.whenIn && !fault.whenIn.includes(stateName(actor))) return null;
  if (!model.actors.some((a) => a.id === fault.actor)) return null;
  return { kind: 'fault', key: `fault:${fault.id}`, fault };
}

/**
 * Returns the enabled steps of `world`, in a stable order (deliveries by channel, then timers,
 * then faults). Timers fire when due; when nothing else can happen, the earliest timers are
 * enabled and time jumps to them. Faults are offered only while something else can happen, so
 * they never extend a finished run. Pure.
 */
export function enabledSteps(model: Model, world: World): Step[] {
  const steps: Step[] = [];
  for (const channel of Object.keys(world.channels).sort()) {
    const message = world.channels[channel]?.[0];
    if (message) steps.push({ kind: 'deliver', key: channel, channel, message });
  }
  const due = world.timers.filter((t) => t.due <= world.clock);
  const firstDue = world.timers[0]?.due;
  const timers =
    due.length > 0 || steps.length > 0 || firstDue === undefined
      ? due
      : world.timers.filter((t) => t.due === firstDue);
  for (const timer of timers) {
    steps.push({ kind: 'timer', key: `timer:${timer.owner}/${timer.name}`, timer });
  }
  if (steps.length === 0) return steps;
  for (const fault of model.faults) {
    const step = faultStep(model, world, fault);
    if (step) steps.push(step);
  }
  return steps;
}

/** True when no step is enabled: every process is done or blocked for good. Pure. */
export function isQuiescent(model: Model, world: World): boolean {
  return enabledSteps(model, world).length === 0;
}
