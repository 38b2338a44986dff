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
import { empty } from './vectorQueues';

/** Returns a function giving the enabled steps of a raw vector of `model`. */
export function createEnabled(
  model: Model,
  interner: Interner,
  layout: Layout,
  vectors: VectorStepper,
): (raw: Int32Array) => Step[] {
  const enabled = new EnabledSteps(model, interner, layout, vectors);
  return (raw) => enabled.of(raw);
}

/**
 * The enabled steps of one search's raw vectors: a class with its caches in fields (no closures
 * made per search), so that the code compiled for one search is kept for the next.
 */
export class EnabledSteps {
  private readonly actorBase: number;
  private readonly channelBase: number;
  /** Per channel, per content at its head: the delivery step. */
  private readonly deliveries: (Step | undefined)[][] = [];
  private readonly timerSteps = new Map<number, Step>();
  private readonly faultSteps = new Map<string, Step>();
  private readonly dropSteps = new WeakMap<object, Step>();
  private readonly names = new Map<number, string>();
  private readonly actorAt: Map<string, number>;
  private readonly faults: readonly FaultSpec[];

  constructor(
    model: Model,
    private readonly interner: Interner,
    layout: Layout,
    private readonly vectors: VectorStepper,
  ) {
    this.actorBase = layout.actorBase;
    this.channelBase = layout.channelBase;
    this.actorAt = new Map(model.actors.map((a) => [a.id, interner.actorIndex.get(a.id)!]));
    this.faults = model.faults;
  }

  private nameOf(state: number): string {
    let name = this.names.get(state);
    if (name === undefined) {
      name = stateName(this.interner.objects[state] as ActorState);
      this.names.set(state, name);
    }
    return name;
  }

  private faultStep(raw: Int32Array, fault: FaultSpec, i: number): Step | null {
    if ((raw[2 + i] ?? 0) >= fault.max) return null;
    if (fault.kind === 'drop' || fault.kind === 'delay') {
      const c = this.interner.channel(fault.channel);
      const at = this.channelBase + c;
      const q = at < raw.length ? raw[at]! : 0;
      const message =
        q === 0 ? undefined : this.vectors.queue(c, q).find((m) => m.type === fault.messageType);
      if (!message) return null;
      let step = this.dropSteps.get(message);
      if (!step) {
        step = { kind: 'fault', key: `fault:${fault.id}`, fault, message };
        this.dropSteps.set(message, step);
      }
      return step;
    }
    const a = this.actorAt.get(fault.actor);
    if (a === undefined) return null;
    const state = raw[this.actorBase + a]!;
    if ((this.interner.objects[state] as ActorState).status !== 'active') return null;
    if (fault.whenIn && !fault.whenIn.includes(this.nameOf(state))) return null;
    let step = this.faultSteps.get(fault.id);
    if (!step) {
      step = { kind: 'fault', key: `fault:${fault.id}`, fault };
      this.faultSteps.set(fault.id, step);
    }
    return step;
  }

  /**
   * The enabled steps of `raw`, in the order `steps.ts` gives them (into `steps`, emptied); with
   * `channels`, each step's channel number goes there too, -1 for steps that deliver nothing.
   */
  of(raw: Int32Array, steps: Step[] = [], channels?: number[]): Step[] {
    const { interner, channelBase } = this;
    const seqs = interner.seqs;
    empty(steps);
    if (channels) empty(channels);
    for (const c of interner.sortedChannels) {
      const q = channelBase + c < raw.length ? raw[channelBase + c]! : 0;
      if (q === 0) continue;
      const head = seqs[q]![0]!;
      const byHead = (this.deliveries[c] ??= []);
      let step = byHead[head];
      if (!step) {
        const channel = interner.channelNames[c]!;
        const message = this.vectors.queue(c, q)[0]!;
        byHead[head] = step = { kind: 'deliver', key: channel, channel, message };
      }
      steps.push(step);
      if (channels) channels.push(c);
    }
    if (raw[1] !== 0) this.addTimers(raw, steps);
    if (steps.length === 0) return steps;
    for (let i = 0; i < this.faults.length; i++) {
      const step = this.faultStep(raw, this.faults[i]!, i);
      if (step) steps.push(step);
    }
    if (channels) while (channels.length < steps.length) channels.push(-1);
    return steps;
  }

  /** Adds the timer steps of `raw` to `steps` (its deliveries). */
  private addTimers(raw: Int32Array, steps: Step[]): void {
    const clock = raw[0]!;
    const ids = this.interner.seqs[raw[1]!]!;
    const timers = this.vectors.timers(raw[1]!);
    const firstDue = timers[0]?.due;
    // Decided before any timer is added: with nothing else to do, time jumps to the first due.
    const jumps = steps.length === 0 && !timers.some((t) => t.due <= clock);
    for (let k = 0; k < ids.length; k++) {
      const timer = timers[k]!;
      const fires = jumps ? timer.due === firstDue : timer.due <= clock;
      if (!fires) continue;
      let step = this.timerSteps.get(ids[k]!);
      if (!step) {
        step = { kind: 'timer', key: `timer:${timer.owner}/${timer.name}`, timer };
        this.timerSteps.set(ids[k]!, step);
      }
      steps.push(step);
    }
  }
}
