/**
 * The enabled steps of a raw integer vector, as `steps.ts` gives them for the world it stands
 * for (same steps, same order), without building the world: step objects are made once per
 * channel head, timer and fault, and shared.
 */
import { stateName } from './steps';
import type { ActorState, FaultSpec, Model, Step } from './types';
import type { Interner } from './vectorIntern';
import type { VectorStepper } from './vectorStep';
import type { Layout } from './vectorKey';

/** Returns a function giving the enabled steps of a raw vector of `model`. */
export function createEnabled(
  model: Model,
  interner: Interner,
  layout: Layout,
  vectors: VectorStepper,
): (raw: Int32Array) => Step[] {
  const { actorBase, channelBase } = layout;
  const { seqs, objects } = interner;
  const deliveries: Map<number, Step>[] = [];
  const timerSteps = new Map<number, Step>();
  const faultSteps = new Map<string, Step>();
  const dropSteps = new WeakMap<object, Step>();
  const names = new Map<number, string>();
  const nameOf = (state: number): string => {
    let name = names.get(state);
    if (name === undefined) names.set(state, (name = stateName(objects[state] as ActorState)));
    return name;
  };
  const actorAt = new Map(model.actors.map((a) => [a.id, interner.actorIndex.get(a.id)!]));

  const faultStep = (raw: Int32Array, fault: FaultSpec, i: number): Step | null => {
    if ((raw[2 + i] ?? 0) >= fault.max) return null;
    if (fault.kind === 'drop' || fault.kind === 'delay') {
      const c = interner.channel(fault.channel);
      const q = channelBase + c < raw.length ? raw[channelBase + c]! : 0;
      const message =
        q === 0 ? undefined : vectors.queue(c, q).find((m) => m.type === fault.messageType);
      if (!message) return null;
      let step = dropSteps.get(message);
      if (!step) {
        step = { kind: 'fault', key: `fault:${fault.id}`, fault, message };
        dropSteps.set(message, step);
      }
      return step;
    }
    const a = actorAt.get(fault.actor);
    if (a === undefined) return null;
    const state = raw[actorBase + a]!;
    if ((objects[state] as ActorState).status !== 'active') return null;
    if (fault.whenIn && !fault.whenIn.includes(nameOf(state))) return null;
    let step = faultSteps.get(fault.id);
    if (!step)
      faultSteps.set(fault.id, (step = { kind: 'fault', key: `fault:${fault.id}`, fault }));
    return step;
  };

  return (raw) => {
    const steps: Step[] = [];
    for (const c of interner.sortedChannels) {
      const q = channelBase + c < raw.length ? raw[channelBase + c]! : 0;
      if (q === 0) continue;
      const head = seqs[q]![0]!;
      const byHead = (deliveries[c] ??= new Map());
      let step = byHead.get(head);
      if (!step) {
        const channel = interner.channelNames[c]!;
        const message = vectors.queue(c, q)[0]!;
        byHead.set(head, (step = { kind: 'deliver', key: channel, channel, message }));
      }
      steps.push(step);
    }
    if (raw[1] !== 0) {
      const clock = raw[0]!;
      const ids = seqs[raw[1]!]!;
      const timers = vectors.timers(raw[1]!);
      const firstDue = timers[0]?.due;
      // Decided before any timer is added: with nothing else to do, time jumps to the first due.
      const jumps = steps.length === 0 && !timers.some((t) => t.due <= clock);
      ids.forEach((id, k) => {
        const timer = timers[k]!;
        const fires = jumps ? timer.due === firstDue : timer.due <= clock;
        if (!fires) return;
        let step = timerSteps.get(id);
        if (!step) {
          step = { kind: 'timer', key: `timer:${timer.owner}/${timer.name}`, timer };
          timerSteps.set(id, step);
        }
        steps.push(step);
      });
    }
    if (steps.length === 0) return steps;
    model.faults.forEach((fault, i) => {
      const step = faultStep(raw, fault, i);
      if (step) steps.push(step);
    });
    return steps;
  };
}
